/**
 * The beat grid: one type for a track's beats and bars, and all arithmetic over it. A grid is either
 * steady (beat k at `firstBeatSec + k · 60/bpm`) or follows a list of beat times (a tempo that moves);
 * every function works on both, in seconds of whatever clock the grid is on (track time, or the workout
 * clock after `gridOnClock`). Beats are numbered from the first (0); before the first and after the last
 * listed beat the grid goes on at the tempo of its nearest interval. Pure: seconds in, seconds out.
 */
import type { Bpm, Seconds } from './units';
import { beatSeconds } from './units';

/** Where a track's beats and bars fall. Built once from the analysis (`beatGridFromAnalysis`) or a correction. */
export interface BeatGrid {
  /** Tempo a listener taps, BPM (> 0); for a moving tempo, the median. */
  bpm: Bpm;
  /** The first beat, seconds. Equals `beats[0]` when there is a list. */
  firstBeatSec: Seconds;
  /** The first downbeat ("the one") at or after the first beat, seconds; always a beat of the grid. */
  firstDownbeatSec: Seconds;
  /** Beats in a bar (4 for 4/4, 3 for 3/4). */
  beatsPerBar: number;
  /** Every beat's time (ascending) when the tempo moves; null for a steady tempo. */
  beats: Float64Array | null;
}

/** What the analysis reports of a track's beat, as far as the grid needs it. */
export interface BeatAnalysis {
  bpm: Bpm | null;
  beats: readonly Seconds[];
  firstBeat: Seconds | null;
  firstDownbeat: Seconds | null;
  beatsPerBar: number;
  constantTempo: boolean;
}

// Times this close count as the same instant: grid arithmetic over an hour drifts by far less.
const EPS_SEC = 1e-6;
const mod = (x: number, m: number): number => ((x % m) + m) % m;

const listOf = (grid: BeatGrid): Float64Array | null => (grid.beats && grid.beats.length >= 2 ? grid.beats : null);

/** Returns a steady grid: beats every 60/bpm s from `firstBeatSec`, the one at the first downbeat at or after it. */
export function steadyGrid(bpm: Bpm, firstBeatSec: Seconds, downbeatSec: Seconds, beatsPerBar: number): BeatGrid {
  return normalizeGrid({ bpm, firstBeatSec, firstDownbeatSec: downbeatSec, beatsPerBar: Math.max(1, Math.round(beatsPerBar)), beats: null });
}

/** Returns the grid of an analysed track, or null when it has no beat: a beat list only where the tempo moves. */
export function beatGridFromAnalysis(a: BeatAnalysis): BeatGrid | null {
  if (a.bpm === null || !(a.bpm > 0)) return null;
  const first = a.beats[0] ?? a.firstBeat ?? 0;
  const down = a.firstDownbeat ?? first;
  if (a.constantTempo || a.beats.length < 8) return steadyGrid(a.bpm, first, down, a.beatsPerBar);
  const beats = Float64Array.from(a.beats);
  return normalizeGrid({ bpm: a.bpm, firstBeatSec: beats[0], firstDownbeatSec: down, beatsPerBar: Math.max(1, Math.round(a.beatsPerBar)), beats });
}

/** Returns the length of one beat at the grid's (median) tempo, seconds. */
export const beatPeriodSec = (grid: BeatGrid): Seconds => beatSeconds(grid.bpm);

/** Returns the length of one bar at the grid's (median) tempo, seconds. */
export const barSeconds = (grid: BeatGrid): Seconds => beatSeconds(grid.bpm) * grid.beatsPerBar;

/** Returns the beat number at `tSec`, fractional between beats (0 = the first beat; negative before it). */
export function beatPosition(grid: BeatGrid, tSec: Seconds): number {
  const list = listOf(grid);
  if (!list) return (tSec - grid.firstBeatSec) / beatSeconds(grid.bpm);
  const n = list.length;
  if (tSec < list[0]) return (tSec - list[0]) / (list[1] - list[0]);
  if (tSec >= list[n - 1]) return n - 1 + (tSec - list[n - 1]) / (list[n - 1] - list[n - 2]);
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= tSec) lo = mid;
    else hi = mid;
  }
  return lo + (tSec - list[lo]) / (list[lo + 1] - list[lo]);
}

/** Returns the time of beat number `k` (fractional numbers fall between beats), seconds. */
export function beatTimeAt(grid: BeatGrid, k: number): Seconds {
  const list = listOf(grid);
  if (!list) return grid.firstBeatSec + k * beatSeconds(grid.bpm);
  const n = list.length;
  if (k <= 0) return list[0] + k * (list[1] - list[0]);
  if (k >= n - 1) return list[n - 1] + (k - (n - 1)) * (list[n - 1] - list[n - 2]);
  const i = Math.floor(k);
  return list[i] + (k - i) * (list[i + 1] - list[i]);
}

