/**
 * Decoded clips for the tuning loop: each corpus file decoded once (scripts/decode-file.ts, mono at
 * the analysis rate) and kept as raw float32 under `.corpus/cache/<corpus>/`, so that a pass over
 * a corpus costs only the analysis.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ANALYSIS_RATE } from '../../src/analysis/novelty';
import { decodeFile } from '../decode-file';

/** Returns the mono PCM of `file` at ANALYSIS_RATE, decoding it on first use. */
export async function cachedPcm(repo: string, corpusDir: string, file: string): Promise<Float32Array> {
  const dir = path.join(repo, '.corpus', 'cache', path.basename(path.resolve(corpusDir)));
  const cached = path.join(dir, `${file}.f32`);
  const source = path.join(corpusDir, file);
  if (fs.existsSync(cached) && fs.statSync(cached).mtimeMs >= fs.statSync(source).mtimeMs) {
    const bytes = fs.readFileSync(cached);
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  }
  const audio = await decodeFile(source, ANALYSIS_RATE);
  if (audio.sampleRate !== ANALYSIS_RATE) throw new Error(`${file}: decoded at ${audio.sampleRate} Hz`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(cached, Buffer.from(audio.pcm.buffer, audio.pcm.byteOffset, audio.pcm.byteLength));
  return audio.pcm;
}
