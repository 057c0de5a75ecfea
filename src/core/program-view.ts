/**
 * What the running screen shows, as a pure function of the program and the workout position read from the
 * audio clock each frame: nothing the user sees waits for an event that could be dropped.
 */
import type { TimelineStep } from './workout';
import type { Bpm, Seconds } from './units';
import { beatPhaseAt } from './beat-grid';
import { segmentIndexAt, stepEndSec, type Program, type ProgramSegment } from './program';

/** The screen's content at one workout position. */
export interface ProgramView {
  /** Counting in before the first step, in a step, or past the end. */
  part: 'count-in' | 'step' | 'done';
  /** Index of the step playing (−1 during the count-in, `steps.length` once done). */
  stepIndex: number;
  step: TimelineStep | null;
  next: TimelineStep | null;
  /** Seconds until the step ends (until the first step during the count-in; 0 when done). */
  remainingSec: Seconds;
  /**
   * Seconds the step's clock shows: `remainingSec`, but never more than the step's written length. Step changes land
   * on the music's bars, so a step written as 10:00 may play up to a bar longer; its clock holds 10:00 until then.
   */
  clockSec: Seconds;
  /** During the count-in, the count of the beat sounding (3, 2, 1); else null. */
  countIn: number | null;
  segment: ProgramSegment | null;
  /** Tempo of the music heard, null when none plays. */
  musicBpm: Bpm | null;
  /** Position inside the current beat, 0 on the beat .. 1 (the beat pulse); null without music. */
  beatPhase: number | null;
  /** The words of the latest announcement, shown once its voice starts (`voiceLeadSec` before its cue). */
  announcement: string | null;
  /** Share of the workout done, 0..1. */
  progress: number;
}

// Index of the last step starting at or before positionSec (−1 before the first).
function stepIndexAt(starts: readonly Seconds[], positionSec: Seconds): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= positionSec + 1e-9) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Returns the index of the step playing at `positionSec`: −1 during the count-in, `steps.length` once past the end. */
export function stepAt(program: Pick<Program, 'stepStarts' | 'endSec'>, positionSec: Seconds): number {
  if (positionSec >= program.endSec) return program.stepStarts.length;
  // A zero-length step is never "playing": the last of equal starts wins.
  return stepIndexAt(program.stepStarts, positionSec);
}

/** Returns the latest cue words at or before `positionSec + leadSec`, or null when none was said yet. */
export function announcementAt(program: Pick<Program, 'cues'>, positionSec: Seconds, leadSec: Seconds): string | null {
  const cues = program.cues;
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid].timeSec <= positionSec + leadSec) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i -= 1) {
    const c = cues[i];
    if (c.kind === 'step-start' || c.kind === 'finish') return c.text;
  }
  return null;
}

/** Returns what the running screen shows at `positionSec` (seconds on the workout clock). */
export function programViewAt(program: Program, positionSec: Seconds, voiceLeadSec: Seconds = 0): ProgramView {
  const k = stepAt(program, positionSec);
  const segIndex = segmentIndexAt(program, positionSec);
  const segment = segIndex >= 0 ? program.segments[segIndex] : null;
  const total = program.endSec;
  const part = k < 0 ? 'count-in' : k >= program.steps.length ? 'done' : 'step';
  // The count shown is the beat sounding now: 3 from the first tick, then 2, then 1.
  const ticks = part === 'count-in' ? program.cues.filter((c) => c.kind === 'countdown' && c.stepIndex === 0 && c.timeSec < 0) : [];
  const sounded = ticks.filter((c) => c.timeSec <= positionSec + 1e-9).length;
  const countIn = part === 'count-in' ? ticks.length - Math.max(1, sounded) + 1 : null;
  const remainingSec = part === 'done' ? 0 : part === 'count-in' ? (program.stepStarts[0] ?? 0) - positionSec : stepEndSec(program, k) - positionSec;
  return {
    part,
    stepIndex: k,
    step: program.steps[k] ?? null,
    next: program.steps[Math.max(0, k + 1)] ?? null,
    remainingSec,
    clockSec: part === 'step' ? Math.min(remainingSec, program.steps[k].durationSec) : remainingSec,
    countIn,
    segment,
    musicBpm: segment?.musicBpm ?? null,
    beatPhase: segment ? beatPhaseAt(segment.grid, positionSec) : null,
    announcement: announcementAt(program, positionSec, voiceLeadSec),
    progress: total > 0 ? Math.min(1, Math.max(0, positionSec / total)) : 0,
  };
}

/** Returns the workout's written length in seconds (the steps as written, before step changes move onto the music's bars). */
export function writtenTotalSec(program: Pick<Program, 'steps'>): Seconds {
  const last = program.steps[program.steps.length - 1];
  return last ? last.startSec + last.durationSec : 0;
}
