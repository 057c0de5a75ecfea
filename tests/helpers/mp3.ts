/** MP3 files for the browser tests, encoded here by the app's own LAME build (no Xing header: decoders trim nothing). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createEncoder } from '../../src/workers/audio-encode';

/** Returns `channels` (1 or 2, at `sampleRate`: 32, 44.1 or 48 kHz) as an MP3 at 192 kbit/s. */
export async function encodeMp3(channels: Float32Array[], sampleRate: number): Promise<Uint8Array> {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('wasm-media-encoders/wasm/mp3'));
  const result = await createEncoder({ format: 'mp3', sampleRate, channels: channels.length, frames: channels[0].length }, wasm);
  if (!result.ok) throw new Error(result.error);
  const parts = [await result.session.push(channels), await result.session.end()].flat();
  return new Uint8Array(Buffer.concat(parts));
}
