import { describe, expect, it } from 'vitest';
import { complexSpectrum, createRealFft, powerSpectrum } from '../../../src/analysis/fft';
import { createStreamResampler, resample, toMono } from '../../../src/analysis/resample';
import { sine } from '../../helpers/signals';

describe('powerSpectrum and complexSpectrum', () => {
  it('matches a direct DFT', () => {
    const size = 64;
    const frame = Float32Array.from({ length: size }, (_, i) => Math.sin(i * 0.37) + (i % 5) * 0.1);
    const power = new Float32Array(size / 2 + 1);
    powerSpectrum(createRealFft(size), frame, power);
    for (let k = 0; k <= size / 2; k++) {
      let re = 0;
      let im = 0;
      for (let n = 0; n < size; n++) {
        re += frame[n] * Math.cos((2 * Math.PI * k * n) / size);
        im -= frame[n] * Math.sin((2 * Math.PI * k * n) / size);
      }
      expect(power[k]).toBeCloseTo(re * re + im * im, 3);
    }
  });

  it('matches a direct DFT at the analysis frame size', () => {
    const size = 256;
    const frame = Float32Array.from({ length: size }, (_, i) => Math.cos(i * 1.3) * (1 + (i % 7) * 0.05));
    const power = new Float32Array(size / 2 + 1);
    powerSpectrum(createRealFft(size), frame, power);
    for (const k of [0, 1, 37, 53, 127, 128]) {
      let re = 0;
      let im = 0;
      for (let n = 0; n < size; n++) {
        re += frame[n] * Math.cos((2 * Math.PI * k * n) / size);
        im -= frame[n] * Math.sin((2 * Math.PI * k * n) / size);
      }
      expect(power[k]).toBeCloseTo(re * re + im * im, 2);
    }
  });

  it('matches a direct DFT at every size from 16 to 2048 (radix-4 steps with and without a last radix-2 stage)', () => {
    for (let size = 16; size <= 2048; size *= 2) {
      const frame = Float32Array.from({ length: size }, (_, i) => Math.sin(i * 0.61) + ((i * 7) % 11) * 0.03);
      const power = new Float32Array(size / 2 + 1);
      powerSpectrum(createRealFft(size), frame, power);
      for (const k of [0, 1, 3, size / 4 - 1, size / 2 - 1, size / 2]) {
        let re = 0;
        let im = 0;
        for (let n = 0; n < size; n++) {
          re += frame[n] * Math.cos((2 * Math.PI * k * n) / size);
          im -= frame[n] * Math.sin((2 * Math.PI * k * n) / size);
        }
        expect(Math.abs(power[k] - (re * re + im * im))).toBeLessThan(1e-4 * size * size);
      }
    }
  });

  it('applies the window and reads the frame from any offset', () => {
    const size = 256;
    const signal = Float32Array.from({ length: 3 * size }, (_, i) => Math.sin(i * 0.21) + ((i * 13) % 17) * 0.02);
    const window = Float32Array.from({ length: size }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
    const start = 100;
    const windowed = Float32Array.from({ length: size }, (_, i) => signal[start + i] * window[i]);
    const fromOffset = new Float32Array(size / 2 + 1);
    const fromCopy = new Float32Array(size / 2 + 1);
    powerSpectrum(createRealFft(size, window), signal, fromOffset, start);
    powerSpectrum(createRealFft(size), windowed, fromCopy);
    for (let k = 0; k <= size / 2; k++) expect(fromOffset[k]).toBeCloseTo(fromCopy[k], 3);
  });

  it('returns the complex spectrum, matching a direct DFT, at sizes with and without a radix-2 stage', () => {
    for (const size of [16, 32, 1024]) {
      const frame = Float32Array.from({ length: size }, (_, i) => Math.cos(i * 0.9) + ((i * 5) % 9) * 0.04);
      const re = new Float64Array(size / 2 + 1);
      const im = new Float64Array(size / 2 + 1);
      complexSpectrum(createRealFft(size), frame, re, im);
      for (const k of [0, 1, 5, size / 4, size / 2 - 1, size / 2]) {
        let dftRe = 0;
        let dftIm = 0;
        for (let n = 0; n < size; n++) {
          dftRe += frame[n] * Math.cos((2 * Math.PI * k * n) / size);
          dftIm -= frame[n] * Math.sin((2 * Math.PI * k * n) / size);
        }
        expect(re[k]).toBeCloseTo(dftRe, 6);
        expect(im[k]).toBeCloseTo(dftIm, 6);
      }
    }
  });

  it('rejects sizes that are not powers of two ≥ 16 and windows of the wrong length', () => {
    expect(() => createRealFft(100)).toThrow(RangeError);
    expect(() => createRealFft(8)).toThrow(RangeError);
    expect(() => createRealFft(256, new Float32Array(128))).toThrow(RangeError);
  });
});

describe('toMono and resample', () => {
  it('averages channels', () => {
    expect(Array.from(toMono([Float32Array.of(1, 0, 1), Float32Array.of(0, 0, 1)]))).toEqual([0.5, 0, 1]);
    expect(toMono([]).length).toBe(0);
  });

  it('keeps a tone below the new Nyquist frequency and the duration', () => {
    const tone = sine(1, 440, 44100, 0.5);
    const down = resample(tone, 44100, 11025);
    expect(down.length).toBe(11025);
    const rms = Math.sqrt(down.reduce((a, x) => a + x * x, 0) / down.length);
    expect(rms).toBeGreaterThan(0.3); // a 440 Hz tone loses little in a 4-sample box filter
  });

  it('upsamples by interpolation', () => {
    expect(Array.from(resample(Float32Array.of(0, 1), 1, 2))).toEqual([0, 0.5, 1, 1]);
  });

  it('downmixes stereo chunks on the fly like toMono then resample', () => {
    const left = sine(0.5, 300, 44100);
    const right = sine(0.5, 500, 44100, 0.2);
    const stream = createStreamResampler(44100, 11025);
    for (let i = 0; i < left.length; i += 1000) stream.pushChannels([left.subarray(i, i + 1000), right.subarray(i, i + 1000)]);
    const whole = resample(toMono([left, right]), 44100, 11025);
    const streamed = stream.finish();
    expect(streamed.length).toBe(whole.length);
    for (let i = 0; i < whole.length; i++) expect(streamed[i]).toBeCloseTo(whole[i], 5);
  });

  it('streams the same output as the one-shot resampler', () => {
    const tone = sine(0.5, 300, 44100);
    const stream = createStreamResampler(44100, 11025);
    for (let i = 0; i < tone.length; i += 1000) stream.push(tone.subarray(i, i + 1000));
    const streamed = stream.finish();
    const whole = resample(tone, 44100, 11025);
    expect(streamed.length).toBe(whole.length);
    for (let i = 0; i < whole.length; i++) expect(streamed[i]).toBeCloseTo(whole[i], 5);
  });

  it.each([
    [44100, 0],
    [22050, 0],
    [48000, 0],
    [32000, 0],
    [44100, 44100 * 5], // capacity given: one block, no copy at the end
    [48000, 1000], // capacity too small: more blocks follow
  ])('streams chunks of odd sizes from %i Hz like the one-shot resampler (expected input %i)', (rate, expected) => {
    const left = sine(5, 300, rate);
    const right = sine(5, 710, rate);
    const stream = createStreamResampler(rate, 11025, expected);
    const sizes = [1, 3, 997, 2, 4096, 5, 1153];
    for (let i = 0, k = 0; i < left.length; k++) {
      const end = Math.min(left.length, i + sizes[k % sizes.length]);
      stream.pushChannels([left.subarray(i, end), right.subarray(i, end)]);
      i = end;
    }
    const streamed = stream.finish();
    const whole = resample(toMono([left, right]), rate, 11025);
    // The stream adds its fractional edges one by one: its last sample may fall either side of the end.
    expect(Math.abs(streamed.length - whole.length)).toBeLessThanOrEqual(1);
    let worst = 0;
    for (let i = 0; i < Math.min(whole.length, streamed.length); i++) worst = Math.max(worst, Math.abs(streamed[i] - whole[i]));
    expect(worst).toBeLessThan(1e-5);
  });
});
