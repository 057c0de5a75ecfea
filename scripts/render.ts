/**
 * `npm run render -- <workout file> --music <folder> -o out.mp3`: the audio export from the command line. It is
 * the app itself, not a second implementation: the app is built and served here, a headless Chromium opens it
 * (with a profile of its own, so nothing touches the browser you use), imports the folder's music as the Library
 * screen would (tags, analysis), imports the workout file as the Workouts screen would (.txt, .json or .zwo), and
 * runs the same export — planner, engine, encoder — then saves the file and its cue sheet (`out.cues.json`).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { withPreview } from './bench-preview';
import { parseRenderArgs, RENDER_USAGE } from './render-args';

const MUSIC = new Set(['.mp3', '.m4a', '.aac', '.mp4', '.ogg', '.opus', '.oga', '.flac', '.wav', '.webm']);

/** The music files of `folder` (not its subfolders), by name. */
function musicFiles(folder: string): string[] {
  if (!folder) return [];
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`--music ${folder}: no such folder`);
  return readdirSync(folder).filter((n) => MUSIC.has(extname(n).toLowerCase()) && statSync(join(folder, n)).isFile()).sort().map((n) => join(folder, n));
}

/** Returns a port nothing listens on now (the server is started on it at once). */
const freePort = (): Promise<number> => new Promise((done, fail) => {
  const probe = createServer().once('error', fail).listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as AddressInfo;
    probe.close(() => done(port));
  });
});

/** Runs `fn` in the page with `arg`; page code is plain JavaScript text (tsx's helpers do not exist there). */
const inPage = <T>(page: Page, fn: string, arg: unknown): Promise<T> => page.evaluate(`(${fn})(${JSON.stringify(arg)})`) as Promise<T>;

const IMPORT_MUSIC = `async ({ names }) => {
  const s = () => window.montage.store.getState();
  const files = [];
  for (const [i, name] of names.entries()) files.push(new File([await (await fetch('/__render/music/' + i)).blob()], name));
  await s().importFiles(files);
  while (s().tracks.some((t) => t.status === 'queued' || t.status === 'analyzing')) await new Promise((r) => setTimeout(r, 250));
  return {
    tracks: s().tracks.map((t) => ({ title: t.title, status: t.status, bpm: t.grid ? t.grid.bpm : null, error: t.error ?? null })),
    problems: s().libraryMessages.filter((n) => n.tone === 'error').map((n) => n.text),
  };
}`;

const IMPORT_WORKOUT = `async ({ name }) => {
  const s = () => window.montage.store.getState();
  const before = new Set(s().workouts.map((w) => w.id));
  await s().importWorkoutFile(new File([await (await fetch('/__render/workout')).blob()], name));
  const added = s().workouts.find((w) => !before.has(w.id));
  if (added) return { id: added.id, name: added.name };
  return { error: s().workoutMessages.filter((n) => n.tone === 'error').map((n) => n.text).join(' ') || 'the workout file added no workout' };
}`;

const EXPORT = `async ({ workout, choice }) => {
  const s = () => window.montage.store.getState();
  s().openAudioExport({ workoutId: workout.id, workoutName: workout.name });
  s().setAudioExportChoice(choice);
  if (!s().audioExportFormats.includes(choice.format)) return { error: 'this browser cannot write ' + choice.format };
  await s().startAudioExport();
  const st = s().audioExport;
  if (st.status !== 'done') return { error: st.message ?? 'the export ended as ' + st.status };
  window.__rendered = st.result.file;
  return { size: st.result.file.size, sheet: st.result.cueSheet, voiceCut: st.result.voiceCut };
}`;

const CHUNK = `async ({ from, to }) => {
  const bytes = new Uint8Array(await window.__rendered.slice(from, to).arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}`;

async function render(argv: string[]): Promise<void> {
  const args = parseRenderArgs(argv);
  if (!existsSync(args.workout)) throw new Error(`${args.workout}: no such file`);
  const music = musicFiles(args.music);
  if (music.length === 0) console.warn(`No music files in ${args.music}: the demo tracks are used.`);
  const dist = process.env.MONTAGE_DIST ?? mkdtempSync(join(tmpdir(), 'montage-render-'));
  try {
    await withPreview({ port: args.port ?? (await freePort()), outDir: dist, build: !process.env.MONTAGE_DIST }, async (url) => {
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
      try {
        const page = await browser.newPage();
        await page.route('**/__render/music/*', (route) => route.fulfill({ body: readFileSync(music[Number(/\/(\d+)$/.exec(route.request().url())![1])]) }));
        await page.route('**/__render/workout', (route) => route.fulfill({ body: readFileSync(args.workout) }));
        await page.goto(url);
        await page.waitForFunction(() => 'montage' in window);
        if (music.length > 0) {
          console.log(`Importing ${music.length} music files…`);
          const { tracks, problems } = await inPage<{ tracks: { title: string; status: string; bpm: number | null; error: string | null }[]; problems: string[] }>(page, IMPORT_MUSIC, { names: music.map((m) => basename(m)) });
          for (const p of problems) console.warn(`  ${p}`);
          for (const t of tracks) console.log(`  ${t.title}: ${t.status === 'ready' ? `${t.bpm?.toFixed(1)} BPM` : `not used (${t.error ?? t.status})`}`);
        }
        const workout = await inPage<{ id: string; name: string } | { error: string }>(page, IMPORT_WORKOUT, { name: basename(args.workout) });
        if ('error' in workout) throw new Error(`${basename(args.workout)}: ${workout.error}`);
        console.log(`Exporting "${workout.name}" as ${args.format.toUpperCase()}${args.includeVoice ? ' with voice' : ''}…`);
        const progress = setInterval(() => void page.evaluate('window.montage.store.getState().audioExport.fraction').then((f) => typeof f === 'number' && process.stdout.write(`\r  ${Math.round(f * 100)} %`), () => undefined), 1000);
        const result = await inPage<{ size: number; sheet: { durationSec: number }; voiceCut: number } | { error: string }>(page, EXPORT, { workout, choice: { format: args.format, includeCues: args.includeCues, includeVoice: args.includeVoice } }).finally(() => clearInterval(progress));
        if ('error' in result) throw new Error(`the export failed: ${result.error}`);
        const parts: Buffer[] = [];
        for (let at = 0; at < result.size; at += 4 << 20) parts.push(Buffer.from(await inPage<string>(page, CHUNK, { from: at, to: Math.min(result.size, at + (4 << 20)) }), 'base64'));
        writeFileSync(args.out, Buffer.concat(parts));
        const sheetPath = args.out.replace(/\.[^./]+$/, '') + '.cues.json';
        writeFileSync(sheetPath, `${JSON.stringify(result.sheet, null, 2)}\n`);
        const min = Math.floor(result.sheet.durationSec / 60);
        const sec = Math.round(result.sheet.durationSec % 60);
        console.log(`\r${resolve(args.out)}: ${min}:${String(sec).padStart(2, '0')}, ${(result.size / 1e6).toFixed(1)} MB; cue sheet ${resolve(sheetPath)}`);
        if (result.voiceCut > 0) console.log(`${result.voiceCut} spoken cues were cut short to end before the next cue.`);
      } finally {
        await browser.close();
      }
    });
  } finally {
    if (!process.env.MONTAGE_DIST) rmSync(dist, { recursive: true, force: true });
  }
}

render(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`montage render: ${e instanceof Error ? e.message : String(e)}`);
  if (e instanceof Error && e.name === 'UsageError') console.error(RENDER_USAGE);
  process.exit(1);
});