// Tolerance in beats for "on a beat": a microsecond at the local tempo.
const epsBeats = (grid: BeatGrid): number => EPS_SEC / beatSeconds(grid.bpm);

/** Returns the number of the last beat at or before `tSec` (negative before the first beat). */
export const beatIndexAt = (grid: BeatGrid, tSec: Seconds): number => Math.floor(beatPosition(grid, tSec) + epsBeats(grid));

/** Returns the number of the first downbeat: the beat "the one" falls on. */
export const downbeatIndex = (grid: BeatGrid): number => Math.round(beatPosition(grid, grid.firstDownbeatSec));

/** Returns true when beat number `k` is a downbeat. */
export const isDownbeatIndex = (grid: BeatGrid, k: number): boolean => mod(k - downbeatIndex(grid), grid.beatsPerBar) === 0;

/** Returns the time of the first beat at or after `tSec`. */
export const nextBeatAtOrAfter = (grid: BeatGrid, tSec: Seconds): Seconds => beatTimeAt(grid, Math.ceil(beatPosition(grid, tSec) - epsBeats(grid)));

/** Returns the time of the last beat strictly before `tSec`. */
export const previousBeatBefore = (grid: BeatGrid, tSec: Seconds): Seconds => beatTimeAt(grid, Math.ceil(beatPosition(grid, tSec) - epsBeats(grid)) - 1);

/** Returns the time of the beat nearest to `tSec` (the earlier one on a tie). */
export const nearestBeat = (grid: BeatGrid, tSec: Seconds): Seconds => beatTimeAt(grid, Math.ceil(beatPosition(grid, tSec) - 0.5));

/** Returns the time of the first downbeat at or after `tSec`. */
export function nextDownbeatAtOrAfter(grid: BeatGrid, tSec: Seconds): Seconds {
  const k = Math.ceil(beatPosition(grid, tSec) - epsBeats(grid));
  return beatTimeAt(grid, k + mod(downbeatIndex(grid) - k, grid.beatsPerBar));
}

/** Returns the time of the last downbeat at or before `tSec`. */
export function downbeatAtOrBefore(grid: BeatGrid, tSec: Seconds): Seconds {
  const k = Math.floor(beatPosition(grid, tSec) + epsBeats(grid));
  return beatTimeAt(grid, k - mod(k - downbeatIndex(grid), grid.beatsPerBar));
}

/** Returns the time of the downbeat nearest to `tSec` (the earlier one on a tie). */
export function nearestDownbeat(grid: BeatGrid, tSec: Seconds): Seconds {
  const d = downbeatIndex(grid);
  const bars = Math.ceil((beatPosition(grid, tSec) - d) / grid.beatsPerBar - 0.5);
  return beatTimeAt(grid, d + bars * grid.beatsPerBar);
}

/** Returns true when `tSec` lies on a downbeat (within a microsecond). */
export const isDownbeat = (grid: BeatGrid, tSec: Seconds): boolean => Math.abs(nearestDownbeat(grid, tSec) - tSec) < EPS_SEC;

/** Returns how far `tSec` is into its beat: 0 on the beat, rising to just under 1 before the next (the beat pulse). */
export function beatPhaseAt(grid: BeatGrid, tSec: Seconds): number {
  const p = beatPosition(grid, tSec) + epsBeats(grid);
  return Math.max(0, p - Math.floor(p) - epsBeats(grid));
}

/** Returns the beats of the grid in [fromSec, toSec), each with whether it is a downbeat. */
export function beatsBetween(grid: BeatGrid, fromSec: Seconds, toSec: Seconds): { timeSec: Seconds; isDownbeat: boolean }[] {
  const out: { timeSec: Seconds; isDownbeat: boolean }[] = [];
  if (!(toSec > fromSec)) return out;
  const d = downbeatIndex(grid);
  for (let k = Math.ceil(beatPosition(grid, fromSec) - epsBeats(grid)); ; k += 1) {
    const timeSec = beatTimeAt(grid, k);
    if (timeSec >= toSec - EPS_SEC) return out;
    out.push({ timeSec, isDownbeat: mod(k - d, grid.beatsPerBar) === 0 });
  }
}

/**
 * Returns the grid as heard on another clock: the track plays from `trackOffsetSec` at `playbackRate`,
 * starting at `clockStartSec`. Beats land at `clockStartSec + (beat − trackOffsetSec) / playbackRate`.
 */
export function gridOnClock(grid: BeatGrid, trackOffsetSec: Seconds, playbackRate: number, clockStartSec: Seconds): BeatGrid {
  const place = (t: Seconds): Seconds => clockStartSec + (t - trackOffsetSec) / playbackRate;
  return {
    bpm: grid.bpm * playbackRate,
    firstBeatSec: place(grid.firstBeatSec),
    firstDownbeatSec: place(grid.firstDownbeatSec),
    beatsPerBar: grid.beatsPerBar,
    beats: grid.beats ? grid.beats.map(place) : null,
  };
}

