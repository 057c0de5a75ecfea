import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import decode from 'audio-decode';
import { parseBuffer } from 'music-metadata';
import { createEncoder, LAME_DELAY_FRAMES, type EncodeOptions, type EncoderSession } from '../../../src/workers/audio-encode';
import { encodeWav, sine } from '../../helpers/wav';
import { blip, mixAt } from '../../helpers/signals';

const mp3Wasm = readFileSync(createRequire(import.meta.url).resolve('wasm-media-encoders/wasm/mp3'));
const RATE = 44100;

async function open(options: EncodeOptions): Promise<EncoderSession> {
  const result = await createEncoder(options, mp3Wasm);
  if (!result.ok) throw new Error(result.error);
  return result.session;
}

/** WAV and MP3 sessions answer at once (Opus, which waits on the browser's encoder, is tested in the browser). */
const now = (bytes: Uint8Array[] | Promise<Uint8Array[]>): Uint8Array[] => {
  if (bytes instanceof Promise) throw new Error('expected bytes at once');
  return bytes;
};

/** Pushes `channels` in chunks of `size` frames, then ends; returns the whole file. */
function encodeAll(session: EncoderSession, channels: Float32Array[], size = 4096): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let at = 0; at < channels[0].length; at += size) parts.push(...now(session.push(channels.map((c) => c.subarray(at, at + size)))));
  parts.push(...now(session.end()));
  return new Uint8Array(Buffer.concat(parts));
}

/** Returns the first sample index of each burst (|x| over 0.1 after at least 0.1 s of quiet). */
function onsets(samples: Float32Array, rate: number): number[] {
  const found: number[] = [];
  let last = -Infinity;
  samples.forEach((x, i) => {
    if (Math.abs(x) > 0.1 && i - last > 0.1 * rate) found.push(i);
    if (Math.abs(x) > 0.1) last = i;
  });
  return found;
}

describe('createEncoder: WAV', () => {
  it('streams header then PCM: the same file as one-shot encoding', async () => {
    const left = sine(0.3, RATE, 440);
    const right = sine(0.3, RATE, 550);
    const session = await open({ format: 'wav', sampleRate: RATE, channels: 2, frames: left.length });
    expect(session.encoderDelayFrames).toBe(0);
    expect(encodeAll(session, [left, right], 1000)).toEqual(encodeWav([left, right], RATE));
  });

  it('keeps the length of its header: a short render is padded with silence, a long one cut', async () => {
    const tone = sine(0.1, RATE, 440);
    const short = encodeAll(await open({ format: 'wav', sampleRate: RATE, channels: 1, frames: tone.length + 100 }), [tone]);
    expect(short).toEqual(encodeWav([Float32Array.from([...tone, ...new Float32Array(100)])], RATE));
    const long = encodeAll(await open({ format: 'wav', sampleRate: RATE, channels: 1, frames: 1000 }), [tone]);
    expect(long).toEqual(encodeWav([tone.subarray(0, 1000)], RATE));
  });
});

describe('createEncoder: MP3', () => {
  it.each([
    [44100, 2, 192],
    [48000, 1, 128],
  ] as const)('at %i Hz, %i channel(s), %i kbit/s: each click lands where it was rendered, after the documented delay', async (rate, count, kbps) => {
    const clicks = [0.25, 0.5, 1.25, 1.8];
    const left = new Float32Array(2 * rate);
    for (const at of clicks) mixAt(left, blip(1000, 0.002, rate), at, rate, 0.8);
    const channels = count === 2 ? [left, left.map((x) => -x)] : [left];
    const session = await open({ format: 'mp3', sampleRate: rate, channels: count, frames: left.length, kbps });
    expect(session.encoderDelayFrames).toBe(LAME_DELAY_FRAMES);
    const decoded = await decode(encodeAll(session, channels));
    expect(decoded.sampleRate).toBe(rate);
    const delay = session.encoderDelayFrames;
    const found = onsets(decoded.channelData[0], rate).map((i) => (i - delay) / rate);
    expect(found).toHaveLength(clicks.length);
    found.forEach((t, i) => expect(Math.abs(t - clicks[i])).toBeLessThan(0.001));
    // Delay before, at most one frame of padding after.
    const extra = decoded.channelData[0].length - left.length - delay;
    expect(extra).toBeGreaterThanOrEqual(0);
    expect(extra).toBeLessThanOrEqual(1152);
  });

  it('starts with the ID3 tag; its chapters are moved by the delay so they match the decoded audio', async () => {
    const tag = {
      title: 'Two steps',
      artist: 'Montage',
      durationMs: 2000,
      chapters: [
        { title: 'Easy', startMs: 0, endMs: 1000 },
        { title: 'Hard', startMs: 1000, endMs: 2000 },
      ],
    };
    const session = await open({ format: 'mp3', sampleRate: RATE, channels: 1, frames: 2 * RATE, tag });
    const file = encodeAll(session, [sine(2, RATE, 440)]);
    expect(String.fromCharCode(...file.subarray(0, 3))).toBe('ID3');
    const meta = await parseBuffer(file, { mimeType: 'audio/mpeg' }, { includeChapters: true });
    expect(meta.common.title).toBe('Two steps');
    const delaySec = LAME_DELAY_FRAMES / RATE;
    const chapters = meta.format.chapters ?? [];
    expect(chapters.map((c) => c.title)).toEqual(['Easy', 'Hard']);
    expect(chapters[0].start).toBe(0);
    expect(Math.abs(chapters[1].start - (1 + delaySec))).toBeLessThan(0.001);
    expect(Math.abs((chapters[1].end ?? 0) - (2 + delaySec))).toBeLessThan(0.001);
    expect(meta.format.duration).toBeGreaterThan(2);
    expect(meta.format.duration).toBeLessThan(2 + delaySec + 1152 / RATE + 0.001);
  });

  it('says in words what it cannot encode', async () => {
    const base: EncodeOptions = { format: 'mp3', sampleRate: RATE, channels: 2, frames: 10 };
    const error = async (options: EncodeOptions, wasm: Uint8Array | null = mp3Wasm): Promise<string> => {
      const result = await createEncoder(options, wasm ?? undefined);
      return result.ok ? 'opened' : result.error;
    };
    expect(await error({ ...base, sampleRate: 22050 })).toMatch(/MP3 export: sample rate 22050 Hz/);
    expect(await error({ ...base, channels: 6 })).toMatch(/mono or stereo only/);
    expect(await error({ ...base, kbps: 100 as 96 })).toMatch(/100 kbit\/s is not an MP3 bitrate/);
    expect(await error(base, null)).toMatch(/LAME WebAssembly was not given/);
    expect(await error(base, new Uint8Array(8))).toMatch(/LAME encoder did not load/);
    expect(await error({ format: 'wav', sampleRate: RATE, channels: 2, frames: 2 ** 31 })).toMatch(/longer than a WAV file can hold/);
  });
});
