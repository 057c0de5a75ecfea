/**
 * Clips without a beat (truth bpm null): soundfont pads entering at irregular times, and textures
 * synthesised here — a filtered drone, noise swells, speech-like syllable bursts and rain. Every
 * event time is drawn from exponential or wide uniform gaps, so nothing repeats at a tempo.
 */
import { METERS, PPQ, type Arrangement, type Note } from './arrangement';
import { RATE, type Stereo } from './audio-io';
import { Biquad, pinkNoise, wander, whiteNoise } from './dsp';
import { chordOn, makeKey, voice } from './harmony';
import type { Rng } from './rng';

/** The kinds of no-beat clip. */
export type NobeatKind = 'pad' | 'drone' | 'swell' | 'speech' | 'rain';

/** Returns sustained pad chords for FluidSynth, each entering after an irregular 1.5–7 s gap. */
export function padArrangement(seconds: number, rng: Rng): Arrangement {
  const ticksPerSecond = PPQ; // 60 quarter notes a minute: one quarter is one second
  const key = makeKey(rng, ['major', 'minor']);
  const notes: Note[] = [];
  for (let t = rng.range(0, 1); t < seconds; t += rng.range(1.5, 7)) {
    const chord = voice(chordOn(key, rng.int(0, 6), rng.chance(0.5)), rng.int(48, 60));
    const dur = rng.range(3, 9) * ticksPerSecond;
    for (const pitch of chord) notes.push({ tick: Math.round((t + rng.range(0, 0.4)) * ticksPerSecond), dur: Math.round(dur), pitch, vel: rng.int(45, 80) });
  }
  notes.sort((a, b) => a.tick - b.tick);
  const program = rng.pick([88, 89, 90, 91, 92, 94, 95, 48, 49, 52, 53, 19]);
  return { meter: METERS['4/4'], tempo: [{ tick: 0, qpm: 60 }], pickupTicks: 0, totalTicks: Math.round(seconds * ticksPerSecond), parts: [{ role: 'pad', program, notes }], info: { program } };
}

/** Returns `seconds` of the synthesised texture `kind` (not 'pad'), mono in both channels. */
export function synthNobeat(kind: Exclude<NobeatKind, 'pad'>, seconds: number, rng: Rng): Stereo {
  const frames = Math.round(seconds * RATE);
  const mono = kind === 'drone' ? drone(frames, rng) : kind === 'swell' ? swells(frames, rng) : kind === 'speech' ? speech(frames, rng) : rain(frames, rng);
  return { left: mono, right: mono.slice() };
}

function drone(frames: number, rng: Rng): Float32Array {
  const f0 = rng.range(40, 110);
  const ratios = [1, 1.5, 2, rng.pick([2.5, 3, 1.25])].map((r) => r * f0 * (1 + rng.range(-0.004, 0.004)));
  const cutoff = wander(frames, RATE, rng.range(3, 8), 200, 2200, rng);
  const level = wander(frames, RATE, rng.range(4, 9), 0.4, 1, rng);
  const filter = new Biquad();
  const phases = ratios.map(() => rng.next());
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    if (i % 64 === 0) filter.lowpass(cutoff[i], 0.9, RATE);
    let x = 0;
    for (let k = 0; k < ratios.length; k++) {
      phases[k] = (phases[k] + ratios[k] / RATE) % 1;
      x += 2 * phases[k] - 1;
    }
    out[i] = filter.step(x / ratios.length) * level[i];
  }
  return out;
}

function swells(frames: number, rng: Rng): Float32Array {
  const noise = pinkNoise(frames, rng);
  const cutoff = wander(frames, RATE, rng.range(2, 6), 300, 7000, rng);
  const envelope = new Float32Array(frames);
  for (let t = rng.range(0, 1) * RATE; t < frames;) {
    const length = rng.range(2, 9) * RATE, attack = rng.range(0.2, 0.8), height = rng.range(0.3, 1);
    for (let i = 0; i < length && t + i < frames; i++) {
      const x = i / length;
      envelope[Math.floor(t + i)] = Math.max(envelope[Math.floor(t + i)], height * (x < attack ? x / attack : (1 - x) / (1 - attack)) ** 2);
    }
    t += length * rng.range(0.4, 1.2);
  }
  const filter = new Biquad();
  return noise.map((x, i) => {
    if (i % 64 === 0) filter.lowpass(cutoff[i], 0.7, RATE);
    return filter.step(x) * envelope[i];
  });
}

function speech(frames: number, rng: Rng): Float32Array {
  const out = new Float32Array(frames);
  const noise = whiteNoise(frames, rng);
  const pitch = wander(frames, RATE, 0.7, rng.range(85, 130), rng.range(150, 230), rng);
  const f1 = new Biquad(), f2 = new Biquad();
  let phase = 0;
  for (let t = Math.round(rng.range(0, 0.5) * RATE); t < frames;) {
    const length = Math.round(rng.range(0.07, 0.32) * RATE), voiced = rng.chance(0.75), loud = rng.range(0.3, 1);
    f1.bandpass(rng.range(300, 900), 6, RATE);
    f2.bandpass(rng.range(900, 2600), 8, RATE);
    for (let i = 0; i < length && t + i < frames; i++) {
      phase += (pitch[t + i] * (1 + rng.normal(0, 0.01))) / RATE;
      const pulse = phase >= 1 ? ((phase -= 1), 1) : 0;
      const source = voiced ? pulse * 4 + noise[t + i] * 0.05 : noise[t + i] * 0.6;
      const env = Math.sin((Math.PI * i) / length) ** 1.5 * loud;
      out[t + i] = (f1.step(source) + 0.6 * f2.step(source)) * env;
    }
    t += length + Math.round((rng.chance(0.18) ? rng.range(0.25, 1.2) : -Math.log(1 - rng.next()) * 0.06) * RATE);
  }
  return out;
}

function rain(frames: number, rng: Rng): Float32Array {
  const bed = pinkNoise(frames, rng);
  const out = new Float32Array(frames);
  const hiss = new Biquad().lowpass(rng.range(2000, 8000), 0.7, RATE);
  const bedLevel = rng.range(0.1, 0.4);
  for (let i = 0; i < frames; i++) out[i] = hiss.step(bed[i]) * bedLevel;
  const rate = rng.range(40, 300);
  const drop = new Biquad();
  for (let t = 0; t < frames; t += Math.max(1, Math.round((-Math.log(1 - rng.next()) / rate) * RATE))) {
    drop.bandpass(rng.range(1000, 6000), rng.range(2, 8), RATE);
    const amp = Math.exp(rng.range(-4, 0)), decay = rng.range(0.002, 0.012) * RATE;
    for (let i = 0; i < decay * 5 && t + i < frames; i++) out[t + i] += drop.step((2 * rng.next() - 1) * Math.exp(-i / decay)) * amp;
  }
  return out;
}
