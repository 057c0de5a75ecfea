/**
 * Database v3: every track's flat grid fields become one `grid` (null for no beat) with room for a beat list
 * and the analysis's other tempo readings; the workout log is re-keyed by string ids and its entries take
 * today's shape (workout id, active time, steps completed and skipped, tracks heard). Records that cannot be
 * read are left exactly as they were, for the validated reads to report.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { WORKOUT_TEMPLATES } from '../core/workout-templates';
import { legacyLogEntrySchema } from './schemas';
import { gridFromFlat, legacyNames, logEntryFromLegacy, type FlatGrid } from './legacy';

type Db = IDBPDatabase<unknown>;
type Tx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** Upgrades a version-2 database (inside its upgrade transaction) to version 3. */
export async function migrateToV3(db: Db, tx: Tx): Promise<void> {
  const tracks = tx.objectStore('tracks');
  if (tracks.indexNames.contains('bpm')) tracks.deleteIndex('bpm');
  const converted: { id: string; title: string }[] = [];
  for (let cursor = await tracks.openCursor(); cursor; cursor = await cursor.continue()) {
    const old = cursor.value as Record<string, unknown>;
    if (typeof old.id === 'string' && typeof old.title === 'string') converted.push({ id: old.id, title: old.title });
    const readable = typeof old.beatsPerBar === 'number' && typeof old.firstBeatSec === 'number' && (old.bpm === null || typeof old.bpm === 'number');
    if ('grid' in old || !readable) continue;
    const { bpm, firstBeatSec, firstDownbeatSec, beatsPerBar, ...rest } = old;
    const flat = { bpm, firstBeatSec, firstDownbeatSec, beatsPerBar } as FlatGrid;
    await cursor.update({ ...rest, grid: typeof bpm === 'number' ? gridFromFlat(flat) : null, alternatives: [] });
  }
  const workouts = ((await tx.objectStore('workouts').getAll()) as { id: string; name: string }[]).concat(WORKOUT_TEMPLATES);
  const names = legacyNames(workouts.filter((w) => typeof w?.id === 'string' && typeof w?.name === 'string'), converted);
  const oldLog = await tx.objectStore('log').getAll();
  db.deleteObjectStore('log');
  const log = db.createObjectStore('log', { keyPath: 'id' });
  log.createIndex('startedAt', 'startedAt');
  for (const entry of oldLog) {
    const parsed = legacyLogEntrySchema.safeParse(entry);
    // A damaged old entry keeps its data under a key of its own, so the log's read can name it.
    await log.put(parsed.success ? logEntryFromLegacy(parsed.data, names) : { ...(entry as object), id: `damaged-${crypto.randomUUID()}` });
  }
}
