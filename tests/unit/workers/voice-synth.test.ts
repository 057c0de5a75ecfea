import { describe, expect, it } from 'vitest';
import factory from '@echogarden/espeak-ng-emscripten';
import { englishPack } from '../../../scripts/voice-files';
import { openVoice, trimSilence } from '../../../src/workers/voice-synth';
import { unpackVoice } from '../../../src/workers/voice-pack';

const rms = (x: Float32Array): number => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / Math.max(1, x.length));
const pack = (): ArrayBuffer => {
  const bytes = englishPack();
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};

describe('offline voice (eSpeak NG on the English pack)', () => {
  it('says words as audible speech at the asked sample rate, faster at a higher rate', async () => {
    const voice = await openVoice(factory, pack());
    const usual = voice.say('Sprint three of eight', { sampleRate: 44100 });
    const fast = voice.say('Sprint three of eight', { sampleRate: 44100, rate: 1.5 });
    const native = voice.say('Sprint three of eight', { sampleRate: 22050 });
    expect(usual.length / 44100).toBeGreaterThan(0.8);
    expect(usual.length / 44100).toBeLessThan(3);
    expect(rms(usual)).toBeGreaterThan(0.03);
    expect(fast.length).toBeLessThan(usual.length * 0.8);
    // The same words at twice the rate: twice the samples, the same duration (eSpeak's timing varies by a few ms).
    expect(usual.length / (2 * native.length)).toBeGreaterThan(0.95);
    expect(usual.length / (2 * native.length)).toBeLessThan(1.05);
    // Trimmed: sound within the first and last 30 ms.
    const head = usual.subarray(0, 0.03 * 44100);
    const tail = usual.subarray(usual.length - 0.03 * 44100);
    expect(Math.max(...head.map(Math.abs))).toBeGreaterThan(0.004);
    expect(Math.max(...tail.map(Math.abs))).toBeGreaterThan(0.004);
    expect(Math.max(...usual.map(Math.abs))).toBeLessThanOrEqual(1.01);
  });

  it('says a longer sentence for longer', async () => {
    const voice = await openVoice(factory, pack());
    const short = voice.say('Go', { sampleRate: 44100 });
    const long = voice.say('Recovery, easy jog for two minutes', { sampleRate: 44100 });
    expect(short.length).toBeGreaterThan(0.1 * 44100);
    expect(long.length).toBeGreaterThan(2 * short.length);
  });

  it('names a damaged pack instead of speaking garbage', async () => {
    const bad = new Uint8Array(pack()).slice(0, 1000).buffer;
    await expect(openVoice(factory, bad)).rejects.toThrow(/voice data is damaged/);
    expect(() => unpackVoice(new ArrayBuffer(2))).toThrow(/voice data is damaged/);
  });

  it('trims the silence around the words, keeping 10 ms either side', () => {
    const x = new Float32Array(1000);
    x.fill(0.5, 300, 600);
    const t = trimSilence(x, 1000);
    expect(t.length).toBe(300 + 20);
    expect(trimSilence(new Float32Array(50), 1000).length).toBe(0);
  });
});
