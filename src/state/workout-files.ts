/** Workouts in and out of the app: reading a file of any supported kind, and the export file, text and share link. */
import type { Workout } from '../core/workout';
import { MAX_NAME_LENGTH, randomId } from '../core/workout-defaults';
import { parseWorkoutJson, workoutToJson, type WorkoutParseResult } from '../core/workout-schema';
import { parseWorkoutText, workoutToText } from '../core/workout-text';
import { parseZwo } from '../core/zwo-import';
import { workoutToShareFragment } from '../core/workout-share';

/** Largest workout file read at all, in bytes; the parsers refuse anything over 1 MB of text anyway. */
export const MAX_WORKOUT_FILE_BYTES = 4_000_000;

/** Which reader a file needs. */
export type WorkoutFileKind = 'json' | 'zwo' | 'text';

/** Returns the reader for a file: by its content when that is clear (`{` JSON, `<` XML), else by its extension, else text. */
export function workoutFileKind(fileName: string, text: string): WorkoutFileKind {
  const first = text.replace(/^\uFEFF/, '').trimStart().charAt(0);
  if (first === '{') return 'json';
  if (first === '<') return 'zwo';
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.zwo') || lower.endsWith('.xml')) return 'zwo';
  return 'text';
}

/** Reads a Montage JSON, Zwift .zwo or workout-text file; never throws, and every error starts with `fileName`. */
export function parseWorkoutFile(fileName: string, text: string, now: number): WorkoutParseResult {
  const body = text.replace(/^\uFEFF/, '');
  const kind = workoutFileKind(fileName, body);
  if (kind === 'json') return parseWorkoutJson(body, fileName, { now });
  if (kind === 'zwo') return parseZwo(body, fileName, { now });
  const parsed = parseWorkoutText(body);
  if (!parsed.ok) return { ok: false, error: `${fileName}: ${parsed.error}` };
  const name = fileName.replace(/\.[^.]*$/, '').trim().slice(0, MAX_NAME_LENGTH) || 'Workout';
  return { ok: true, workout: { id: randomId(), name, nodes: parsed.nodes, updatedAt: now } };
}

/** A workout ready to leave the app. */
export interface WorkoutExport {
  /** A file name ending in `.json`, made from the workout's name. */
  fileName: string;
  /** The Montage workout file. */
  json: string;
  /** The workout in the short text syntax. */
  text: string;
}

/** Returns the export file and text of `workout`. */
export function exportWorkout(workout: Workout): WorkoutExport {
  const slug = workout.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return { fileName: `${slug || 'workout'}.json`, json: workoutToJson(workout), text: workoutToText(workout.nodes) };
}

/** Returns `pageUrl` (its own fragment dropped) with `#w=` and the workout's share fragment. */
export function shareLink(workout: Workout, pageUrl: string): string {
  return `${pageUrl.split('#')[0]}#w=${workoutToShareFragment(workout)}`;
}
