import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Workout } from '../../../src/core/workout';
import type { Playlist } from '../../../src/core/playlist';
import type { MontageDb } from '../../../src/storage/db';
import { idbAudioStore } from '../../../src/storage/audio-store';
import { MAX_BACKUP_CHARS, exportBackup, exportLibrary, parseBackup, restoreBackup } from '../../../src/storage/backup';
import type { Backup } from '../../../src/storage/schemas';
import { getTrack, listTracks, putTrack } from '../../../src/storage/track-repo';
import { listWorkouts, putWorkout } from '../../../src/storage/workout-repo';
import { listPlaylists, putPlaylist } from '../../../src/storage/playlist-repo';
import { addLogEntry, listLog } from '../../../src/storage/log-repo';
import { listMusicChoices, putMusicChoice } from '../../../src/storage/music-choice-repo';
import { freshDb, makeTrack, override } from './make-track';
import { beatGridFromAnalysis } from '../../../src/core/beat-grid';
import type { TrackRecord } from '../../../src/core/track';
import type { WorkoutLogEntry } from '../../../src/core/workout-log';

const ready = makeTrack({ id: '1'.repeat(64), fileName: 'ready.mp3', corrected: true, firstDownbeatSec: 1.5, tagBpm: 127, gainDb: -3 });
const failed = makeTrack({ id: '2'.repeat(64), fileName: 'bad.mp3', bpm: null, confidence: 0, status: 'failed', error: 'no beat found' });
const workout: Workout = {
  id: 'w1', name: 'Tabata', updatedAt: 5,
  nodes: [{ type: 'repeat', id: 'r', times: 8, children: [
    { type: 'step', id: 's', kind: 'work', name: 'Go', duration: { unit: 'seconds', value: 20 }, intensity: 5, tempo: { minBpm: 160, maxBpm: 180, allowHalfDouble: true }, build: null, hr: null, voice: null },
  ] }],
};
const playlists: Playlist[] = [
  { id: 'p1', name: 'Fast', kind: 'smart', rules: { bpmMin: 160, allowHalfDouble: true }, updatedAt: 5 },
  { id: 'p2', name: 'Mine', kind: 'manual', trackIds: [ready.id], updatedAt: 5 },
];
const choice = { workoutId: workout.id, playlistId: playlists[0].id, lockedTrackIds: { 0: ready.id, 3: failed.id }, maxTempoChangePct: 6 };
const moving = makeTrack({ id: '3'.repeat(64), fileName: 'live.mp3', title: 'Live take', grid: beatGridFromAnalysis({
  bpm: 101, beats: Array.from({ length: 40 }, (_, k) => Math.round((0.4 + k * 0.6 - k * k * 0.001) * 1e3) / 1e3), firstBeat: 0.4, firstDownbeat: 1.0, beatsPerBar: 4, constantTempo: false,
}), alternatives: [{ bpm: 134.7, score: 0.8 }] });
const summary: WorkoutLogEntry = {
  id: 'log-1', workoutId: 'w1', workoutName: 'Tabata', startedAt: 100, activeSec: 240, completed: true, stepsTotal: 16, stepsCompleted: 16, stepsSkipped: 0,
  tracks: [{ trackId: ready.id, title: ready.title, seconds: 240 }], avgMusicBpm: 128,
  steps: [{ name: 'Go', kind: 'work', startSec: 0, activeSec: 240, skipped: false, musicBpm: 128, heartRate: null }], effort: 8, heartRate: null,
};
/** A track as a library export writes it (flat grid fields). */
const exported = (t: TrackRecord) => ({
  id: t.id, fileName: t.fileName, title: t.title, artist: t.artist, album: t.album, durationSec: t.durationSec,
  bpm: t.grid?.bpm ?? null, firstBeatSec: t.grid?.firstBeatSec ?? 0, beatsPerBar: t.grid?.beatsPerBar ?? 4, confidence: t.confidence, status: t.status, corrected: t.corrected,
});

async function filledDb() {
  const db = await freshDb();
  const audio = idbAudioStore(db);
  for (const t of [ready, failed, moving]) {
    await putTrack(db, t);
    await audio.putAudio(t.id, new Blob([t.fileName]));
  }
  await putWorkout(db, workout);
  for (const p of playlists) await putPlaylist(db, p);
  await addLogEntry(db, summary);
  await putMusicChoice(db, choice);
  return { db, audio };
}

async function everything(db: MontageDb) {
  return { tracks: await listTracks(db), workouts: await listWorkouts(db), playlists: await listPlaylists(db), log: await listLog(db), choices: await listMusicChoices(db) };
}

const parsed = (text: string, name = 'backup.json'): Backup => {
  const r = parseBackup(text, name);
  if (!r.ok) throw new Error(r.error);
  return r.backup;
};

