/**
 * Reference detector for the benchmark: music-tempo (Beatroot, Dixon 2001; MIT) over the same
 * decoder, printing the same JSON lines as scripts/analyze.ts. Not used by the app.
 */
import MusicTempo from 'music-tempo';
import { decodeFile } from './decode-file';

const REFERENCE_RATE = 44100; // music-tempo's hop and window sizes assume 44.1 kHz

/** Returns the JSON line of music-tempo's reading of one file (never throws). */
async function referenceLine(file: string): Promise<string> {
  const started = performance.now();
  try {
    const audio = await decodeFile(file, REFERENCE_RATE);
    const result = new MusicTempo(audio.pcm) as { tempo: string | number; beats: number[] };
    const bpm = Number(result.tempo);
    const timeMs = Math.round((performance.now() - started) * 10) / 10;
    const beats = result.beats ?? [];
    return JSON.stringify({ file, bpm: bpm > 0 ? bpm : null, firstBeat: beats[0] ?? null, beats, confidence: bpm > 0 ? 1 : 0, timeMs });
  } catch (error) {
    return JSON.stringify({ file, error: error instanceof Error ? error.message : String(error) });
  }
}

for (const file of process.argv.slice(2)) process.stdout.write((await referenceLine(file)) + '\n');
