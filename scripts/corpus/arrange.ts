/**
 * The arrangement engine: turns a style, a tempo and a form (intro without drums, pickup, tempo
 * shape, breakdowns, humanised timing) into an Arrangement. Bar lines are where the engine puts
 * them, so downbeats are exact; humanising moves notes, never the grid.
 */
import { barTicks, METERS, PPQ, type Arrangement, type Note, type Part } from './arrangement';
import { bluesProgression, makeKey, makeProgression, scalePitch, voice } from './harmony';
import { arpNotes, leadNotes, padNotes, type LineSpec } from './melody';
import { bassBar, compBar, drumBar, GM_DRUMS, stepTick, type DrumPattern, type StepGrid } from './patterns';
import type { Rng } from './rng';
import type { StyleSpec } from './style-spec';
import { planTempo, type TempoShape } from './tempo-shapes';

/** The form of one clip's music. */
export interface ArrangeOptions {
  /** Tapped-beat tempo at the start. */
  bpm: number;
  /** Seconds of music needed. */
  seconds: number;
  tempoShape: TempoShape;
  /** Bars at the start without drums. */
  introBars: number;
  /** Beats before the first bar line. */
  pickupBeats: number;
  /** Standard deviation of the timing jitter of every note, ms (0 = on the grid). */
  jitterMs: number;
  /** Drums leave for 8 bars in every 32 (long clips). */
  breakdowns: boolean;
}

/** Returns the arrangement of `spec` under `opts`, every choice drawn from `rng`. */
export function arrange(spec: StyleSpec, opts: ArrangeOptions, rng: Rng): Arrangement {
  const meter = METERS[spec.meter];
  const bar = barTicks(meter);
  const stepsPerBar = meter.beatsPerBar * spec.stepsPerBeat;
  const swing = spec.swing ? rng.range(spec.swing[0], spec.swing[1]) : 0.5;
  const grid: StepGrid = { beatTicks: meter.beatTicks, stepsPerBeat: spec.stepsPerBeat, swing, swing16: !!spec.swing16 };
  const qpm = (opts.bpm * meter.beatTicks) / PPQ;
  const slowest = opts.tempoShape === 'constant' ? 1 : opts.tempoShape === 'live' ? 0.94 : 0.6;
  const pickupTicks = opts.pickupBeats * meter.beatTicks;
  const bars = Math.ceil(opts.seconds / (((bar / PPQ) * 60) / (qpm * slowest))) + 1;
  const totalTicks = pickupTicks + bars * bar;
  const tempo = planTempo(opts.tempoShape, qpm, totalTicks, bar, rng);
  const key = makeKey(rng, spec.modes);
  const chordBars = rng.pick(spec.chordBars);
  const progression = spec.blues ? bluesProgression(key) : makeProgression(rng, key, 4, spec.sevenths);
  const chords = Array.from({ length: bars }, (_, b) => progression[Math.floor(b / chordBars) % progression.length]);
  const barStarts = chords.map((_, b) => pickupTicks + b * bar);
  const low = spec.low ?? { bass: 33, comp: 55, lead: 67, arp: 60 };
  const hasDrums = (b: number): boolean => spec.grooves.length > 0 && b >= opts.introBars && !(opts.breakdowns && (b - opts.introBars) % 32 >= 24);
  const line = (lowPitch: number, playing: (b: number) => boolean): LineSpec => ({ key, grid, stepsPerBar, chords, barStarts, playing, low: lowPitch });

  const parts: Part[] = [];
  const info: Arrangement['info'] = { key: key.tonic, mode: key.mode, chordBars, swing: Math.round(swing * 1000) / 1000 };
  if (spec.grooves.length) parts.push({ role: 'drums', program: 0, notes: drums(spec, grid, stepsPerBar, bars, barStarts, hasDrums, rng, info) });
  if (spec.bass.length) {
    const pattern = rng.pick(spec.bass);
    const notes = chords.flatMap((c, b) => (b < opts.introBars / 2 ? [] : bassBar(pattern, grid, c, chords[b + 1] ?? c, barStarts[b], low.bass, rng)));
    parts.push({ role: 'bass', program: rng.pick(spec.programs.bass), notes });
  }
  const comp = rng.pick(spec.comp);
  parts.push({ role: 'chords', program: rng.pick(spec.programs.comp), notes: chords.flatMap((c, b) => compBar(comp, grid, voice(c, low.comp), barStarts[b], rng)) });
  if (rng.chance(spec.parts.lead) || opts.pickupBeats > 0) {
    const notes = leadNotes(line(low.lead, (b) => b >= Math.min(4, opts.introBars) || opts.introBars === 0), rng, rng.range(...spec.leadDensity));
    parts.push({ role: 'lead', program: rng.pick(spec.programs.lead), notes: [...pickupNotes(key, grid, opts.pickupBeats, low.lead), ...notes] });
  }
  if (rng.chance(spec.parts.pad)) parts.push({ role: 'pad', program: rng.pick(spec.programs.pad), notes: padNotes(line(low.comp - 5, () => true), bar, 60) });
  if (rng.chance(spec.parts.arp)) {
    const notes = arpNotes(line(low.arp, () => true), rng, rng.pick([1, 2].filter((e) => stepsPerBar % e === 0)), rng.pick(['up', 'updown', 'random'] as const));
    parts.push({ role: 'arp', program: rng.pick(spec.programs.arp), notes });
  }
  if (opts.jitterMs > 0) humanise(parts, opts.jitterMs * ((qpm * PPQ) / 60000), rng);
  for (const part of parts) part.notes.sort((a, b) => a.tick - b.tick);
  info.parts = parts.map((p) => `${p.role}:${p.program}`).join(' ');
  if (tempo.note) info.tempo = tempo.note;
  return { meter, tempo: tempo.points, pickupTicks, totalTicks, parts, info };
}

