import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { OfflineAudioContext } from 'node-web-audio-api';
import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../../scripts/decode-file';
import { decodeNative, nativeDecoderAvailable } from '../../../scripts/native-decode';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/bad');
const read = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));

/** Returns channel 0 of a one-pass native decode of `data`. */
async function wholeDecode(data: Uint8Array, rate: number): Promise<Float32Array> {
  const buffer = await new OfflineAudioContext(1, 1, rate).decodeAudioData(data.slice().buffer);
  const left = new Float32Array(buffer.length);
  buffer.copyFromChannel(left, 0);
  return left;
}

/** Returns channel 0 of a decode in runs of `framesPerRun` frames. */
async function runDecode(data: Uint8Array, framesPerRun: number): Promise<Float32Array> {
  const parts: Float32Array[] = [];
  expect(await decodeNative(data, 'mp3', (channels) => parts.push(channels[0].slice()), framesPerRun)).toBe(true);
  const out = new Float32Array(parts.reduce((sum, p) => sum + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

describe('native MP3 decoding in runs of frames', () => {
  it('loads here (the CLI falls back to WASM without it, at half the speed)', async () => {
    expect(await nativeDecoderAvailable()).toBe(true);
  });

  it.each([
    ['a-html-tags.mp3', 44100, 40], // MPEG-1, an ID3v2 tag in front
    ['a-long-20min.mp3', 8000, 500], // MPEG-2.5 at 8 kbit/s: small frames, deep bit reservoir
  ])('decodes %s sample for sample like one pass', async (name, rate, framesPerRun) => {
    const data = read(name);
    const whole = await wholeDecode(data, rate);
    const runs = await runDecode(data, framesPerRun);
    // One pass trims the encoder padding at the very end; runs keep it. Everything before matches.
    expect(runs.length).toBeGreaterThanOrEqual(whole.length);
    expect(runs.length - whole.length).toBeLessThan(2 * 1152);
    let worst = 0;
    for (let i = 0; i < whole.length; i++) worst = Math.max(worst, Math.abs(runs[i] - whole[i]));
    expect(worst).toBe(0);
  });

  it('frees what it decoded: memory stays flat over a batch of files', () => {
    // A fresh process, because V8 collects the native buffers' wrappers only in full collections,
    // which a test runner's busy heap runs anyway and the CLI's tiny heap almost never does.
    const probe = path.resolve(import.meta.dirname, '../../helpers/decode-batch-rss.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', probe, path.join(fixtures, 'a-html-tags.mp3'), '25'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(Number(run.stdout)).toBeLessThan(30); // 25 two-minute decodes: the leak this guards against grew ≈ 45 MB
  });

  it('gives the same PCM through decodeFile as the WASM decoder, aligned to the sample', async () => {
    const file = path.join(fixtures, 'a-html-tags.mp3');
    const native = await decodeFile(file, 11025);
    const wasm = await decodeFile(file, 11025, { native: false });
    // Decoded in runs, the encoder padding at the very end is kept (at most two frames of silence).
    expect(native.pcm.length - wasm.pcm.length).toBeGreaterThanOrEqual(0);
    expect(native.pcm.length - wasm.pcm.length).toBeLessThan((2 * 1152) / 4);
    let energy = 0;
    let error = 0;
    for (let i = 0; i < wasm.pcm.length; i++) {
      energy += wasm.pcm[i] ** 2;
      error += (native.pcm[i] - wasm.pcm[i]) ** 2;
    }
    expect(error / energy).toBeLessThan(1e-3); // two decoders: equal up to rounding, never shifted
  });
});
