/**
 * Perceived effort on the CR10 scale (Borg's category-ratio scale, as Foster's session-RPE method words it)
 * and the session load it gives: effort × minutes exercised. Pure.
 */
import type { WorkoutLogEntry } from './workout-log';

/** The words of each point of the CR10 scale, 0 (rest) to 10 (maximal). */
export const EFFORT_WORDS: readonly string[] = [
  'Rest',
  'Very, very easy',
  'Easy',
  'Moderate',
  'Somewhat hard',
  'Hard',
  'Harder',
  'Very hard',
  'Very, very hard',
  'Nearly maximal',
  'Maximal',
];

/** Returns "7 · Very hard" for an effort, or "not rated" for null. */
export const effortLabel = (effort: number | null): string => (effort === null ? 'not rated' : `${effort} · ${EFFORT_WORDS[effort] ?? ''}`);

/** Returns the minutes exercised in an entry (its active time). */
export const activeMinutes = (entry: Pick<WorkoutLogEntry, 'activeSec'>): number => entry.activeSec / 60;

/** Returns the session load (session RPE) in arbitrary units: effort × active minutes; null when not rated. */
export function sessionLoad(entry: Pick<WorkoutLogEntry, 'activeSec' | 'effort'>): number | null {
  return entry.effort === null ? null : Math.round(entry.effort * activeMinutes(entry));
}
