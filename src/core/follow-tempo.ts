/**
 * Music that follows the runner: from the next downbeat on, the rest of the workout plays at a new tempo (the
 * cadence, or its half or double). The track playing goes on when it can reach the tempo — its rate ramped over
 * a bar (tempo-map.ts) — and plays until it runs out; otherwise, or after it, the planner picks tracks for the
 * new tempo, changing on a downbeat. What played before stays as it was heard. Pure: program in, program out.
 */
import type { Workout } from './workout';
import type { Bpm, Seconds } from './units';
import { choosePool, spliceProgram, stepsFrom, withTrackInfo, alignTrackChanges, segmentIndexAt, type MusicRequest, type Program, type ProgramSegment } from './program';
import { planMusic } from './music-plan';
import { downbeatAtOrBefore, nearestDownbeat, nextDownbeatAtOrAfter } from './beat-grid';
import { mapTempo, rateAt, trackSecAt } from './tempo-map';
import { BUILD_MIN_CHANGE_PCT } from './tempo-build';
import type { CueOptions } from './cue-plan';
import { trackTime } from './units';

/** Least tempo change following the runner may use, percent, whatever the music setting allows (as a build). */
export const FOLLOW_MIN_CHANGE_PCT = BUILD_MIN_CHANGE_PCT;
/** The music changes this long after the call at the earliest, seconds: time for the engine to place the change. */
export const FOLLOW_LEAD_SEC = 2;
const MAP_MARGIN_SEC = 12;

// The octave (×1, ×2, ×½) at which music at `trackBpm` comes closest to `bpm`, and the rate that gets it there.
function rateFor(trackBpm: Bpm, bpm: Bpm): { rate: number; octave: number } {
  const options = [1, 2, 0.5].map((octave) => ({ octave, rate: bpm / (trackBpm * octave) }));
  return options.reduce((a, b) => (Math.abs(Math.log(b.rate)) < Math.abs(Math.log(a.rate)) ? b : a));
}

/**
 * Returns `program` playing at `bpm` from `fromSec`, the first downbeat at least FOLLOW_LEAD_SEC after `atSec`, or
 * null when the workout ends first; `music` is what the workout may draw from, as for planning.
 */
export function followTempo(program: Program, workout: Workout, music: MusicRequest, settings: CueOptions, atSec: Seconds, bpm: Bpm):
  { program: Program; fromSec: Seconds } | null {
  const i = segmentIndexAt(program, atSec);
  const playing = i >= 0 ? program.segments[i] : null;
  const fromSec = playing ? nextDownbeatAtOrAfter(playing.grid, atSec + FOLLOW_LEAD_SEC) : atSec + FOLLOW_LEAD_SEC;
  if (fromSec >= program.endSec) return null;
  const maxPct = Math.max(music.maxTempoChangePct, FOLLOW_MIN_CHANGE_PCT);
  const { pool } = choosePool(music);
  const kept = program.segments.filter((s) => s.startSec < fromSec).map((s) => (s.endSec > fromSec ? { ...s, endSec: fromSec } : s));
  let goesOn: ProgramSegment | null = null;
  const track = playing && pool.find((t) => t.id === playing.trackId);
  if (playing && track?.grid) {
    const trackBpm = playing.musicBpm / playing.playbackRate;
    const { rate, octave } = rateFor(trackBpm, bpm);
    if (Math.abs(rate - 1) <= maxPct / 100 + 1e-9) {
      const offset = nearestDownbeat(track.grid, trackSecAt(playing, fromSec));
      const before = rateAt(playing, fromSec - 1e-6);
      const mapped = mapTempo(track.grid, offset, fromSec, program.endSec + MAP_MARGIN_SEC, (t) => (t <= fromSec + 1e-9 ? before : rate));
      // A track plays to its last downbeat; a loop for as long as the workout lasts.
      const lastDownbeat = downbeatAtOrBefore(track.grid, track.durationSec + 1e-6);
      const runsOut = track.loop ? Infinity : downbeatAtOrBefore(mapped.grid, fromSec + (lastDownbeat - offset) / rate + 1e-6);
      goesOn = {
        ...playing, startSec: fromSec, endSec: Math.min(runsOut, program.endSec), trackOffsetSec: trackTime(offset),
        playbackRate: before, musicBpm: trackBpm * before, targetBpm: trackBpm * before * octave, missPct: 0, isRepeat: false,
        stepIndexes: program.steps.filter((s) => s.startSec + s.durationSec > fromSec).map((s) => s.index),
        grid: mapped.grid, tempoMap: mapped.tempoMap,
      };
    }
  }
  const restFrom = goesOn ? goesOn.endSec : fromSec;
  const target = { minBpm: bpm, maxBpm: bpm, allowHalfDouble: true };
  const rest = stepsFrom(program.steps, restFrom).map((s) => ({ ...s, step: { ...s.step, tempo: target, build: null } }));
  const planned = rest.length > 0 && restFrom < program.endSec - 1e-6
    ? planMusic(rest, pool, { maxTempoChangePct: maxPct, expectRepeats: program.usesDemo })
    : { segments: [], warnings: [] };
  const added = alignTrackChanges([...(goesOn ? [goesOn] : []), ...planned.segments]).map((s) => withTrackInfo(s, pool));
  return { program: spliceProgram(program, workout, settings, fromSec, [...kept, ...added], planned.warnings), fromSec };
}
