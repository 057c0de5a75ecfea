/** Stored music choices (one per workout), validated on every read and write. */
import { z } from 'zod';
import type { MusicChoice } from '../core/music-choice';
import { MAX_TEMPO_CHANGE_PCT } from '../core/music-choice';
import type { MontageDb } from './db';
import { checkRecord, readRows, validateRows } from './db';

const id = z.string().min(1).max(200);

/** A stored music choice; pinned tracks are keyed by a segment index written as text ("0", "1"…). */
export const musicChoiceSchema: z.ZodType<MusicChoice> = z.object({
  workoutId: id,
  playlistId: id.nullable(),
  lockedTrackIds: z.record(z.string().regex(/^\d{1,5}$/), id).transform((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [Number(k), v]))),
  maxTempoChangePct: z.number().min(0).max(MAX_TEMPO_CHANGE_PCT),
});

/** Validates and stores `choice`, replacing the workout's previous one; throws with the bad field named. */
export async function putMusicChoice(db: MontageDb, choice: MusicChoice): Promise<void> {
  const checked = checkRecord(musicChoiceSchema, 'musicChoices', choice.workoutId, choice);
  if (!checked.ok) throw new Error(checked.corrupt.problem.replace(/^Damaged/, 'Invalid'));
  await db.put('musicChoices', checked.value);
}

/** Returns every valid stored choice and a report of damaged records. */
export async function listMusicChoices(db: MontageDb) {
  const { items, corrupt } = validateRows(musicChoiceSchema, 'musicChoices', await readRows(db, 'musicChoices'));
  return { choices: items, corrupt };
}

/** Removes a workout's choice; does nothing when it is absent. */
export async function deleteMusicChoice(db: MontageDb, workoutId: string): Promise<void> {
  await db.delete('musicChoices', workoutId);
}
