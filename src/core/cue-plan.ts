/**
 * The cue scheduler's pure planner: moves each step change onto the music's downbeat (or beat), then lays out
 * the step, countdown, finish and metronome cues on the workout clock, each with its sound and final words.
 * The engine asks for a window at a time. Boundary k is quantised from its ideal time, never from boundary k−1,
 * so rounding errors do not accumulate.
 */
import type { TempoTarget, TimelineStep } from './workout';
import type { Seconds } from './units';
import { barSeconds, beatIndexAt, beatPeriodSec, beatsBetween, beatTimeAt, downbeatAtOrBefore,
  nextBeatAtOrAfter, nextDownbeatAtOrAfter, previousBeatBefore, type BeatGrid } from './beat-grid';
import { fitTempo } from './tempo-fit';
import { stepAnnouncement } from './player-settings';
import type { MusicSegment } from './music-plan';

/** Where step changes land: on the nearest downbeat, the nearest beat, or exactly on time. */
export type QuantizeMode = 'bar' | 'beat' | 'exact';

/** Cue settings chosen by the user. */
export interface CueOptions {
  quantize: QuantizeMode;
  /** Beats counted down before each change (and before the start); 0 = none. */
  countdownBeats: number;
  /** Click at the step's target cadence during steps that have one. */
  metronome: boolean;
  /** The voice says each step's length and what follows (the screen may be dark). */
  audioOnly?: boolean;
}

/** The distinct cue sounds: the first start, a step of work or rest, the finish, a countdown tick, a metronome click. */
export type CueSound = 'start' | 'work' | 'rest' | 'finish' | 'tick' | 'click' | 'accent';

/** One thing to play, at `timeSec` on the workout clock (negative during the count-in), with the words to say. */
export type Cue =
  | { kind: 'step-start'; timeSec: Seconds; stepIndex: number; sound: 'start' | 'work' | 'rest'; text: string }
  | { kind: 'countdown'; timeSec: Seconds; n: number; stepIndex: number; sound: 'tick' }
  | { kind: 'finish'; timeSec: Seconds; sound: 'finish'; text: string }
  | { kind: 'metronome'; timeSec: Seconds; sound: 'click' | 'accent' };

/** The part of a music segment the cue planner reads: when it plays, and its beat grid on the workout clock. */
export type CueSegment = Pick<MusicSegment, 'startSec' | 'endSec' | 'grid'>;

/** Every cue of a workout, sorted by time, with the quantised step starts. */
export interface CuePlan {
  /** Quantised start of each step, seconds on the workout clock (one per step; equal for zero-length steps). */
  stepStarts: Seconds[];
  /** Quantised end of the workout: when the finish cue plays. */
  totalSec: Seconds;
  /** Length of the count-in before 0, seconds (0 without countdown). */
  leadInSec: Seconds;
  cues: Cue[];
}

const EPS_SEC = 1e-6;
// Shortest a step may become when quantising would otherwise make it vanish.
const MIN_STEP_SEC = 0.05;
// Tempo used for countdowns and clicks when no music plays.
const SILENT_BEAT_SEC = 1;
const KIND_ORDER: Record<Cue['kind'], number> = { 'step-start': 0, finish: 0, countdown: 1, metronome: 2 };
const FINISH_TEXT = 'Workout complete. Great job!';

// The segment playing at t, or if none, the one that just ended at t.
function segmentAt(segs: readonly CueSegment[], tSec: Seconds, justBefore = false): CueSegment | undefined {
  let lo = 0;
  let hi = segs.length;
  const probe = justBefore ? tSec - 2 * EPS_SEC : tSec + EPS_SEC;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].startSec <= probe) lo = mid + 1;
    else hi = mid;
  }
  const seg = segs[lo - 1];
  return seg && seg.endSec > probe - EPS_SEC ? seg : undefined;
}

