/**
 * The arrangement: what a style generator writes and every renderer reads. Notes live on a MIDI
 * tick grid (PPQ 480) under a tempo map; the beat and bar grid (the truth) follows from the meter,
 * the pickup and the same tempo map, so the truth is exact by construction.
 */

/** MIDI ticks per quarter note. */
export const PPQ = 480;

/** One note; `tick` and `dur` in ticks, `pitch` a MIDI note number, `vel` 1–127. */
export interface Note {
  tick: number;
  dur: number;
  pitch: number;
  vel: number;
}

/** What a part plays; `drums` is the GM percussion channel (10). */
export type PartRole = 'drums' | 'bass' | 'chords' | 'lead' | 'pad' | 'arp';

/** One instrument: a GM program (ignored for drums) and its notes. */
export interface Part {
  role: PartRole;
  program: number;
  notes: Note[];
}

/** A tempo change at `tick`: quarter notes per minute (the MIDI tempo) from there on. */
export interface TempoPoint {
  tick: number;
  qpm: number;
}

/** The meter of an arrangement: `beatTicks` is the tapped beat (a dotted quarter in 6/8). */
export interface Meter {
  label: '4/4' | '3/4' | '6/8' | '12/8';
  num: number;
  den: number;
  beatsPerBar: number;
  beatTicks: number;
}

/** A generated piece of music with its exact grid. */
export interface Arrangement {
  meter: Meter;
  tempo: TempoPoint[];
  /** Ticks before the first bar line (anacrusis); a whole number of beats. */
  pickupTicks: number;
  /** End of the music, ticks. */
  totalTicks: number;
  parts: Part[];
  /** Free-form facts about the arrangement recorded in the truth (intro bars, swing…). */
  info: Record<string, string | number | boolean>;
}

/** The meters the styles use. */
export const METERS: Record<Meter['label'], Meter> = {
  '4/4': { label: '4/4', num: 4, den: 4, beatsPerBar: 4, beatTicks: PPQ },
  '3/4': { label: '3/4', num: 3, den: 4, beatsPerBar: 3, beatTicks: PPQ },
  '6/8': { label: '6/8', num: 6, den: 8, beatsPerBar: 2, beatTicks: (PPQ * 3) / 2 },
  '12/8': { label: '12/8', num: 12, den: 8, beatsPerBar: 4, beatTicks: (PPQ * 3) / 2 },
};

/** Returns the length of one bar of `meter`, ticks. */
export function barTicks(meter: Meter): number {
  return meter.beatsPerBar * meter.beatTicks;
}

/** Returns `qpm` rounded to a whole number of microseconds per quarter note, as a MIDI file stores it. */
export function quantizeQpm(qpm: number): number {
  return 60e6 / Math.round(60e6 / qpm);
}

/** Returns the time in seconds of `tick` under the tempo map (sorted by tick, first at 0). */
export function tickToSeconds(tempo: TempoPoint[], tick: number): number {
  let seconds = 0;
  for (let i = 0; i < tempo.length; i++) {
    const start = tempo[i].tick;
    if (start >= tick) break;
    const end = Math.min(tick, i + 1 < tempo.length ? tempo[i + 1].tick : Infinity);
    seconds += ((end - start) / PPQ) * (60 / tempo[i].qpm);
  }
  return seconds;
}

/** Returns the quarter-note tempo in force at `tick`. */
export function qpmAt(tempo: TempoPoint[], tick: number): number {
  let qpm = tempo[0].qpm;
  for (const point of tempo) if (point.tick <= tick) qpm = point.qpm;
  return qpm;
}

/** Returns the beat times (s, from the start of the music) of every beat before `totalTicks`. */
export function beatSeconds(arr: Arrangement): number[] {
  const out: number[] = [];
  for (let t = 0; t < arr.totalTicks; t += arr.meter.beatTicks) out.push(tickToSeconds(arr.tempo, t));
  return out;
}

/** Returns the bar-line times (s) of every bar that starts before `totalTicks`. */
export function downbeatSeconds(arr: Arrangement): number[] {
  const out: number[] = [];
  for (let t = arr.pickupTicks; t < arr.totalTicks; t += barTicks(arr.meter)) out.push(tickToSeconds(arr.tempo, t));
  return out;
}

/** Returns the length of the music in seconds (to `totalTicks`). */
export function durationSeconds(arr: Arrangement): number {
  return tickToSeconds(arr.tempo, arr.totalTicks);
}
