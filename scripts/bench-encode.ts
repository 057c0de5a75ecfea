/**
 * Export encoding benchmark: 5 minutes of generated stereo music at 44.1 kHz, pushed in 1-second chunks as the
 * renderer would, through the WAV session, the MP3 session (wasm-media-encoders: LAME in WebAssembly, the one the
 * app ships) and, as the reference measured in the same run, the pure-JS @breezystack/lamejs (rejected: slower).
 * Both MP3s at 192 kbit/s CBR. Figures: × real time by wall clock and by CPU time, and MB per minute of audio.
 * Run alone with `npx tsx scripts/bench-encode.ts`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Mp3Encoder } from '@breezystack/lamejs';
import { createEncoder, type EncodeOptions } from '../src/workers/audio-encode';
import { blip, drumGroove, mixAt } from '../tests/helpers/signals';

const RATE = 44100;
const SECONDS = 300;
const CHUNK = RATE;
const KBPS = 192;

/** Returns a stereo groove at 128 BPM with a bass line and chord stabs, differently mixed left and right. */
function music(): Float32Array[] {
  const channels = [drumGroove({ bpm: 128, seconds: SECONDS, sampleRate: RATE, seed: 3 }), drumGroove({ bpm: 128, seconds: SECONDS, sampleRate: RATE, seed: 9 })];
  const notes = [110, 130.81, 146.83, 164.81].map((hz) => blip(hz, 0.2, RATE, 0.45));
  for (let beat = 0, t = 0; t < SECONDS; beat++, t = (beat * 60) / 128) {
    channels.forEach((c, side) => mixAt(c, notes[(beat + side) % notes.length], t + 0.23, RATE, 0.35));
  }
  return channels.map((c) => c.map((x) => 0.6 * x));
}

interface Run {
  wallMs: number;
  cpuMs: number;
  bytes: number;
}

async function measure(encode: () => Promise<number> | number): Promise<Run> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const bytes = await encode();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, bytes };
}

async function session(channels: Float32Array[], options: Omit<EncodeOptions, 'sampleRate' | 'channels' | 'frames'>, wasm?: Uint8Array): Promise<number> {
  const result = await createEncoder({ ...options, sampleRate: RATE, channels: 2, frames: channels[0].length }, wasm);
  if (!result.ok) throw new Error(result.error);
  let bytes = 0;
  for (let at = 0; at < channels[0].length; at += CHUNK) for (const c of await result.session.push(channels.map((ch) => ch.subarray(at, at + CHUNK)))) bytes += c.length;
  for (const c of await result.session.end()) bytes += c.length;
  return bytes;
}

/** lamejs takes 16-bit integers: the conversion is part of its cost. */
function lamejs(channels: Float32Array[]): number {
  const encoder = new Mp3Encoder(2, RATE, KBPS);
  const toInt16 = (c: Float32Array): Int16Array => Int16Array.from(c, (x) => Math.round(Math.max(-1, Math.min(1, x)) * 32767));
  let bytes = 0;
  for (let at = 0; at < channels[0].length; at += CHUNK) bytes += encoder.encodeBuffer(toInt16(channels[0].subarray(at, at + CHUNK)), toInt16(channels[1].subarray(at, at + CHUNK))).length;
  return bytes + encoder.flush().length;
}

const line = (name: string, run: Run): string =>
  `${name}: ${((SECONDS * 1000) / run.wallMs).toFixed(1)}× real time (by CPU time ${((SECONDS * 1000) / run.cpuMs).toFixed(1)}×), ` +
  `${(run.bytes / 1e6 / (SECONDS / 60)).toFixed(2)} MB per minute`;

/** Returns the benchmark's report lines. */
export async function benchEncode(): Promise<string[]> {
  const channels = music();
  const wasm = readFileSync(createRequire(import.meta.url).resolve('wasm-media-encoders/wasm/mp3'));
  const tag = { title: 'Bench', durationMs: SECONDS * 1000, chapters: [{ title: 'All', startMs: 0, endMs: SECONDS * 1000 }] };
  const wav = await measure(() => session(channels, { format: 'wav' }));
  const mp3 = await measure(() => session(channels, { format: 'mp3', kbps: KBPS, tag }, wasm));
  const reference = await measure(() => lamejs(channels));
  return [
    `${SECONDS / 60} min of generated stereo music at ${RATE} Hz, pushed in ${CHUNK / RATE} s chunks; MP3 at ${KBPS} kbit/s CBR`,
    line('WAV 16-bit (wav-file.ts)', wav),
    line('MP3, wasm-media-encoders 0.7.0 (LAME in WebAssembly; shipped)', mp3),
    line('MP3, @breezystack/lamejs 1.2.7 (pure JS; reference)', reference),
    `MP3 speed, WebAssembly over pure JS: ${(reference.wallMs / mp3.wallMs).toFixed(2)}× by wall clock, ${(reference.cpuMs / mp3.cpuMs).toFixed(2)}× by CPU time`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const text of await benchEncode()) console.log(text);
}
