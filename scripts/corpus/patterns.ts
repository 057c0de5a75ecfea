/**
 * Step patterns: the compact strings styles are written in, one character per grid step, and
 * their realisation as notes. Drums: `X` 120, `x` 100, `o` 80, `g` 45 (ghost), `.` rest. Bass:
 * `r`/`R` root, `3` third, `f` fifth, `6` sixth, `7` seventh, `o` octave, `w` walking tone, `-`
 * holds the previous note, `.` rest. Chords: `x`/`X` hit, `-` hold, `.` rest.
 */
import type { Note } from './arrangement';
import { pitchAbove, type Chord } from './harmony';
import type { Rng } from './rng';

/** General-MIDI percussion notes by the names the patterns use. */
export const GM_DRUMS = {
  kick: 36, rim: 37, snare: 38, clap: 39, tomL: 45, hatC: 42, hatP: 44, hatO: 46, tomM: 47,
  crash: 49, tomH: 50, ride: 51, bell: 53, tamb: 54, cowbell: 56, conga: 63, shaker: 70, clave: 75,
} as const;

/** A drum pattern: per drum, a step string one or more bars long. */
export type DrumPattern = Partial<Record<keyof typeof GM_DRUMS, string>>;

const VELOCITY: Record<string, number> = { X: 120, x: 100, R: 112, o: 80, g: 45 };

/** Places steps on ticks, with optional swing of the off-beat eighth (or sixteenth). */
export interface StepGrid {
  beatTicks: number;
  stepsPerBeat: number;
  /** Position of the swung off-beat as a fraction of its pair (0.5 straight, 0.667 triplet). */
  swing: number;
  /** Swing the sixteenths (hip-hop) instead of the eighths. */
  swing16: boolean;
}

/** Returns the tick, from the bar start, of step `step` of the grid. */
export function stepTick(grid: StepGrid, step: number): number {
  const beat = Math.floor(step / grid.stepsPerBeat);
  let frac = (step % grid.stepsPerBeat) / grid.stepsPerBeat;
  if (grid.swing !== 0.5 && grid.stepsPerBeat % 2 === 0) {
    const unit = grid.swing16 ? 0.5 : 1; // the span (in beats) whose halves are swung
    const base = Math.floor(frac / unit) * unit;
    const x = (frac - base) / unit;
    frac = base + unit * (x < 0.5 ? (x / 0.5) * grid.swing : grid.swing + ((x - 0.5) / 0.5) * (1 - grid.swing));
  }
  return beat * grid.beatTicks + Math.round(frac * grid.beatTicks);
}

/** Returns the drum notes of bar `bar` of `pattern` starting at `barStart`. */
export function drumBar(pattern: DrumPattern, grid: StepGrid, stepsPerBar: number, bar: number, barStart: number): Note[] {
  const notes: Note[] = [];
  for (const [name, text] of Object.entries(pattern) as [keyof typeof GM_DRUMS, string][]) {
    const bars = Math.max(1, Math.round(text.length / stepsPerBar));
    const from = (bar % bars) * stepsPerBar;
    for (let s = 0; s < stepsPerBar; s++) {
      const vel = VELOCITY[text[from + s]];
      if (vel) notes.push({ tick: barStart + stepTick(grid, s), dur: grid.beatTicks / 4, pitch: GM_DRUMS[name], vel });
    }
  }
  return notes;
}

/** Returns the bass notes of one bar: pattern characters choose chord tones above `low`. */
export function bassBar(pattern: string, grid: StepGrid, chord: Chord, next: Chord, barStart: number, low: number, rng: Rng): Note[] {
  const root = pitchAbove(chord.root, low);
  const third = root + ((chord.tones[1] - chord.root + 12) % 12);
  const tone = (c: string): number => {
    if (c === '3') return third;
    if (c === 'f') return root + 7;
    if (c === '6') return root + 9;
    if (c === '7') return root + 10;
    if (c === 'o') return root + 12;
    if (c === 'w') return rng.pick([root, third, root + 7, root + 5, pitchAbove(next.root, low) - 1]);
    return root;
  };
  return realise(pattern, grid, barStart, (c) => (c in VELOCITY || 'r3f67ow'.includes(c) ? [tone(c)] : null), rng);
}

/** Returns the chord hits of one bar: the voicing `pitches` on every hit of `pattern`. */
export function compBar(pattern: string, grid: StepGrid, pitches: number[], barStart: number, rng: Rng): Note[] {
  return realise(pattern, grid, barStart, (c) => (c === 'x' || c === 'X' ? pitches : null), rng);
}

/** Turns a step string into notes: a hit lasts one step plus one per following `-`. */
function realise(pattern: string, grid: StepGrid, barStart: number, pitchesOf: (c: string) => number[] | null, rng: Rng): Note[] {
  const notes: Note[] = [];
  for (let s = 0; s < pattern.length; s++) {
    const pitches = pitchesOf(pattern[s]);
    if (!pitches) continue;
    let end = s + 1;
    while (end < pattern.length && pattern[end] === '-') end++;
    const tick = barStart + stepTick(grid, s);
    const dur = Math.max(30, barStart + stepTick(grid, end) - tick - 20);
    const vel = pattern[s] === 'X' || pattern[s] === 'R' ? 110 : rng.int(78, 96);
    for (const pitch of pitches) notes.push({ tick, dur, pitch, vel });
  }
  return notes;
}
