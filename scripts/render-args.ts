/** The command line of `npm run render` (scripts/render.ts): what to export, from what, to where. Pure. */
import { extname } from 'node:path';

export interface RenderArgs {
  workout: string;
  music: string;
  out: string;
  format: 'wav' | 'mp3' | 'opus';
  includeCues: boolean;
  includeVoice: boolean;
  /** The port to serve the app on; a free one when not given. */
  port?: number;
}

export const RENDER_USAGE = `usage: npm run render -- <workout.txt|.json|.zwo> [--music <folder>] -o <out.mp3|out.wav|out.opus> [--no-cues] [--no-voice] [--port <n>]
  The workout's file as the Workouts screen imports it; the folder's music files as the Library imports them
  (none: the demo tracks). The format follows the output's extension. A cue sheet is written beside it (<out>.cues.json).`;

const usage = (message: string): Error => Object.assign(new Error(message), { name: 'UsageError' });

/** Returns the arguments of `argv` (after the script's name); throws a UsageError naming what is wrong. */
export function parseRenderArgs(argv: readonly string[]): RenderArgs {
  const rest: string[] = [];
  let music = '';
  let out = '';
  let port: number | undefined;
  let includeCues = true;
  let includeVoice = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw usage(`${a} needs a value`);
      return v;
    };
    if (a === '--music') music = value();
    else if (a === '-o' || a === '--out') out = value();
    else if (a === '--port') port = Number(value());
    else if (a === '--no-cues') includeCues = false;
    else if (a === '--no-voice') includeVoice = false;
    else if (a === '-h' || a === '--help') throw usage('help');
    else if (a.startsWith('-')) throw usage(`unknown option ${a}`);
    else rest.push(a);
  }
  if (rest.length !== 1) throw usage(rest.length === 0 ? 'no workout file given' : `one workout file, not ${rest.length}`);
  if (!out) throw usage('no output file given (-o out.mp3)');
  const format = extname(out).toLowerCase().slice(1);
  if (format !== 'wav' && format !== 'mp3' && format !== 'opus') throw usage(`${out}: the output must end in .mp3, .wav or .opus`);
  if (port !== undefined && (!Number.isInteger(port) || port < 1024 || port > 65535)) throw usage(`--port ${port}: a port from 1024 to 65535`);
  return { workout: rest[0], music, out, format, includeCues, includeVoice, port };
}