// Nearest grid point to t within the segment (its start and end count: tracks start on a downbeat), at most a bar away.
function quantise(segs: readonly CueSegment[], tSec: Seconds, mode: QuantizeMode): Seconds {
  const seg = mode === 'exact' ? undefined : (segmentAt(segs, tSec) ?? segmentAt(segs, tSec, true));
  if (!seg) return tSec;
  const bar = mode === 'bar';
  let before = bar ? downbeatAtOrBefore(seg.grid, tSec) : beatTimeAt(seg.grid, beatIndexAt(seg.grid, tSec));
  let after = bar ? nextDownbeatAtOrAfter(seg.grid, tSec) : nextBeatAtOrAfter(seg.grid, tSec);
  if (before < seg.startSec - EPS_SEC) before = seg.startSec;
  // Past its end another track starts on its own downbeat; after the last segment the music plays on.
  if (after > seg.endSec + EPS_SEC && seg !== segs[segs.length - 1]) after = seg.endSec;
  const q = after - tSec < tSec - before ? after : before;
  return Math.abs(q - tSec) <= barSeconds(seg.grid) + EPS_SEC ? q : tSec;
}

function quantiseAll(steps: readonly TimelineStep[], segs: readonly CueSegment[], mode: QuantizeMode): Seconds[] {
  const last = steps[steps.length - 1];
  const ideal = [...steps.map((s) => s.startSec), last.startSec + last.durationSec];
  const out: Seconds[] = [];
  ideal.forEach((t, k) => {
    const prev = out[k - 1];
    if (k > 0 && t <= ideal[k - 1] + EPS_SEC) return void out.push(prev);
    let q = quantise(segs, t, mode);
    if (k > 0 && q <= prev + EPS_SEC) {
      // Rounding collapsed a short step onto the previous change: the next grid point if within a bar, else on time.
      const grid = segmentAt(segs, prev)?.grid;
      const later = mode === 'exact' || !grid ? null
        : mode === 'bar' ? nextDownbeatAtOrAfter(grid, prev + 2 * EPS_SEC) : nextBeatAtOrAfter(grid, prev + 2 * EPS_SEC);
      q = grid && later !== null && later - t <= barSeconds(grid) + EPS_SEC ? later : Math.max(t, prev + MIN_STEP_SEC);
    }
    out.push(q);
  });
  return out;
}

// Up to `count` beat times before `tSec` and after `floorSec`, nearest first, following whichever music plays.
function beatsBefore(segs: readonly CueSegment[], tSec: Seconds, count: number, floorSec: Seconds, exact: boolean): Seconds[] {
  const out: Seconds[] = [];
  let cur = tSec;
  for (let i = 0; i < count; i += 1) {
    const seg = segmentAt(segs, cur, true) ?? (cur <= (segs[0]?.startSec ?? 0) + EPS_SEC ? segs[0] : undefined);
    const grid = seg?.grid;
    const prev = !grid ? cur - SILENT_BEAT_SEC : exact ? cur - beatPeriodSec(grid) : previousBeatBefore(grid, cur);
    if (prev <= floorSec + EPS_SEC) break;
    out.push(prev);
    cur = prev;
  }
  return out;
}

// Clicks in [fromSec, toSec) for a step with `target`: locked to the music when it fits, else steady at the nearest allowed tempo.
function metronomeCues(segs: readonly CueSegment[], fromSec: Seconds, toSec: Seconds, target: TempoTarget): Cue[] {
  const out: Cue[] = [];
  const click = (timeSec: Seconds, accent: boolean): void => void out.push({ kind: 'metronome', timeSec, sound: accent ? 'accent' : 'click' });
  const steady = (a: Seconds, b: Seconds, bpm: number, perBar: number): void => {
    for (let i = 0; a + (i * 60) / bpm < b - EPS_SEC; i += 1) click(a + (i * 60) / bpm, i % perBar === 0);
  };
  if (segs.length === 0) steady(fromSec, toSec, (target.minBpm + target.maxBpm) / 2, 4);
  for (const seg of segs) {
    const a = Math.max(fromSec, seg.startSec);
    const b = Math.min(toSec, seg.endSec);
    if (b <= a + EPS_SEC) continue;
    const fit = fitTempo(seg.grid.bpm, target, 0);
    const counted = seg.grid.bpm * fit.octave;
    if (fit.missPct > 0) {
      steady(a, b, Math.min(Math.max(counted, target.minBpm), target.maxBpm), seg.grid.beatsPerBar);
      continue;
    }
    // On the music's own beats: every beat, every other one (double-time music), or beats and the halves between.
    const beats = beatsBetween(seg.grid, a - barSeconds(seg.grid), b + barSeconds(seg.grid));
    const one = Math.max(0, beats.findIndex((x) => x.isDownbeat));
    beats.forEach((beat, i) => {
      const evenFromOne = (i - one + 2 * beats.length) % 2 === 0;
      if (fit.octave === 0.5 && !evenFromOne) return;
      const at = (t: Seconds, accent: boolean) => t >= a - EPS_SEC && t < b - EPS_SEC && click(t, accent);
      at(beat.timeSec, beat.isDownbeat);
      if (fit.octave === 2 && i + 1 < beats.length) at((beat.timeSec + beats[i + 1].timeSec) / 2, false);
    });
  }
  return out;
}

