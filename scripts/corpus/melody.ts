/**
 * Melodic parts of an arrangement: a lead built from a repeated two-bar rhythm with a scale walk
 * that lands on chord tones on the beat, arpeggios over the chords, and sustained pads.
 */
import type { Note } from './arrangement';
import { pitchAbove, scalePitch, voice, type Chord, type Key } from './harmony';
import { stepTick, type StepGrid } from './patterns';
import type { Rng } from './rng';

/** Where and how a melodic part is written. */
export interface LineSpec {
  key: Key;
  grid: StepGrid;
  stepsPerBar: number;
  /** Chord of each bar. */
  chords: Chord[];
  /** Tick of each bar's start. */
  barStarts: number[];
  /** Bars (indices) in which the part plays. */
  playing: (bar: number) => boolean;
  low: number;
}

/** Returns a lead line: a two-bar rhythm of about `density` notes per step, repeated. */
export function leadNotes(spec: LineSpec, rng: Rng, density: number): Note[] {
  const steps = spec.stepsPerBar * 2;
  const rhythm: boolean[] = [];
  for (let s = 0; s < steps; s++) {
    const onBeat = s % spec.grid.stepsPerBeat === 0;
    rhythm.push(s === 0 || rng.chance(onBeat ? Math.min(1, density * 1.8) : density * 0.7));
  }
  const notes: Note[] = [];
  let step = rng.int(2, 6);
  for (let bar = 0; bar < spec.chords.length; bar++) {
    if (!spec.playing(bar)) continue;
    const chordPcs = spec.chords[bar].tones;
    const hits = [...Array(spec.stepsPerBar).keys()].filter((s) => rhythm[(bar % 2) * spec.stepsPerBar + s]);
    hits.forEach((s, i) => {
      step = Math.max(0, Math.min(11, step + rng.pick([-2, -1, -1, 0, 1, 1, 2, 3, -3])));
      let pitch = scalePitch(spec.key, step, spec.low);
      if (s % spec.grid.stepsPerBeat === 0) pitch = nearestChordTone(pitch, chordPcs);
      const end = i + 1 < hits.length ? hits[i + 1] : spec.stepsPerBar;
      const tick = spec.barStarts[bar] + stepTick(spec.grid, s);
      const dur = Math.max(40, spec.barStarts[bar] + stepTick(spec.grid, Math.min(end, s + 2 * spec.grid.stepsPerBeat)) - tick - 15);
      notes.push({ tick, dur, pitch, vel: rng.int(70, 100) });
    });
  }
  return notes;
}

/** Returns an arpeggio over each bar's chord, one note every `every` steps, in `order`. */
export function arpNotes(spec: LineSpec, rng: Rng, every: number, order: 'up' | 'updown' | 'random'): Note[] {
  const notes: Note[] = [];
  for (let bar = 0; bar < spec.chords.length; bar++) {
    if (!spec.playing(bar)) continue;
    const chordPitches = voice(spec.chords[bar], spec.low);
    const tones = [...chordPitches, ...chordPitches.map((p) => p + 12)];
    const cycle = order === 'updown' ? [...tones, ...tones.slice(1, -1).reverse()] : tones;
    for (let s = 0, i = 0; s < spec.stepsPerBar; s += every, i++) {
      const pitch = order === 'random' ? rng.pick(tones) : cycle[i % cycle.length];
      const tick = spec.barStarts[bar] + stepTick(spec.grid, s);
      const dur = Math.max(40, spec.barStarts[bar] + stepTick(spec.grid, s + every) - tick - 10);
      notes.push({ tick, dur, pitch, vel: s % spec.grid.stepsPerBeat === 0 ? rng.int(85, 100) : rng.int(62, 82) });
    }
  }
  return notes;
}

/** Returns a held chord per bar (tied over bars that keep the same chord). */
export function padNotes(spec: LineSpec, barLen: number, vel: number): Note[] {
  const notes: Note[] = [];
  for (let bar = 0; bar < spec.chords.length; bar++) {
    if (!spec.playing(bar)) continue;
    if (bar > 0 && spec.playing(bar - 1) && spec.chords[bar - 1] === spec.chords[bar]) continue;
    let end = bar + 1;
    while (end < spec.chords.length && spec.playing(end) && spec.chords[end] === spec.chords[bar]) end++;
    const dur = (end - bar) * barLen - 30;
    for (const pitch of voice(spec.chords[bar], spec.low)) notes.push({ tick: spec.barStarts[bar], dur, pitch, vel });
  }
  return notes;
}

/** Returns the pitch of a chord tone nearest to `pitch`. */
function nearestChordTone(pitch: number, pcs: number[]): number {
  let best = pitch;
  let bestDistance = Infinity;
  for (const pc of pcs) {
    for (const candidate of [pitchAbove(pc, pitch - 6), pitchAbove(pc, pitch - 6) + 12]) {
      const d = Math.abs(candidate - pitch);
      if (d < bestDistance) [best, bestDistance] = [candidate, d];
    }
  }
  return best;
}
