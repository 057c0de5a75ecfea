/**
 * The export bench's music as a user's library holds it: each generated track (kick on the beat from its grid,
 * hats off the beat, a chord tone per bar; 44.1 kHz stereo) encoded as an MP3 at 192 kbit/s by LAME, so the export
 * reads it the way it reads stored tracks (workers/track-file-reader.ts: decoded run by run). Kept in
 * `.bench/export-tracks/` and made again only when missing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createEncoder } from '../src/workers/audio-encode';
import type { PoolTrack } from '../src/core/music-pool';

const RATE = 44100;
const DIR = join('.bench', 'export-tracks');
/** Bump when the sound changes, so old files are not reused. */
const VERSION = 1;

/** Returns the track's samples: the generator the bench has always used, now in Node. */
function synthesize(t: PoolTrack): [Float32Array, Float32Array] {
  if (!t.grid) throw new Error(`bench track ${t.id} has no grid`);
  const grid = t.grid;
  const n = Math.round(t.durationSec * RATE);
  const l = new Float32Array(n);
  const r = new Float32Array(n);
  const beat = 60 / grid.bpm;
  let seed = t.id.length * 7919;
  for (let k = 0; grid.firstBeatSec + k * beat < t.durationSec; k++) {
    const at = Math.round((grid.firstBeatSec + k * beat) * RATE);
    for (let i = 0; i < 0.25 * RATE && at + i < n; i++) {
      const v = 0.6 * Math.exp(-i / (0.06 * RATE)) * Math.sin((2 * Math.PI * 55 * i) / RATE);
      l[at + i] += v;
      r[at + i] += v;
    }
    const off = at + Math.round((beat * RATE) / 2);
    for (let i = 0; i < 0.04 * RATE && off + i < n; i++) {
      seed = (seed * 16807) % 2147483647;
      const v = 0.15 * Math.exp(-i / (0.01 * RATE)) * (seed / 1073741823 - 1);
      l[off + i] += v;
      r[off + i] += 0.7 * v;
    }
    if (k % 4 === 0) {
      for (let i = 0; i < 4 * beat * RATE && at + i < n; i++) {
        const v = 0.08 * Math.exp(-i / (1.5 * RATE)) * Math.sin((2 * Math.PI * 220 * i) / RATE);
        l[at + i] += v * 0.6;
        r[at + i] += v;
      }
    }
  }
  return [l, r];
}

/** Returns the MP3 of `track`, encoding it when it is not kept yet. */
export async function benchTrackMp3(track: PoolTrack): Promise<Buffer> {
  const file = join(DIR, `${track.id}-${track.grid?.bpm}-${track.durationSec}-v${VERSION}.mp3`);
  if (existsSync(file)) return readFileSync(file);
  const [l, r] = synthesize(track);
  const wasm = readFileSync(createRequire(import.meta.url).resolve('wasm-media-encoders/wasm/mp3'));
  const result = await createEncoder({ format: 'mp3', sampleRate: RATE, channels: 2, frames: l.length }, wasm);
  if (!result.ok) throw new Error(result.error);
  const parts: Uint8Array[] = [];
  for (let at = 0; at < l.length; at += RATE * 10) parts.push(...(await result.session.push([l.subarray(at, at + RATE * 10), r.subarray(at, at + RATE * 10)])));
  parts.push(...(await result.session.end()));
  mkdirSync(DIR, { recursive: true });
  const bytes = Buffer.concat(parts);
  writeFileSync(file, bytes);
  return bytes;
}