const soundOf = (s: TimelineStep): 'start' | 'work' | 'rest' => (s.index === 0 ? 'start' : s.step.kind === 'work' ? 'work' : 'rest');

/** Returns every cue of the workout: step changes moved onto the music's grid, countdowns, finish and clicks. */
export function buildCuePlan(steps: readonly TimelineStep[], music: { segments: readonly CueSegment[] }, options: CueOptions): CuePlan {
  if (steps.length === 0) return { stepStarts: [], totalSec: 0, leadInSec: 0, cues: [] };
  const segs = music.segments;
  const bounds = quantiseAll(steps, segs, options.quantize);
  const n = steps.length;
  const cues: Cue[] = [];
  const exact = options.quantize === 'exact';
  let leadInSec = 0;
  for (let k = 0; k <= n; k += 1) {
    if (k < n && bounds[k + 1] <= bounds[k] + EPS_SEC) continue; // a zero-length step plays no cue
    const floor = k === 0 ? -Infinity : bounds[k - 1];
    beatsBefore(segs, bounds[k], Math.max(0, options.countdownBeats), floor, exact).forEach((timeSec, i) => {
      cues.push({ kind: 'countdown', timeSec, n: i + 1, stepIndex: k, sound: 'tick' });
      if (k === 0) leadInSec = Math.max(leadInSec, bounds[0] - timeSec);
    });
    if (k === n) {
      cues.push({ kind: 'finish', timeSec: bounds[n], sound: 'finish', text: FINISH_TEXT });
      continue;
    }
    const s = steps[k];
    const text = stepAnnouncement(s.step.name, s.step.voice, s.durationSec, steps[k + 1]?.step.name ?? null, options.audioOnly ?? false);
    cues.push({ kind: 'step-start', timeSec: bounds[k], stepIndex: s.index, sound: soundOf(s), text });
    if (options.metronome && s.step.tempo) cues.push(...metronomeCues(segs, bounds[k], bounds[k + 1], s.step.tempo));
  }
  cues.sort((a, b) => a.timeSec - b.timeSec || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return { stepStarts: bounds.slice(0, n), totalSec: bounds[n], leadInSec, cues };
}

// Index of the first cue at or after tSec.
function firstAtOrAfter(cues: readonly Cue[], tSec: Seconds): number {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid].timeSec < tSec) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Returns the cues with fromSec ≤ time < toSec, sorted by time: windows that tile the clock return each cue once. */
export const planCues = (plan: { readonly cues: readonly Cue[] }, fromSec: Seconds, toSec: Seconds): Cue[] =>
  plan.cues.slice(firstAtOrAfter(plan.cues, fromSec), Math.max(firstAtOrAfter(plan.cues, fromSec), firstAtOrAfter(plan.cues, toSec)));

/** Returns when to start speaking so that the word `keywordOffsetSec` into the clip lands on `downbeatSec`. */
export const voiceStartTime = (downbeatSec: Seconds, keywordOffsetSec: Seconds): Seconds => downbeatSec - keywordOffsetSec;

/** Returns the beat grid of the music playing at `tSec` on the workout clock, or null when none plays. */
export const gridAt = (music: { segments: readonly CueSegment[] }, tSec: Seconds): BeatGrid | null => segmentAt(music.segments, tSec)?.grid ?? null;
