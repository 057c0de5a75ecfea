/**
 * Augmentations: the seeded choice of what happens to a rendered clip (start offset or lead-in
 * silence, EQ, compression or clipping, noise at an SNR, reverb, level, codec and bitrate) and
 * its application — cropping, noise and clipping in Node, filters in sox, encoding in ffmpeg.
 * None of them delays the audio (sox's biquads, compand without delay, reverb without pre-delay).
 */
import fs from 'node:fs';
import path from 'node:path';
import { RATE, rms, run, type Stereo, writeWav } from './audio-io';
import { pinkNoise, whiteNoise } from './dsp';
import type { Rng } from './rng';

/** The output formats and their file extensions. */
export type Codec = 'mp3' | 'flac' | 'm4a' | 'ogg';

/** Everything done to one clip after rendering (recorded in its truth as `augment`). */
export interface Augment {
  /** Seconds cut from the start of the rendered music (the clip starts mid-bar). */
  offsetS: number;
  /** Seconds of silence before the music. */
  leadInS: number;
  /** Peak level of the clip, dBFS. */
  levelDb: number;
  fade?: 'in' | 'dip';
  eq?: 'lowpass' | 'highpass' | 'telephone' | 'bass-boost';
  eqHz?: number;
  dynamics?: 'compress' | 'clip';
  /** Gain into the clipper, dB. */
  clipDb?: number;
  noise?: 'pink' | 'white';
  snrDb?: number;
  /** sox reverberance, 0–100. */
  reverb?: number;
  codec: Codec;
  bitrateK?: number;
  mono?: boolean;
}

/** Returns a seeded augmentation; `offsetAllowed` false keeps the start (pickups, intros). */
export function chooseAugment(rng: Rng, offsetAllowed: boolean): Augment {
  const codec = rng.weighted({ mp3: 70, mp3low: 12, flac: 6, m4a: 6, ogg: 6 });
  const aug: Augment = {
    offsetS: offsetAllowed && rng.chance(0.85) ? round3(rng.range(0.05, 7)) : 0,
    leadInS: 0, levelDb: round3(rng.range(-16, -0.5)),
    codec: codec === 'mp3low' ? 'mp3' : codec,
  };
  if (aug.offsetS === 0 && rng.chance(0.3)) aug.leadInS = round3(rng.range(0.2, 2.5));
  if (codec === 'mp3') aug.bitrateK = 128;
  if (codec === 'mp3low') Object.assign(aug, { bitrateK: rng.pick([48, 56, 64]), mono: rng.chance(0.3) });
  if (rng.chance(0.3)) return aug; // clean apart from offset, level and codec
  if (rng.chance(0.3)) {
    aug.eq = rng.pick(['lowpass', 'highpass', 'telephone', 'bass-boost'] as const);
    if (aug.eq === 'lowpass') aug.eqHz = Math.round(rng.range(1200, 6000));
    if (aug.eq === 'highpass') aug.eqHz = Math.round(rng.range(150, 600));
  }
  if (rng.chance(0.25)) aug.dynamics = rng.chance(0.6) ? 'compress' : 'clip';
  if (aug.dynamics === 'clip') aug.clipDb = Math.round(rng.range(6, 20));
  if (rng.chance(0.25)) Object.assign(aug, { noise: rng.pick(['pink', 'white'] as const), snrDb: Math.round(rng.range(3, 25)) });
  if (rng.chance(0.25)) aug.reverb = Math.round(rng.range(30, 95));
  if (rng.chance(0.15)) aug.fade = rng.pick(['in', 'dip'] as const);
  return aug;
}

/** Returns `audio` cut and padded to the clip (`offsetS` cut, `leadInS` silence, `clipS` long, 20 ms fade-out). */
export function cropClip(audio: Stereo, aug: Augment, clipS: number): Stereo {
  const frames = Math.round(clipS * RATE), from = Math.round(aug.offsetS * RATE), lead = Math.round(aug.leadInS * RATE);
  const cut = (ch: Float32Array): Float32Array => {
    const out = new Float32Array(frames);
    out.set(ch.subarray(from, from + frames - lead), lead);
    const fade = Math.round(0.02 * RATE);
    for (let i = 0; i < fade; i++) out[frames - 1 - i] *= i / fade;
    return out;
  };
  return { left: cut(audio.left), right: cut(audio.right) };
}

