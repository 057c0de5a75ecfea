/**
 * Stereo buffers and the external tools around them: running a command, reading raw float
 * output, decoding a sample file with ffmpeg, and writing 32-bit float WAV for sox and ffmpeg.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

/** The sample rate of everything the generator renders, Hz. */
export const RATE = 44100;

/** Two channels of float samples at RATE. */
export interface Stereo {
  left: Float32Array;
  right: Float32Array;
}

/** Runs `command` with `args`; resolves with stdout, rejects with the tail of stderr. */
export function run(command: string, args: string[], stdin?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`${command} exited ${code}: ${err.trim()}`))));
    child.stdin.end(stdin);
  });
}

/** Returns a silent buffer of `frames` frames. */
export function silence(frames: number): Stereo {
  return { left: new Float32Array(frames), right: new Float32Array(frames) };
}

/** Returns interleaved little-endian float stereo bytes as a Stereo buffer. */
export function fromInterleaved(bytes: Buffer): Stereo {
  const frames = Math.floor(bytes.length / 8);
  const view = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + frames * 8));
  const out = silence(frames);
  for (let i = 0; i < frames; i++) {
    out.left[i] = view[2 * i];
    out.right[i] = view[2 * i + 1];
  }
  return out;
}

/** Returns any audio file decoded by ffmpeg to stereo at RATE. */
export async function decodeWithFfmpeg(file: string): Promise<Stereo> {
  const bytes = await run('ffmpeg', ['-v', 'error', '-i', file, '-f', 'f32le', '-ac', '2', '-ar', String(RATE), '-']);
  return fromInterleaved(bytes);
}

/** Writes `audio` as a 32-bit float stereo WAV file. */
export function writeWav(file: string, audio: Stereo): void {
  const frames = audio.left.length;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + frames * 8, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(3, 20); // IEEE float
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 8, 28);
  header.writeUInt16LE(8, 32);
  header.writeUInt16LE(32, 34);
  header.write('data', 36);
  header.writeUInt32LE(frames * 8, 40);
  const data = new Float32Array(frames * 2);
  for (let i = 0; i < frames; i++) {
    data[2 * i] = audio.left[i];
    data[2 * i + 1] = audio.right[i];
  }
  fs.writeFileSync(file, Buffer.concat([header, Buffer.from(data.buffer)]));
}

/** Returns the largest absolute sample of `audio`. */
export function peak(audio: Stereo): number {
  let max = 0;
  for (const ch of [audio.left, audio.right]) for (let i = 0; i < ch.length; i++) max = Math.max(max, Math.abs(ch[i]));
  return max;
}

/** Returns the RMS level of `audio` over both channels. */
export function rms(audio: Stereo): number {
  let sum = 0;
  for (const ch of [audio.left, audio.right]) for (let i = 0; i < ch.length; i++) sum += ch[i] * ch[i];
  return Math.sqrt(sum / Math.max(1, 2 * audio.left.length));
}

/** Multiplies `audio` by `gain`, in place. */
export function scale(audio: Stereo, gain: number): void {
  for (const ch of [audio.left, audio.right]) for (let i = 0; i < ch.length; i++) ch[i] *= gain;
}

/** Adds `source × gain` into `target` starting at frame `at` (clipped to the target's length). */
export function mixInto(target: Stereo, source: Stereo, at: number, gainL: number, gainR = gainL): void {
  const from = Math.max(0, -at);
  const to = Math.min(source.left.length, target.left.length - at);
  for (let i = from; i < to; i++) {
    target.left[at + i] += source.left[i] * gainL;
    target.right[at + i] += source.right[i] * gainR;
  }
}