/** Returns the drum part: a groove, a second groove now and then, fills and crashes every 8 bars. */
function drums(spec: StyleSpec, grid: StepGrid, stepsPerBar: number, bars: number, barStarts: number[], playing: (b: number) => boolean, rng: Rng, info: Arrangement['info']): Note[] {
  const index = rng.int(0, spec.grooves.length - 1);
  const main = thin(spec.grooves[index], rng);
  const alt = rng.chance(0.4) ? rng.pick(spec.grooves) : main;
  info.groove = main === spec.grooves[index] ? index : `${index}-thinned`;
  const notes: Note[] = [];
  for (let b = 0; b < bars; b++) {
    if (!playing(b)) continue;
    const groove = b % 8 >= 4 ? alt : main;
    let barNotes = drumBar(groove, grid, stepsPerBar, b, barStarts[b]);
    if (b % 8 === 7 && rng.chance(0.6)) barNotes = withFill(barNotes, grid, stepsPerBar, barStarts[b], rng);
    if (!playing(b - 1) || (b % 8 === 0 && rng.chance(0.7))) barNotes.push({ tick: barStarts[b], dur: 240, pitch: GM_DRUMS.crash, vel: 105 });
    notes.push(...barNotes);
  }
  return notes;
}

/** Returns the groove, sometimes without one of its lighter lines (sparser drums). */
function thin(groove: DrumPattern, rng: Rng): DrumPattern {
  const light = (Object.keys(groove) as (keyof DrumPattern)[]).filter((k) => !['kick', 'snare', 'rim', 'clap'].includes(k));
  if (light.length < 2 || !rng.chance(0.25)) return groove;
  const drop = rng.pick(light);
  return Object.fromEntries(Object.entries(groove).filter(([k]) => k !== drop));
}

/** Replaces the last beat of a bar's drums with a snare/tom fill. */
function withFill(notes: Note[], grid: StepGrid, stepsPerBar: number, barStart: number, rng: Rng): Note[] {
  const from = stepsPerBar - grid.stepsPerBeat * (rng.chance(0.3) ? 2 : 1);
  const cut = barStart + stepTick(grid, from);
  const kept = notes.filter((n) => n.tick < cut);
  const voices = rng.pick([[GM_DRUMS.snare], [GM_DRUMS.tomH, GM_DRUMS.tomM, GM_DRUMS.tomL], [GM_DRUMS.snare, GM_DRUMS.tomL]]);
  for (let s = from, i = 0; s < stepsPerBar; s++, i++) {
    if (rng.chance(0.15)) continue;
    kept.push({ tick: barStart + stepTick(grid, s), dur: 60, pitch: voices[Math.min(voices.length - 1, Math.floor((i * voices.length) / (stepsPerBar - from)))], vel: 70 + i * 6 });
  }
  return kept;
}

/** Returns an anacrusis: a rising scale on each pickup beat, leading into the first bar. */
function pickupNotes(key: ReturnType<typeof makeKey>, grid: StepGrid, beats: number, low: number): Note[] {
  return Array.from({ length: beats }, (_, i) => ({ tick: i * grid.beatTicks, dur: grid.beatTicks - 30, pitch: scalePitch(key, 7 - beats + i, low), vel: 92 }));
}

/** Moves every note by Gaussian jitter (`sdTicks`) and varies its velocity, in place. */
function humanise(parts: Part[], sdTicks: number, rng: Rng): void {
  for (const part of parts) {
    // A part other than the drums may sit consistently ahead of or behind the beat; the drums define it.
    const push = part.role === 'drums' ? 0 : rng.normal(0, sdTicks * 0.5);
    for (const note of part.notes) {
      note.tick = Math.max(0, Math.round(note.tick + push + rng.normal(0, sdTicks)));
      note.vel = Math.max(20, Math.min(127, Math.round(note.vel + rng.normal(0, 8))));
    }
  }
}
