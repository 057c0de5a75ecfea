/** Library exports and full backups: writing them, parsing hostile files safely, and merging them back in. */
import type { TrackRecord } from '../core/track';
import type { WorkoutLogEntry } from '../core/workout-log';
import type { MontageDb } from './db';
import { abortQuietly, checkRecord, messageOf } from './db';
import type { AudioStore } from './audio-store';
import { BACKUP_VERSION, backupSchema, logEntrySchema, musicChoiceSchema, playlistSchema, trackSchema, workoutSchema } from './schemas';
import { flatFromGrid, gridFromFlat, legacyNames, logEntryFromLegacy } from './legacy';
import { WORKOUT_TEMPLATES } from '../core/workout-templates';
import type { Backup, BackupFile, ExportedTrack } from './schemas';
import { listTracks } from './track-repo';
import { listWorkouts } from './workout-repo';
import { listPlaylists } from './playlist-repo';
import { listLog } from './log-repo';
import { listMusicChoices } from './music-choice-repo';
import { isQuotaError } from './quota';

/** Largest backup file accepted, in characters. */
export const MAX_BACKUP_CHARS = 50 * 1024 * 1024;
/** Deepest JSON nesting accepted (workouts nest repeats; nothing legitimate comes close). */
export const MAX_BACKUP_DEPTH = 64;

/** What a restore changed; `missingAudio` lists the file names to import again. */
export interface RestoreReport {
  tracksAdded: number;
  tracksUpdated: number;
  missingAudio: string[];
  workouts: number;
  playlists: number;
  logEntries: number;
  musicChoices: number;
}

/** Returns the library export: version, ISO time, and per track exactly the fields external tools read. */
export async function exportLibrary(db: MontageDb): Promise<Pick<BackupFile, 'version' | 'exportedAt' | 'tracks'>> {
  const { tracks } = await listTracks(db);
  return { version: BACKUP_VERSION, exportedAt: new Date().toISOString(), tracks: tracks.map(exportedTrack) };
}

/** Returns a full backup: the library export with every track field, plus workouts, playlists, the whole log (steps and effort too) and each workout's music. */
export async function exportBackup(db: MontageDb): Promise<BackupFile> {
  const [{ tracks }, { workouts }, { playlists }, { entries }, { choices }] = await Promise.all([
    listTracks(db), listWorkouts(db), listPlaylists(db), listLog(db), listMusicChoices(db),
  ]);
  const full = tracks.map((t): BackupFile['tracks'][number] => {
    const { firstDownbeatSec, beats } = flatFromGrid(t.grid);
    return {
      ...exportedTrack(t),
      firstDownbeatSec, ...(beats ? { beats } : {}), alternatives: t.alternatives,
      sizeBytes: t.sizeBytes, mimeType: t.mimeType, tagBpm: t.tagBpm, gainDb: t.gainDb, addedAt: t.addedAt, source: t.source,
    };
  });
  return { version: BACKUP_VERSION, exportedAt: new Date().toISOString(), tracks: full, workouts, playlists, log: entries, musicChoices: choices };
}

