/**
 * Generated test signals with known tempo and phase: click tracks, synthesised drum grooves,
 * tempo changes, noise, tones, silence, and a 16-bit WAV encoder. Pure and deterministic
 * (seeded noise), so tests never need audio files.
 */

import { seededRandom } from '../../src/core/random';

// The generator moved to core (the motion simulation uses it too); tests keep importing it from here.
export { seededRandom };

/** Returns `seconds` of digital silence. */
export function silence(seconds: number, sampleRate = 22050): Float32Array {
  return new Float32Array(Math.round(seconds * sampleRate));
}

/** Returns white noise of the given peak amplitude. */
export function noise(seconds: number, sampleRate = 22050, amplitude = 0.3, seed = 1): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: Math.round(seconds * sampleRate) }, () => amplitude * (2 * random() - 1));
}

/** Returns a steady sine tone. */
export function sine(seconds: number, hz = 440, sampleRate = 22050, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * sampleRate) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / sampleRate));
}

/** Adds `sound` into `out` starting at `atSec` (clipped at the end), scaled by `gain`. */
export function mixAt(out: Float32Array, sound: Float32Array, atSec: number, sampleRate: number, gain = 1): void {
  const start = Math.round(atSec * sampleRate);
  for (let i = 0; i < sound.length && start + i < out.length; i++) if (start + i >= 0) out[start + i] += gain * sound[i];
}

/** Returns a short decaying tone burst (a click or a tonal hit). */
export function blip(hz: number, decaySec: number, sampleRate: number, seconds = decaySec * 5): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * sampleRate) }, (_, i) => Math.sin((2 * Math.PI * hz * i) / sampleRate) * Math.exp(-i / sampleRate / decaySec));
}

/** Returns a kick: a sine sweeping 120 → 45 Hz with a fast decay. */
export function kick(sampleRate: number): Float32Array {
  let phase = 0;
  return Float32Array.from({ length: Math.round(0.3 * sampleRate) }, (_, i) => {
    const t = i / sampleRate;
    phase += (2 * Math.PI * (45 + 75 * Math.exp(-t / 0.03))) / sampleRate;
    return Math.sin(phase) * Math.exp(-t / 0.12);
  });
}

/** Returns a snare (noise plus a 190 Hz body) or, with `decaySec` small and `bodyGain` 0, a hi-hat. */
export function snare(sampleRate: number, seed: number, decaySec = 0.08, bodyGain = 0.5): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: Math.round(decaySec * 5 * sampleRate) }, (_, i) => {
    const t = i / sampleRate;
    return ((2 * random() - 1) * 0.7 + bodyGain * Math.sin(2 * Math.PI * 190 * t)) * Math.exp(-t / decaySec);
  });
}

/** Options of `clickTrack`. */
export interface ClickTrackOptions {
  bpm: number;
  seconds: number;
  sampleRate?: number;
  /** Time of the first click, seconds. */
  firstBeat?: number;
  /** Every n-th click (from the first) is louder and higher: the downbeat. 0 = no accent. */
  accentEvery?: number;
}

/** Returns clicks at `bpm` from `firstBeat`; the beat times are `beatTimes(bpm, firstBeat, seconds)`. */
export function clickTrack({ bpm, seconds, sampleRate = 22050, firstBeat = 0, accentEvery = 0 }: ClickTrackOptions): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  const normal = blip(1000, 0.01, sampleRate);
  const accent = blip(1500, 0.015, sampleRate);
  beatTimes(bpm, firstBeat, seconds).forEach((t, i) => {
    const isAccent = accentEvery > 0 && i % accentEvery === 0;
    mixAt(out, isAccent ? accent : normal, t, sampleRate, isAccent ? 0.9 : 0.5);
  });
  return out;
}

/** Returns the beat times (seconds) of a constant tempo from `firstBeat` up to `seconds`. */
export function beatTimes(bpm: number, firstBeat: number, seconds: number): number[] {
  const times: number[] = [];
  for (let t = firstBeat; t < seconds; t += 60 / bpm) times.push(t);
  return times;
}

/** Options of `drumGroove`: a 4/4 rock groove, kick on 1 and 3, snare on 2 and 4, hats on eighths. */
export interface DrumGrooveOptions {
  bpm: number;
  seconds: number;
  sampleRate?: number;
  firstBeat?: number;
  /** 0.5 = straight eighths; 0.66 = triplet swing (the off-beat hat is late). */
  swing?: number;
  /** Play a crash and a bass note on every downbeat so that bar lines are audible. */
  accentDownbeats?: boolean;
  /** Beat times to use instead of a constant tempo (for tempo changes). */
  beats?: number[];
  seed?: number;
}

/** Returns a synthesised drum groove; its beats are `beats` or `beatTimes(bpm, firstBeat, seconds)`. */
export function drumGroove(options: DrumGrooveOptions): Float32Array {
  const { bpm, seconds, sampleRate = 22050, firstBeat = 0, swing = 0.5, accentDownbeats = false, seed = 7 } = options;
  const out = new Float32Array(Math.round(seconds * sampleRate));
  const beats = options.beats ?? beatTimes(bpm, firstBeat, seconds);
  const kickSound = kick(sampleRate);
  const snareSound = snare(sampleRate, seed);
  const hat = snare(sampleRate, seed + 1, 0.02, 0);
  const crash = snare(sampleRate, seed + 2, 0.4, 0);
  const bass = blip(55, 0.25, sampleRate, 0.5);
  beats.forEach((t, i) => {
    const period = i + 1 < beats.length ? beats[i + 1] - t : t - (beats[i - 1] ?? t - 60 / bpm);
    const position = i % 4;
    if (position === 0 || position === 2) mixAt(out, kickSound, t, sampleRate, 0.8);
    else mixAt(out, snareSound, t, sampleRate, 0.6);
    mixAt(out, hat, t, sampleRate, 0.25);
    mixAt(out, hat, t + swing * period, sampleRate, 0.18);
    if (accentDownbeats && position === 0) {
      mixAt(out, crash, t, sampleRate, 0.3);
      mixAt(out, bass, t, sampleRate, 0.5);
    }
  });
  return out;
}

/** Returns beat times for a tempo that jumps from `fromBpm` to `toBpm` at `changeSec`. */
export function tempoChangeBeats(fromBpm: number, toBpm: number, changeSec: number, seconds: number, firstBeat = 0): number[] {
  const times: number[] = [];
  for (let t = firstBeat; t < seconds; t += 60 / (t < changeSec ? fromBpm : toBpm)) times.push(t);
  return times;
}

/** Returns `channels` as a 16-bit PCM WAV file. */
export function encodeWav(channels: Float32Array[], sampleRate: number): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  const blockAlign = channels.length * 2;
  const bytes = new Uint8Array(44 + frames * blockAlign);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, s: string): void => [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + frames * blockAlign, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, frames * blockAlign, true);
  let offset = 44;
  for (let i = 0; i < frames; i++) {
    for (const channel of channels) {
      const x = Math.max(-1, Math.min(1, channel[i]));
      view.setInt16(offset, Math.round(x < 0 ? x * 32768 : x * 32767), true);
      offset += 2;
    }
  }
  return bytes;
}
