/**
 * Analysis CLI: `npm run analyze -- <files…>` prints one JSON line per file on stdout:
 * {"file","bpm","firstBeat","beats","downbeats","beatsPerBar","confidence","timeMs"} or
 * {"file","error"}. One bad file never stops the run. timeMs = decode + analysis of that file.
 */
import { analyzeTrack } from '../src/analysis/analyze-track';
import { ANALYSIS_RATE } from '../src/analysis/novelty';
import { decodeFile } from './decode-file';
import { collectStartupGarbage } from './gc';
import { nativeDecoderAvailable } from './native-decode';

/** Returns the JSON line for one file (never throws). */
export async function analyzeFile(file: string): Promise<string> {
  const started = performance.now();
  try {
    const audio = await decodeFile(file, ANALYSIS_RATE);
    const result = analyzeTrack(audio.pcm, audio.sampleRate);
    const timeMs = Math.round((performance.now() - started) * 10) / 10;
    const { bpm, firstBeat, beats, downbeats, beatsPerBar, confidence } = result;
    return JSON.stringify({ file, bpm, firstBeat, beats, downbeats, beatsPerBar, confidence, timeMs });
  } catch (error) {
    return JSON.stringify({ file, error: error instanceof Error ? error.message : String(error) });
  }
}

async function main(files: string[]): Promise<void> {
  if (files.length === 0) {
    process.stderr.write('usage: npm run analyze -- <audio files…>\n');
    process.exitCode = 2;
    return;
  }
  // Start-up, before any file's clock starts: load the decoder library and sweep the loader's garbage.
  await nativeDecoderAvailable();
  collectStartupGarbage();
  for (const file of files) process.stdout.write((await analyzeFile(file)) + '\n');
}

await main(process.argv.slice(2));