describe('exportLibrary', () => {
  it('writes exactly the agreed fields per track', async () => {
    const { db } = await filledDb();
    const out = await exportLibrary(db);
    expect(out.version).toBe(2);
    expect(new Date(out.exportedAt).toISOString()).toBe(out.exportedAt);
    const fields = ['id', 'fileName', 'title', 'artist', 'album', 'durationSec', 'bpm', 'firstBeatSec', 'beatsPerBar', 'confidence', 'status', 'corrected'];
    expect(Object.keys(out)).toEqual(['version', 'exportedAt', 'tracks']);
    expect(Object.keys(out.tracks[0])).toEqual(fields);
    expect(Object.keys(out.tracks[1]).sort()).toEqual([...fields, 'error'].sort());
    expect(out.tracks[1].error).toBe('no beat found');
  });
});

describe('backup round trip', () => {
  it('restores everything into an empty library that still has the audio', async () => {
    const source = await filledDb();
    const text = JSON.stringify(await exportBackup(source.db));
    const target = await freshDb();
    const audio = idbAudioStore(target);
    for (const t of [ready, failed, moving]) await audio.putAudio(t.id, new Blob([t.fileName]));
    const report = await restoreBackup(parsed(text), { db: target, audio });
    expect(report).toEqual({ tracksAdded: 3, tracksUpdated: 0, missingAudio: [], workouts: 1, playlists: 2, logEntries: 1, musicChoices: 1 });
    expect(await everything(target)).toEqual(await everything(source.db));
    expect((await listMusicChoices(target)).choices).toEqual([choice]); // the pinned tracks keep their segment numbers
  });

  it('marks tracks whose audio is missing as failed with an "import again" message, keeping their analysis', async () => {
    const source = await filledDb();
    const target = await freshDb();
    const report = await restoreBackup(parsed(JSON.stringify(await exportBackup(source.db))), { db: target, audio: idbAudioStore(target) });
    expect(report.missingAudio).toEqual(['ready.mp3', 'bad.mp3', 'live.mp3']);
    expect(await getTrack(target, ready.id)).toEqual({ ...ready, status: 'failed', error: 'audio file missing: import ready.mp3 again' });
  });

  it('restores a tracks-only library export', async () => {
    const source = await filledDb();
    const target = await freshDb();
    const audio = idbAudioStore(target);
    await audio.putAudio(ready.id, new Blob(['x']));
    await restoreBackup(parsed(JSON.stringify(await exportLibrary(source.db))), { db: target, audio });
    expect(await getTrack(target, ready.id)).toMatchObject({ grid: { bpm: 128, firstDownbeatSec: ready.grid!.firstBeatSec }, corrected: true, status: 'ready' });
    expect((await listWorkouts(target)).workouts).toEqual([]);
  });

  it('merges: hand corrections and newer edits win, nothing is duplicated on a second restore', async () => {
    const { db, audio } = await filledDb();
    const backup = parsed(JSON.stringify(await exportBackup(db)));
    await putTrack(db, { ...ready, grid: { ...ready.grid!, bpm: 150 }, corrected: true });
    await putTrack(db, { ...failed, status: 'queued', error: undefined });
    await putWorkout(db, { ...workout, name: 'Newer', updatedAt: 10 });
    await putMusicChoice(db, { ...choice, maxTempoChangePct: 2 });
    const report = await restoreBackup(backup, { db, audio });
    expect(report).toMatchObject({ tracksAdded: 0, tracksUpdated: 0, workouts: 0, playlists: 0, logEntries: 0, musicChoices: 0 });
    expect((await listMusicChoices(db)).choices[0].maxTempoChangePct).toBe(2);
    expect((await getTrack(db, ready.id))?.grid?.bpm).toBe(150);
    expect((await listWorkouts(db)).workouts[0].name).toBe('Newer');
    await putTrack(db, { ...ready, grid: { ...ready.grid!, bpm: 64 }, corrected: false });
    expect((await restoreBackup(backup, { db, audio })).tracksUpdated).toBe(1);
    expect(await getTrack(db, ready.id)).toEqual(ready);
    expect((await listLog(db)).entries).toHaveLength(1);
  });

  it('a failure during restore leaves the old data exactly as it was', async () => {
    const { db, audio } = await filledDb();
    const before = await everything(db);
    const backup = parsed(JSON.stringify(await exportBackup(db)));
    backup.tracks = backup.tracks.map((t) => ({ ...t, corrected: true, bpm: 99 }));
    backup.workouts = [{ ...workout, id: 'w2' }];
    backup.log = [{ ...summary, id: 'log-2', startedAt: 999 }];
    const full = new DOMException('full', 'QuotaExceededError');
    const broken = override(db, {
      transaction: (...args: Parameters<MontageDb['transaction']>) => {
        const tx = db.transaction(...args);
        return override(tx, {
          objectStore: (name: 'log') => {
            const store = tx.objectStore(name);
            return name !== 'log' ? store : override(store, { put: () => (tx.abort(), Promise.reject(full)) });
          },
        });
      },
    });
    await expect(restoreBackup(backup, { db: broken, audio })).rejects.toThrow('storage is full: the backup was not restored (nothing was changed)');
    expect(await everything(db)).toEqual(before);
  });
});

