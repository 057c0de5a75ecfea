/**
 * Database v4: workout-log entries gain the steps as played and the effort felt. Entries logged before keep
 * every field they had and take `steps: []` (no step detail was recorded) and `effort: null` (not rated yet).
 * Records that are not objects are left exactly as they were, for the validated reads to report.
 */
import type { IDBPTransaction } from 'idb';

type Tx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** Upgrades a version-3 database (inside its upgrade transaction) to version 4. */
export async function migrateToV4(_db: unknown, tx: Tx): Promise<void> {
  const log = tx.objectStore('log');
  for (let cursor = await log.openCursor(); cursor; cursor = await cursor.continue()) {
    const old = cursor.value as unknown;
    if (typeof old !== 'object' || old === null) continue;
    const entry = old as Record<string, unknown>;
    if (Array.isArray(entry.steps) && 'effort' in entry) continue;
    await cursor.update({ ...entry, steps: Array.isArray(entry.steps) ? entry.steps : [], effort: 'effort' in entry ? entry.effort : null });
  }
}
