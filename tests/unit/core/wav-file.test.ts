import { describe, expect, it } from 'vitest';
import decode from 'audio-decode';
import { floatToPcm16, maxWavFrames, wavHeader, WAV_HEADER_BYTES } from '../../../src/core/wav-file';
import { encodeWav, sine } from '../../helpers/wav';

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('wavHeader', () => {
  it('writes the RIFF, fmt and data fields of a 16-bit PCM file from the frame count', () => {
    const header = wavHeader({ sampleRate: 44100, channels: 2, frames: 1000 });
    const view = new DataView(header.buffer);
    const text = (at: number): string => String.fromCharCode(...header.subarray(at, at + 4));
    expect(header.length).toBe(WAV_HEADER_BYTES);
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint32(4, true)).toBe(36 + 4000);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(2);
    expect(view.getUint32(24, true)).toBe(44100);
    expect(view.getUint32(28, true)).toBe(44100 * 4);
    expect(view.getUint16(32, true)).toBe(4);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(4000);
  });

  it('refuses a file past the 4 GiB RIFF limit and odd formats, in words', () => {
    expect(() => wavHeader({ sampleRate: 44100, channels: 2, frames: maxWavFrames(2) + 1 })).toThrow(/do not fit a WAV file/);
    expect(() => wavHeader({ sampleRate: 44100.5, channels: 2, frames: 1 })).toThrow(/sample rate/);
    expect(() => wavHeader({ sampleRate: 44100, channels: 0, frames: 1 })).toThrow(/channels/);
  });
});

describe('floatToPcm16', () => {
  it('interleaves, clamps and rounds: -1 → -32768, 1 → 32767, NaN → 0', () => {
    const pcm = floatToPcm16([Float32Array.of(-1, 2, 0.5, NaN), Float32Array.of(1, -3, -0.5, 0)]);
    const view = new DataView(pcm.buffer);
    expect(Array.from({ length: 8 }, (_, i) => view.getInt16(i * 2, true))).toEqual([-32768, 32767, 32767, -32768, 16384, -16384, 0, 0]);
  });

  it('header then chunks gives the same bytes as the test helper, and decodes back to the samples', async () => {
    const left = sine(0.5, 22050, 440);
    const right = sine(0.5, 22050, 660);
    const chunks = [0, 4000, 8000].map((from) => floatToPcm16([left.subarray(from, from + 4000), right.subarray(from, from + 4000)]));
    const file = concat([wavHeader({ sampleRate: 22050, channels: 2, frames: left.length }), ...chunks]);
    expect(file).toEqual(encodeWav([left, right], 22050));
    const decoded = await decode(file);
    expect(decoded.sampleRate).toBe(22050);
    expect(decoded.channelData.length).toBe(2);
    expect(decoded.channelData[0].length).toBe(left.length);
    const worst = Math.max(...decoded.channelData[1].map((x, i) => Math.abs(x - right[i])));
    expect(worst).toBeLessThan(1 / 32767);
  });
});
