/**
 * Makes the offline voice's data from the eSpeak NG package (@echogarden/espeak-ng-emscripten, GPL-3.0) at build
 * time: the English part of its 24 MB data package (under 1 MB; src/workers/voice-pack.ts), written to
 * `node_modules/.montage-voice/espeak-en.bin`, which the voice worker imports as `montage-voice/espeak-en.bin?url`
 * (vite.config.ts's alias). Made again whenever the package's version changes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packVoice } from '../src/workers/voice-pack.ts';

/** Where the file goes (the alias `montage-voice/`). */
export const VOICE_DIR = join(process.cwd(), 'node_modules', '.montage-voice');
const PACKAGE = '@echogarden/espeak-ng-emscripten';

/** The data files English speech reads: the phonemes, the intonation, the English dictionary and languages, the voice variants. */
const isEnglish = (name: string): boolean =>
  /^(phondata|phonindex|phontab|intonations|en_dict)$/.test(name) || name.startsWith('lang/gmw/en') || name.startsWith('voices/!v/');

/** Returns the files of the package's data as its script lists them: name (under espeak-ng-data/) and byte range. */
export function packageFiles(glue: string): { name: string; start: number; end: number }[] {
  const list = /loadPackage\(\{files:\[(.*?)\],remote_package_size:(\d+)\}\)/s.exec(glue);
  if (!list) throw new Error(`${PACKAGE}: its script lists no data files (a new build layout?)`);
  return [...list[1].matchAll(/filename:"([^"]*)",start:(\d+),end:(\d+)/g)].map((m) => ({ name: m[1].replace(/^.*?espeak-ng-data\//, ''), start: Number(m[2]), end: Number(m[3]) }));
}

/** Returns the English pack of the installed package's data. */
export function englishPack(): Uint8Array {
  const root = dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
  const glue = readFileSync(join(root, 'espeak-ng.js'), 'utf8');
  const data = new Uint8Array(readFileSync(join(root, 'espeak-ng.data')));
  const parts = packageFiles(glue).filter((f) => isEnglish(f.name)).map((f): [number, number] => [f.start, f.end]);
  if (parts.length < 6) throw new Error(`${PACKAGE}: its data has no English voice`);
  return packVoice(data, parts);
}

/** Writes `espeak-en.bin` into `dir` unless it is there for this version of the package; returns its path. */
export function ensureVoiceFiles(dir = VOICE_DIR): string {
  const version = (JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`), 'utf8')) as { version: string }).version;
  const stamp = join(dir, 'version');
  const file = join(dir, 'espeak-en.bin');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === version && existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, englishPack());
  writeFileSync(stamp, version);
  return file;
}
