/**
 * Steps whose music tempo builds (or eases) across them: the tempo asked for at each moment, the pieces the
 * music planner plans such a step in (so it can change track where the ramp leaves a track's reach), and the
 * ramped tempo maps of the segments that play under them. Pure: the timeline and segments in, segments out.
 */
import type { TimelineStep } from './workout';
import type { Bpm, Seconds } from './units';
import type { MusicSegment } from './music-plan';
import type { BeatGrid } from './beat-grid';
import { mapTempo } from './tempo-map';

/**
 * Least tempo change a step that builds may use, percent, whatever the music setting allows: a build changes
 * the tempo by definition (8 % takes a 150 BPM track to 162).
 */
export const BUILD_MIN_CHANGE_PCT = 8;
/** Most a planning piece of a build spans, as a fraction of its tempo (3 %: a track always reaches a whole piece). */
const PIECE_SPAN_RATIO = 0.03;
/** Shortest planning piece, seconds. */
const MIN_PIECE_SEC = 15;
/** The map runs on past a segment's planned end by this much, seconds (downbeat alignment and the finish move ends later). */
const MAP_MARGIN_SEC = 12;

/** Returns true when the step's tempo moves across it. */
export const isBuild = (s: TimelineStep): boolean => Boolean(s.step.build) && s.step.tempo !== null && s.step.tempo.minBpm < s.step.tempo.maxBpm;

/** Returns the tempo a building step asks for at workout time `clockSec` (its start tempo before it, its end tempo after). */
export function buildTempoAt(s: TimelineStep, clockSec: Seconds): Bpm {
  const t = s.step.tempo!;
  const [from, to] = s.step.build === 'down' ? [t.maxBpm, t.minBpm] : [t.minBpm, t.maxBpm];
  const f = s.durationSec > 0 ? Math.min(1, Math.max(0, (clockSec - s.startSec) / s.durationSec)) : 1;
  return from + (to - from) * f;
}

/**
 * Returns the timeline with each building step cut into planning pieces, each with a steady target over its
 * stretch of the ramp; a piece keeps its step's `index` (and so the step it plays under). Others pass unchanged.
 */
export function splitBuilds(steps: readonly TimelineStep[]): TimelineStep[] {
  return steps.flatMap((s) => {
    if (!isBuild(s)) return [s];
    const t = s.step.tempo!;
    const byTempo = Math.ceil(Math.log(t.maxBpm / t.minBpm) / Math.log(1 + PIECE_SPAN_RATIO) - 1e-9);
    const count = Math.max(1, Math.min(byTempo, Math.floor(s.durationSec / MIN_PIECE_SEC)));
    return Array.from({ length: count }, (_, k) => {
      const startSec = s.startSec + (s.durationSec * k) / count;
      const endSec = s.startSec + (s.durationSec * (k + 1)) / count;
      const a = buildTempoAt(s, startSec);
      const b = buildTempoAt(s, endSec);
      const tempo = { minBpm: Math.min(a, b), maxBpm: Math.max(a, b), allowHalfDouble: t.allowHalfDouble };
      return { ...s, startSec, durationSec: endSec - startSec, step: { ...s.step, tempo } };
    });
  });
}

/**
 * Returns `segment` with a tempo map that follows the builds it plays under: at each of its downbeats inside a
 * building step the rate that brings the music to the step's tempo then (counted at the octave the planner chose),
 * within `maxChangePct`; outside builds its planned rate. Segments under no build come back unchanged.
 */
export function rampUnderBuilds(segment: MusicSegment, steps: readonly TimelineStep[], trackGrid: BeatGrid, maxChangePct: number): MusicSegment {
  const builds = steps.filter((s) => isBuild(s) && s.startSec < segment.endSec && s.startSec + s.durationSec > segment.startSec);
  if (builds.length === 0) return segment;
  const trackBpm = segment.musicBpm / segment.playbackRate;
  const octave = segment.targetBpm !== null ? Math.round(Math.log2(segment.targetBpm / segment.musicBpm)) : 0;
  const counted = trackBpm * 2 ** octave;
  const m = Math.max(maxChangePct, BUILD_MIN_CHANGE_PCT) / 100;
  const wanted = (clockSec: Seconds): number => {
    const under = builds.find((s) => clockSec >= s.startSec && clockSec < s.startSec + s.durationSec)
      ?? (clockSec >= builds[builds.length - 1].startSec ? builds[builds.length - 1] : null);
    if (!under) return segment.playbackRate;
    return Math.min(1 + m, Math.max(1 - m, buildTempoAt(under, clockSec) / counted));
  };
  const mapped = mapTempo(trackGrid, segment.trackOffsetSec, segment.startSec, segment.endSec + MAP_MARGIN_SEC, wanted);
  const rate = mapped.startRate;
  return {
    ...segment, tempoMap: mapped.tempoMap, grid: mapped.grid, playbackRate: rate, musicBpm: trackBpm * rate,
    targetBpm: segment.targetBpm === null ? null : counted * rate,
  };
}
