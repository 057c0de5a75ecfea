/**
 * The cue sheet of an exported workout file: every cue and every track on the file's clock (second 0 is the
 * file's first sample: the count-in's start), so that a player, an editor or a check can find the beats and
 * step changes in the audio. Made from the same program the file was rendered from. Pure.
 */
import type { Program } from './program';
import { exportSpan } from './export-window';

/** One cue in the file. */
export interface CueSheetCue {
  timeSec: number;
  kind: string;
  text?: string;
}

/** One track in the file. */
export interface CueSheetSegment {
  startSec: number;
  endSec: number;
  title: string;
  bpm: number;
  playbackRate: number;
}

/** The `<workout>.cues.json` written beside an exported file. */
export interface CueSheet {
  workout: string;
  durationSec: number;
  sampleRate: number;
  cues: CueSheetCue[];
  segments: CueSheetSegment[];
}

const round = (sec: number): number => Math.round(sec * 1e6) / 1e6;

/** Returns the cue sheet of `program` exported at `sampleRate` Hz, its times `delaySec` later where the file starts with silence (an MP3's encoder delay). */
export function cueSheetOf(program: Program, sampleRate: number, delaySec = 0): CueSheet {
  const span = exportSpan(program);
  const fromSec = span.fromSec - delaySec;
  const durationSec = span.durationSec + delaySec;
  const end = fromSec + durationSec;
  return {
    workout: program.workoutName,
    durationSec: round(durationSec),
    sampleRate,
    cues: program.cues.map((c) => ({ timeSec: round(c.timeSec - fromSec), kind: c.kind, ...('text' in c ? { text: c.text } : {}) })),
    segments: program.segments.filter((s) => s.startSec < end).map((s) => ({
      startSec: round(Math.max(delaySec, s.startSec - fromSec)),
      endSec: round(Math.min(end, s.endSec) - fromSec),
      title: s.artist ? `${s.artist} – ${s.title}` : s.title,
      bpm: Math.round(s.musicBpm * 100) / 100,
      playbackRate: Math.round(s.playbackRate * 1e6) / 1e6,
    })),
  };
}

/** Returns the file's chapters for the ID3 tag: one per step, named as players show them ("Sprint 3/8"). */
export function chaptersOf(program: Program): { title: string; startMs: number; endMs: number }[] {
  const { fromSec, durationSec } = exportSpan(program);
  const totals = new Map<string, number>();
  for (const s of program.steps) totals.set(s.step.name, (totals.get(s.step.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return program.steps.map((s, k) => {
    const n = (seen.get(s.step.name) ?? 0) + 1;
    seen.set(s.step.name, n);
    const total = totals.get(s.step.name)!;
    const start = k === 0 ? 0 : program.stepStarts[k] - fromSec;
    const end = k + 1 < program.steps.length ? program.stepStarts[k + 1] - fromSec : durationSec;
    return { title: total > 1 ? `${s.step.name} ${n}/${total}` : s.step.name, startMs: Math.round(start * 1000), endMs: Math.round(end * 1000) };
  });
}
