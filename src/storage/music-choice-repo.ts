/** Stored music choices (one per workout), validated on every read and write. */
import type { MusicChoice } from '../core/music-choice';
import type { MontageDb } from './db';
import { checkRecord, readRows, validateRows } from './db';
import { musicChoiceSchema } from './schemas';

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