/** Applies noise, clipping and level automation in place (the Node-side augmentations). */
export function applyInNode(audio: Stereo, aug: Augment, rng: Rng): void {
  const frames = audio.left.length;
  if (aug.noise && aug.snrDb != null) {
    const level = rms(audio) / 10 ** (aug.snrDb / 20);
    for (const ch of [audio.left, audio.right]) {
      const noise = aug.noise === 'pink' ? pinkNoise(frames, rng) : whiteNoise(frames, rng);
      const gain = level / Math.sqrt(noise.reduce((s, x) => s + x * x, 0) / frames || 1);
      for (let i = 0; i < frames; i++) ch[i] += noise[i] * gain;
    }
  }
  if (aug.dynamics === 'clip' && aug.clipDb != null) {
    const peakNow = Math.max(...[audio.left, audio.right].map((ch) => ch.reduce((m, x) => Math.max(m, Math.abs(x)), 0))) || 1;
    const gain = 10 ** (aug.clipDb / 20) / peakNow;
    for (const ch of [audio.left, audio.right]) for (let i = 0; i < frames; i++) ch[i] = Math.max(-1, Math.min(1, ch[i] * gain));
  }
  if (aug.fade) {
    const a = rng.range(2, 8) * RATE, b = a + rng.range(2, 6) * RATE;
    for (const ch of [audio.left, audio.right]) {
      for (let i = 0; i < frames; i++) {
        const dip = i > a && i < b ? 1 - 0.8 * Math.sin((Math.PI * (i - a)) / (b - a)) : 1;
        ch[i] *= aug.fade === 'in' ? Math.min(1, i / a) : dip;
      }
    }
  }
}

/** Returns the sox effect arguments for EQ, compression and reverb, then the final level. */
export function soxEffects(aug: Augment): string[] {
  const fx: string[] = [];
  if (aug.eq === 'lowpass') fx.push('lowpass', String(aug.eqHz), 'lowpass', String(aug.eqHz));
  if (aug.eq === 'highpass') fx.push('highpass', String(aug.eqHz), 'highpass', String(aug.eqHz));
  if (aug.eq === 'telephone') fx.push('highpass', '300', 'highpass', '300', 'lowpass', '3400', 'lowpass', '3400');
  if (aug.eq === 'bass-boost') fx.push('bass', '+10', '100');
  if (aug.dynamics === 'compress') fx.push('compand', '0.005,0.15', '6:-60,-60,-30,-12,-20,-8,0,-4', '-3');
  if (aug.reverb != null) fx.push('reverb', String(aug.reverb), '50', '100', '100', '0', '0');
  return [...fx, 'gain', '-n', String(aug.levelDb)];
}

/** Returns the ffmpeg encoder arguments of the augmentation's codec. */
function encoderArgs(aug: Augment): string[] {
  const channels = ['-ac', aug.mono ? '1' : '2'];
  if (aug.codec === 'mp3') return [...channels, '-c:a', 'libmp3lame', '-b:a', `${aug.bitrateK}k`];
  if (aug.codec === 'flac') return [...channels, '-c:a', 'flac'];
  if (aug.codec === 'm4a') return [...channels, '-c:a', 'aac', '-b:a', '160k'];
  return [...channels, '-c:a', 'libvorbis', '-q:a', '4'];
}

/** Writes `audio` through sox (effects, level) and ffmpeg (codec) to `outFile`; `work` holds temporary files. */
export async function encodeClip(audio: Stereo, aug: Augment, outFile: string, work: string): Promise<void> {
  const dry = path.join(work, 'dry.wav'), wet = path.join(work, 'wet.wav');
  writeWav(dry, audio);
  await run('sox', ['-V1', dry, '-e', 'floating-point', '-b', '32', wet, ...soxEffects(aug)]);
  const tmp = `${outFile}.part.${aug.codec}`;
  await run('ffmpeg', ['-v', 'error', '-y', '-i', wet, '-map_metadata', '-1', '-ar', String(RATE), ...encoderArgs(aug), tmp]);
  fs.renameSync(tmp, outFile);
  fs.rmSync(dry);
  fs.rmSync(wet);
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
