/**
 * A segment's tempo map: where a track's playback rate changes inside its segment (a tempo that builds, or
 * follows the runner), bar by bar, each change ramped linearly over the bar that leads into it, so that every
 * downbeat of the track plays at the rate asked for at that moment and nothing jumps. The map is a list of rate
 * points (rate-ramp.ts) on the workout clock relative to the segment's start; the segment's beat grid on the
 * workout clock is built from the same ramps, so cues land on the beats as heard. Pure: numbers in, numbers out.
 */
import type { RatePoint } from './rate-ramp';
import { clockSecOf, rampPoints } from './rate-ramp';
import { beatPosition, beatTimeAt, normalizeGrid, type BeatGrid } from './beat-grid';
import type { Seconds } from './units';

/** What a tempo map needs of a segment. */
export interface MappedSegment {
  startSec: Seconds;
  endSec: Seconds;
  trackOffsetSec: Seconds;
  playbackRate: number;
  /** Rate changes inside the segment, `atSec` relative to `startSec`; null = `playbackRate` throughout. */
  tempoMap: readonly RatePoint[] | null;
}

/** Pieces a bar's ramp is played in (the stretcher plays each at its mean rate: under 0.1 ms off the exact ramp). */
export const RAMP_PIECES_PER_BAR = 8;
const EPS = 1e-9;

// Index of the last point at or before `relSec` (0 when before the first).
function pointAt(map: readonly RatePoint[], relSec: Seconds): number {
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid].atSec <= relSec + EPS) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** Returns the track position (seconds of track time) that plays at workout time `clockSec` in `segment`. */
export function trackSecAt(segment: MappedSegment, clockSec: Seconds): Seconds {
  const rel = clockSec - segment.startSec;
  const map = segment.tempoMap;
  if (!map || map.length === 0) return segment.trackOffsetSec + rel * segment.playbackRate;
  const p = map[pointAt(map, rel)];
  return p.trackSec + (rel - p.atSec) * p.rate;
}

/** Returns the playback rate at workout time `clockSec` in `segment`. */
export function rateAt(segment: MappedSegment, clockSec: Seconds): number {
  const map = segment.tempoMap;
  return !map || map.length === 0 ? segment.playbackRate : map[pointAt(map, clockSec - segment.startSec)].rate;
}

/** Returns the map's points from workout time `fromSec` on (the one in force then first), on the workout clock. */
export function ratePointsFrom(segment: MappedSegment, fromSec: Seconds): RatePoint[] {
  const map = segment.tempoMap;
  if (!map || map.length === 0) return [];
  return map.slice(pointAt(map, fromSec - segment.startSec)).map((p) => ({ ...p, atSec: p.atSec + segment.startSec }));
}

/**
 * Returns the tempo map and the beat grid on the workout clock of a track that starts playing at its downbeat
 * `trackOffsetSec` at workout time `startSec` and plays to `untilSec`, at the rate `rateAt(clockSec)` asks for at
 * each of its downbeats, ramped over the bar before. `trackGrid` is the track's own grid (track time).
 */
export function mapTempo(trackGrid: BeatGrid, trackOffsetSec: Seconds, startSec: Seconds, untilSec: Seconds, rateAtClock: (clockSec: Seconds) => number):
  { tempoMap: RatePoint[]; grid: BeatGrid; startRate: number } {
  const perBar = trackGrid.beatsPerBar;
  const points: RatePoint[] = [];
  const beats: number[] = [];
  let k = Math.round(beatPosition(trackGrid, trackOffsetSec));
  let x = trackOffsetSec;
  let c = startSec;
  const startRate = rateAtClock(startSec);
  let r = startRate;
  while (c < untilSec) {
    const xNext = beatTimeAt(trackGrid, k + perBar);
    const len = xNext - x;
    // The rate asked for at the next downbeat, where a ramp from r would bring it; once more with that ramp's length.
    let next = rateAtClock(c + len / r);
    next = rateAtClock(c + (2 * len) / (r + next));
    const ramp = { startSec: c, trackSec: x, fromRate: r, toRate: next, rampSec: (2 * len) / (r + next) };
    const pieces = Math.abs(next - r) < EPS ? 1 : RAMP_PIECES_PER_BAR;
    for (const p of rampPoints(ramp, pieces).slice(0, pieces)) points.push({ atSec: p.atSec - startSec, trackSec: p.trackSec, rate: p.rate });
    for (let b = 0; b < perBar; b += 1) beats.push(clockSecOf(ramp, beatTimeAt(trackGrid, k + b)));
    c += ramp.rampSec;
    x = xNext;
    k += perBar;
    r = next;
  }
  points.push({ atSec: c - startSec, trackSec: x, rate: r });
  beats.push(c);
  // Steady stretches need no point of their own: a point at the rate already playing changes nothing.
  const tempoMap = points.filter((p, i) => i === 0 || Math.abs(p.rate - points[i - 1].rate) > EPS);
  const gaps = beats.slice(1).map((t, i) => t - beats[i]).sort((a, b) => a - b);
  const medianBeatSec = gaps[gaps.length >> 1] ?? 60 / trackGrid.bpm;
  const grid = normalizeGrid({
    bpm: 60 / medianBeatSec, firstBeatSec: beats[0], firstDownbeatSec: startSec, beatsPerBar: perBar, beats: Float64Array.from(beats),
  });
  return { tempoMap, grid, startRate };
}