/** Returns the grid moved by `deltaSec` (later when positive); the same instants map `t → t + deltaSec`. */
export const shiftGrid = (grid: BeatGrid, deltaSec: Seconds): BeatGrid => gridOnClock(grid, 0, 1, deltaSec);

/** Returns the same grid with its first downbeat the first one at or after its first beat (how grids are stored). */
export function normalizeGrid(grid: BeatGrid): BeatGrid {
  const k = mod(downbeatIndex(grid), grid.beatsPerBar);
  return { ...grid, firstDownbeatSec: beatTimeAt(grid, k) };
}

// The grid with beats before 0 s dropped (a beat cannot sit before the start of a file); steady grids move on whole beats.
function fromZero(grid: BeatGrid): BeatGrid {
  const k = Math.max(0, Math.ceil(beatPosition(grid, 0) - epsBeats(grid)));
  if (k === 0) return normalizeGrid(grid);
  const list = listOf(grid);
  if (!list) return normalizeGrid({ ...grid, firstBeatSec: beatTimeAt(grid, k), firstDownbeatSec: grid.firstDownbeatSec });
  const beats = list.slice(k);
  const down = grid.firstDownbeatSec >= beats[0] ? grid.firstDownbeatSec : beatTimeAt(grid, k + mod(downbeatIndex(grid) - k, grid.beatsPerBar));
  return normalizeGrid({ ...grid, beats, firstBeatSec: beats[0], firstDownbeatSec: down });
}

/** Returns the grid moved later by `deltaSec` (earlier when negative): beats and downbeats move together. */
export const nudgeGrid = (grid: BeatGrid, deltaSec: Seconds): BeatGrid => fromZero(shiftGrid(grid, deltaSec));

/** Returns the grid moved by a fraction of a beat (1/8 = an eighth of a beat at the median tempo). */
export const nudgeGridBeats = (grid: BeatGrid, beats: number): BeatGrid => nudgeGrid(grid, beats * beatPeriodSec(grid));

/** Returns the grid whose "one" falls `beats` beats later (earlier when negative); the beats stay. */
export const shiftDownbeat = (grid: BeatGrid, beats: number): BeatGrid =>
  normalizeGrid({ ...grid, firstDownbeatSec: beatTimeAt(grid, downbeatIndex(grid) + Math.round(beats)) });

/** Returns the grid with `beatsPerBar` beats in a bar, keeping its first downbeat. */
export const setBeatsPerBar = (grid: BeatGrid, beatsPerBar: number): BeatGrid => normalizeGrid({ ...grid, beatsPerBar: Math.max(1, Math.round(beatsPerBar)) });

/** Returns the grid at half the tempo: every other beat, keeping the ones that hold a downbeat. */
export function halveTempo(grid: BeatGrid): BeatGrid {
  const d = downbeatIndex(grid);
  const first = mod(d, 2);
  const list = listOf(grid);
  if (!list) return normalizeGrid({ ...grid, bpm: grid.bpm / 2, firstBeatSec: beatTimeAt(grid, first) });
  const beats = list.filter((_, k) => k % 2 === first);
  return normalizeGrid({ ...grid, bpm: grid.bpm / 2, beats: beats.length >= 2 ? beats : null, firstBeatSec: beats[0] ?? beatTimeAt(grid, first) });
}

/** Returns the grid at double the tempo: a beat between every two (and one before the first where the file allows). */
export function doubleTempo(grid: BeatGrid): BeatGrid {
  const list = listOf(grid);
  const before = beatTimeAt(grid, -0.5);
  if (!list) return normalizeGrid({ ...grid, bpm: grid.bpm * 2, firstBeatSec: before >= 0 ? before : grid.firstBeatSec });
  const beats = new Float64Array(list.length * 2 - 1);
  list.forEach((t, k) => {
    beats[2 * k] = t;
    if (k + 1 < list.length) beats[2 * k + 1] = (t + list[k + 1]) / 2;
  });
  return normalizeGrid({ ...grid, bpm: grid.bpm * 2, beats, firstBeatSec: beats[0] });
}

/** Returns a steady grid at `bpm` (rounded to 0.1) that keeps the first beat, the one on the nearest new beat (a tapped tempo). */
export function setTempo(grid: BeatGrid, bpm: Bpm): BeatGrid {
  const next = Math.round(bpm * 10) / 10;
  const k = Math.max(0, Math.round((grid.firstDownbeatSec - grid.firstBeatSec) / beatSeconds(next)));
  return steadyGrid(next, grid.firstBeatSec, grid.firstBeatSec + k * beatSeconds(next), grid.beatsPerBar);
}
