/**
 * Cue sounds, synthesised as plain sample arrays: short bell-like tones that cut through
 * music without being harsh. Pure math, so the same sounds render live and offline.
 */

import type { CueSound } from '../core/cue-plan';

interface Note {
  freqHz: number;
  atSec: number;
  decaySec: number;
  gain: number;
}

const NOTES: Record<CueSound, Note[]> = {
  // Rising fifth + octave: "go".
  work: [
    { freqHz: 659.25, atSec: 0, decaySec: 0.35, gain: 0.5 },
    { freqHz: 987.77, atSec: 0.09, decaySec: 0.35, gain: 0.45 },
    { freqHz: 1318.5, atSec: 0.18, decaySec: 0.5, gain: 0.4 },
  ],
  // Falling, softer: "ease off".
  rest: [
    { freqHz: 880, atSec: 0, decaySec: 0.4, gain: 0.4 },
    { freqHz: 659.25, atSec: 0.12, decaySec: 0.45, gain: 0.38 },
    { freqHz: 523.25, atSec: 0.24, decaySec: 0.6, gain: 0.35 },
  ],
  // A major chord, rolled: the end.
  finish: [
    { freqHz: 523.25, atSec: 0, decaySec: 1.2, gain: 0.35 },
    { freqHz: 659.25, atSec: 0.08, decaySec: 1.2, gain: 0.33 },
    { freqHz: 783.99, atSec: 0.16, decaySec: 1.2, gain: 0.32 },
    { freqHz: 1046.5, atSec: 0.24, decaySec: 1.5, gain: 0.3 },
  ],
  start: [
    { freqHz: 783.99, atSec: 0, decaySec: 0.4, gain: 0.45 },
    { freqHz: 1046.5, atSec: 0.1, decaySec: 0.6, gain: 0.42 },
  ],
  tick: [{ freqHz: 1760, atSec: 0, decaySec: 0.08, gain: 0.45 }],
  click: [{ freqHz: 2500, atSec: 0, decaySec: 0.02, gain: 0.3 }],
  accent: [{ freqHz: 3200, atSec: 0, decaySec: 0.03, gain: 0.4 }],
};

const ATTACK_SEC = 0.002;

/** The sounds made so far, by rate and name: making them all takes about 0.1 s, and every engine (each piece of an export) needs them. */
const made = new Map<string, Float32Array<ArrayBuffer>>();

/** Returns the mono samples of `sound` at `sampleRate` (a copy of its own); the onset is sample 0 (attack of 2 ms). */
export function renderCueSound(sound: CueSound, sampleRate: number): Float32Array<ArrayBuffer> {
  const key = `${sampleRate}:${sound}`;
  let samples = made.get(key);
  if (!samples) {
    samples = synthesize(sound, sampleRate);
    made.set(key, samples);
  }
  return samples.slice();
}

/** Every cue sound at `sampleRate`, by name: an export hands them to each realm it renders in (export-piece.ts). */
export function allCueSounds(sampleRate: number): Record<string, Float32Array<ArrayBuffer>> {
  return Object.fromEntries((Object.keys(NOTES) as CueSound[]).map((sound) => [sound, renderCueSound(sound, sampleRate)]));
}

/** Takes `sounds` (from `allCueSounds`, maybe of another realm) as made here at `sampleRate`: copied, not synthesised again. */
export function adoptCueSounds(sounds: Readonly<Record<string, Float32Array>>, sampleRate: number): void {
  for (const [sound, samples] of Object.entries(sounds)) if (!made.has(`${sampleRate}:${sound}`)) made.set(`${sampleRate}:${sound}`, new Float32Array(samples));
}

function synthesize(sound: CueSound, sampleRate: number): Float32Array<ArrayBuffer> {
  const notes = NOTES[sound];
  const lengthSec = Math.max(...notes.map((n) => n.atSec + n.decaySec * 4));
  const out = new Float32Array(Math.ceil(lengthSec * sampleRate));
  for (const note of notes) addBell(out, note, sampleRate);
  return out;
}

/** Adds one bell-like note: a sine with a quiet octave partial, fast attack, exponential decay. */
function addBell(out: Float32Array, note: Note, sampleRate: number): void {
  const start = Math.round(note.atSec * sampleRate);
  const attack = ATTACK_SEC * sampleRate;
  const w = (2 * Math.PI * note.freqHz) / sampleRate;
  for (let i = 0; start + i < out.length; i++) {
    const env = Math.min(1, i / attack) * Math.exp(-i / (note.decaySec * sampleRate));
    if (env < 1e-4 && i > attack) break;
    out[start + i] += note.gain * env * (Math.sin(w * i) + 0.25 * Math.sin(2 * w * i));
  }
}