/** Parses a backup file's text; `error` names the file and the problem (size, JSON, nesting, or the bad field). */
export function parseBackup(text: string, fileName: string): { ok: true; backup: Backup } | { ok: false; error: string } {
  const fail = (problem: string) => ({ ok: false as const, error: `${fileName}: ${problem}` });
  if (text.length > MAX_BACKUP_CHARS) {
    return fail(`too large (${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_BACKUP_CHARS / 1048576} MB)`);
  }
  // Checked on the text: parsing (with a reviver) recurses, so absurd nesting must be refused before it.
  if (nestingExceeds(text, MAX_BACKUP_DEPTH)) return fail(`nested more than ${MAX_BACKUP_DEPTH} levels deep`);
  let raw: unknown;
  try {
    // Keys that could reach Object.prototype when the data is later merged are dropped while parsing.
    raw = JSON.parse(text, (key, value: unknown) => (key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value));
  } catch {
    return fail('not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { tracks?: unknown }).tracks)) {
    return fail('not a Montage library export or backup (no "tracks" list)');
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) return fail(`made by a newer version of Montage (backup version ${version})`);
  const parsed = backupSchema.safeParse(raw);
  if (parsed.success) return { ok: true, backup: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return fail(`${where || 'file'}: ${issue.message}`);
}

/**
 * Merges a parsed backup into the library in one transaction: all of it is written or none.
 * Audio is matched by content id; a track without audio is kept as 'failed' with a message to import it again.
 * Existing data wins unless the backup holds more work (a hand correction, a finished analysis, a newer edit,
 * a workout's music where none is stored).
 */
export async function restoreBackup(backup: Backup, deps: { db: MontageDb; audio: AudioStore }): Promise<RestoreReport> {
  const entries = backup.tracks.filter((t) => t.source !== 'demo');
  // Audio checks are not IndexedDB requests, so they happen before the transaction (which would commit early).
  const present = await Promise.all(entries.map((t) => deps.audio.hasAudio(t.id).catch(() => false)));
  const report: RestoreReport = { tracksAdded: 0, tracksUpdated: 0, missingAudio: [], workouts: 0, playlists: 0, logEntries: 0, musicChoices: 0 };
  const tx = deps.db.transaction(['tracks', 'workouts', 'playlists', 'log', 'musicChoices'], 'readwrite');
  try {
    const tracks = tx.objectStore('tracks');
    for (const [i, entry] of entries.entries()) {
      const stored = await tracks.get(entry.id);
      const checked = stored === undefined ? null : checkRecord(trackSchema, 'tracks', entry.id, stored);
      const existing = checked?.ok ? checked.value : null;
      const merged = mergeTrack(entry, existing, present[i]);
      if (!merged) continue;
      await tracks.put(valid(merged));
      if (existing) report.tracksUpdated++;
      else report.tracksAdded++;
      if (!present[i]) report.missingAudio.push(entry.fileName);
    }
    for (const workout of backup.workouts) {
      const old = checkRecord(workoutSchema, 'workouts', workout.id, await tx.objectStore('workouts').get(workout.id));
      if (old.ok && old.value.updatedAt >= workout.updatedAt) continue;
      await tx.objectStore('workouts').put(workout);
      report.workouts++;
    }
    for (const playlist of backup.playlists) {
      const old = checkRecord(playlistSchema, 'playlists', playlist.id, await tx.objectStore('playlists').get(playlist.id));
      if (old.ok && old.value.updatedAt >= playlist.updatedAt) continue;
      await tx.objectStore('playlists').put(playlist);
      report.playlists++;
    }
    // Old entries name tracks by title: match them against the tracks and workouts stored now.
    const stored = (await tx.objectStore('tracks').getAll()).filter((t) => typeof t?.id === 'string' && typeof t?.title === 'string');
    const names = legacyNames([...(await tx.objectStore('workouts').getAll()), ...WORKOUT_TEMPLATES], stored);
    const logged = new Map<string, unknown>();
    for (const e of await tx.objectStore('log').getAll()) logged.set(e.id, e).set(`${e.startedAt}|${e.workoutName}`, e);
    for (const raw of backup.log) {
      const entry = 'tracksPlayed' in raw ? logEntryFromLegacy(raw, names) : raw;
      const key = `${entry.startedAt}|${entry.workoutName}`;
      const stored = logged.get(entry.id) ?? logged.get(key);
      const merged = stored === undefined ? entry : mergeLogEntry(stored, entry);
      if (!merged) continue;
      logged.set(merged.id, merged).set(key, merged);
      await tx.objectStore('log').put(validLog(merged));
      report.logEntries++;
    }
    // A choice has no edit time: one already stored is the user's latest word and stays.
    for (const choice of backup.musicChoices) {
      const old = checkRecord(musicChoiceSchema, 'musicChoices', choice.workoutId, await tx.objectStore('musicChoices').get(choice.workoutId));
      if (old.ok) continue;
      await tx.objectStore('musicChoices').put(choice);
      report.musicChoices++;
    }
    await tx.done;
    return report;
  } catch (e) {
    abortQuietly(tx);
    if (isQuotaError(e)) throw new Error('storage is full: the backup was not restored (nothing was changed)', { cause: e });
    throw new Error(`The backup could not be restored (nothing was changed): ${messageOf(e)}`, { cause: e });
  }
}

function mergeTrack(entry: ExportedTrack, existing: TrackRecord | null, hasAudio: boolean): TrackRecord | null {
  const analysis = {
    grid: gridFromFlat(entry), alternatives: entry.alternatives ?? existing?.alternatives ?? [], confidence: entry.confidence, corrected: entry.corrected,
  };
  let base: TrackRecord;
  if (existing) {
    const backupHasMore = (entry.corrected && !existing.corrected) || (entry.status === 'ready' && existing.status !== 'ready');
    if (!backupHasMore) return null;
    base = { ...existing, ...analysis, status: entry.status };
  } else {
    base = {
      id: entry.id, fileName: entry.fileName, title: entry.title, artist: entry.artist, album: entry.album,
      durationSec: entry.durationSec, sizeBytes: entry.sizeBytes ?? 0, mimeType: entry.mimeType ?? '', ...analysis,
      status: entry.status, error: entry.error, tagBpm: entry.tagBpm ?? null, gainDb: entry.gainDb ?? null,
      coverId: null, addedAt: entry.addedAt ?? Date.now(), source: 'user',
    };
  }
  const { error: _error, ...rest } = base;
  if (!hasAudio) return { ...rest, status: 'failed', error: `audio file missing: import ${entry.fileName} again` };
  // An analysis cut short by the backup is simply queued again.
  if (base.status === 'analyzing') return { ...rest, status: 'queued' };
  return base.status === 'failed' ? { ...rest, status: 'failed', error: base.error ?? 'failed before the backup was made' } : rest;
}

function exportedTrack(t: TrackRecord): BackupFile['tracks'][number] {
  return {
    id: t.id, fileName: t.fileName, title: t.title, artist: t.artist, album: t.album, durationSec: t.durationSec,
    ...(({ bpm, firstBeatSec, beatsPerBar }) => ({ bpm, firstBeatSec, beatsPerBar }))(flatFromGrid(t.grid)), confidence: t.confidence,
    status: t.status, ...(t.error !== undefined ? { error: t.error } : {}), corrected: t.corrected,
  };
}

// The stored entry with what only the backup knows (an effort given, the steps); null when it has nothing to add.
function mergeLogEntry(storedValue: unknown, fromBackup: WorkoutLogEntry): WorkoutLogEntry | null {
  const checked = checkRecord(logEntrySchema, 'log', fromBackup.id, storedValue);
  if (!checked.ok) return null;
  const stored = checked.value;
  const addsEffort = stored.effort === null && fromBackup.effort !== null;
  const addsSteps = stored.steps.length === 0 && fromBackup.steps.length > 0;
  if (!addsEffort && !addsSteps) return null;
  return { ...stored, effort: addsEffort ? fromBackup.effort : stored.effort, steps: addsSteps ? fromBackup.steps : stored.steps };
}

function validLog(entry: WorkoutLogEntry): WorkoutLogEntry {
  const checked = checkRecord(logEntrySchema, 'log', entry.id, entry);
  if (!checked.ok) throw new Error(checked.corrupt.problem);
  return checked.value;
}

function valid(track: TrackRecord): TrackRecord {
  const checked = checkRecord(trackSchema, 'tracks', track.id, track);
  if (!checked.ok) throw new Error(checked.corrupt.problem);
  return checked.value;
}

function nestingExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