describe('parseBackup on hostile files', () => {
  it('names the file when it is not JSON', () => {
    expect(parseBackup('{"version": 1, tracks: [', 'mine.json')).toEqual({ ok: false, error: 'mine.json: not valid JSON' });
  });

  it('refuses a file over the size limit before parsing it', () => {
    const r = parseBackup(' '.repeat(MAX_BACKUP_CHARS + 1), 'huge.json');
    expect(r.ok === false && r.error).toMatch(/^huge\.json: too large .*limit is 50 MB/);
  });

  it('names the bad field', () => {
    const text = JSON.stringify({ version: 1, exportedAt: 'now', tracks: [exported(ready), { ...exported(ready), bpm: 'fast' }] });
    const r = parseBackup(text, 'b.json');
    expect(r.ok === false && r.error).toMatch(/^b\.json: tracks\[1\]\.bpm: /);
  });

  it('refuses backups from a newer version, and files that are not backups', () => {
    expect(parseBackup('{"version": 3, "tracks": []}', 'new.json')).toMatchObject({ ok: false, error: expect.stringMatching(/new\.json: made by a newer version/) });
    const workoutFile = readFileSync(new URL('../../fixtures/bad/a-prototype-keys.json', import.meta.url), 'utf8');
    expect(parseBackup(workoutFile, 'a-prototype-keys.json')).toEqual({
      ok: false, error: 'a-prototype-keys.json: not a Montage library export or backup (no "tracks" list)',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseBackup('null', 'n.json').ok).toBe(false);
  });

  it('drops __proto__, constructor and prototype keys: nothing is polluted', () => {
    const text = `{"version": 1, "exportedAt": "x", "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}},
      "tracks": [${JSON.stringify(exported(ready)).replace('{', '{"__proto__": {"polluted": 3}, ')}]}`;
    const backup = parsed(text);
    const merged = { ...backup, ...backup.tracks[0] };
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((merged as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(backup, '__proto__')).toBe(false);
    expect(backup.tracks[0].id).toBe(ready.id);
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    const deep = `{"version": 1, "exportedAt": "x", "tracks": [], "workouts": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(parseBackup(deep, 'deep.json')).toEqual({ ok: false, error: 'deep.json: nested more than 64 levels deep' });
    const corpus = readFileSync(new URL('../../fixtures/bad/a-deep-nesting.json', import.meta.url), 'utf8');
    expect(parseBackup(corpus, 'a-deep-nesting.json')).toEqual({ ok: false, error: 'a-deep-nesting.json: nested more than 64 levels deep' });
    const quoted = JSON.stringify({ version: 1, exportedAt: 'x', tracks: [{ ...exported(ready), title: '[{'.repeat(500) }] });
    expect(parsed(quoted).tracks[0].title).toBe('[{'.repeat(500));
  });
});

describe('old backups', () => {
  it('restore a version-1 backup: flat grids and old log entries take today\'s shape, titles matched to ids', async () => {
    const target = await freshDb();
    const audio = idbAudioStore(target);
    await audio.putAudio(ready.id, new Blob(['x']));
    const v1 = {
      version: 1, exportedAt: '2026-01-01T00:00:00.000Z',
      tracks: [{ ...exported(ready), firstDownbeatSec: ready.grid!.firstDownbeatSec, sizeBytes: 10, mimeType: 'audio/mpeg', tagBpm: null, gainDb: null, addedAt: 5, source: 'user' }],
      log: [{ id: 7, workoutName: '30/30 HIIT', startedAt: 50, durationSec: 633, stepsDone: 3, stepsTotal: 14, tracksPlayed: [ready.title, 'Neon Warm-up'], avgMusicBpm: 128 }],
    };
    const report = await restoreBackup(parsed(JSON.stringify(v1)), { db: target, audio });
    expect(report).toMatchObject({ tracksAdded: 1, logEntries: 1 });
    expect((await getTrack(target, ready.id))?.grid).toEqual(ready.grid);
    expect((await listLog(target)).entries).toEqual([{
      id: 'legacy-7', workoutId: 'template-demo-3030', workoutName: '30/30 HIIT', startedAt: 50, activeSec: 633, completed: false,
      stepsTotal: 14, stepsCompleted: 3, stepsSkipped: 0, avgMusicBpm: 128,
      tracks: [{ trackId: ready.id, title: ready.title, seconds: null }, { trackId: null, title: 'Neon Warm-up', seconds: null }],
      steps: [], effort: null, heartRate: null,
    }]);
  });

  it('keeps a moving tempo\'s beat list through a full backup written as JSON', async () => {
    const { db } = await filledDb();
    const file = JSON.parse(JSON.stringify(await exportBackup(db))) as { tracks: { id: string; beats?: unknown }[] };
    expect(Array.isArray(file.tracks.find((t) => t.id === moving.id)?.beats)).toBe(true);
    const target = await freshDb();
    await restoreBackup(parsed(JSON.stringify(file)), { db: target, audio: idbAudioStore(target) });
    const back = await getTrack(target, moving.id);
    expect(back?.grid?.beats).toBeInstanceOf(Float64Array);
    expect(Array.from(back!.grid!.beats!)).toEqual(Array.from(moving.grid!.beats!).map((t) => Math.round(t * 1e4) / 1e4));
    expect(back?.alternatives).toEqual(moving.alternatives);
  });
});
