import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createPlaylistsService } from '../../../src/storage/playlists-service';
import { MIGRATIONS, openDb } from '../../../src/storage/db';
import { getTrack } from '../../../src/storage/track-repo';
import { getPlaylist } from '../../../src/storage/playlist-repo';
import type { Playlist } from '../../../src/core/playlist';
import type { MusicChoice } from '../../../src/core/music-choice';
import { makeTrack } from './make-track';

const manual: Playlist = { id: 'p1', name: 'Run', kind: 'manual', trackIds: ['a', 'b'], updatedAt: 1 };
const smart: Playlist = { id: 'p2', name: 'Fast', kind: 'smart', rules: { bpmMin: 160, bpmMax: 180, allowHalfDouble: true }, updatedAt: 2 };
const choice: MusicChoice = { workoutId: 'template-tabata', playlistId: 'p1', lockedTrackIds: { 0: 'a', 3: 'b' }, maxTempoChangePct: 6 };

describe('playlists service', () => {
  it('saves, lists (by name) and deletes playlists and music choices, across a reopen', async () => {
    const name = `pl-${crypto.randomUUID()}`;
    const service = createPlaylistsService(name);
    await service.save(smart);
    await service.save(manual);
    await service.saveChoice(choice);
    const again = await createPlaylistsService(name).list();
    expect(again.playlists).toEqual([smart, manual]);
    expect(again.choices).toEqual([choice]);
    expect(again.problems).toEqual([]);
    await service.remove('p2');
    await service.removeChoice('template-tabata');
    expect(await service.list()).toEqual({ playlists: [manual], choices: [], problems: [] });
  });

  it('refuses an invalid choice and reports a damaged stored one by field', async () => {
    const name = `pl-${crypto.randomUUID()}`;
    const service = createPlaylistsService(name);
    await expect(service.saveChoice({ ...choice, maxTempoChangePct: 80 })).rejects.toThrow(/Invalid musicChoices.*maxTempoChangePct/);
    const db = await openDb(name);
    await db.put('musicChoices', { workoutId: 'w', playlistId: null, lockedTrackIds: { x: 'a' }, maxTempoChangePct: 0 } as never);
    db.close();
    const { choices, problems } = await service.list();
    expect(choices).toEqual([]);
    expect(problems[0]).toMatch(/musicChoices.*lockedTrackIds/);
  });
});

describe('migration to version 2', () => {
  it('adds the musicChoices store to a version-1 database and keeps its tracks and playlists', async () => {
    const name = `pl-${crypto.randomUUID()}`;
    const v1 = await openDb(name, MIGRATIONS.slice(0, 1));
    const track = makeTrack({ id: 'c'.repeat(64) });
    await v1.put('tracks', track);
    await v1.put('playlists', manual);
    expect([...v1.objectStoreNames]).not.toContain('musicChoices');
    v1.close();
    const db = await openDb(name);
    expect(db.version).toBe(MIGRATIONS.length);
    expect(await getTrack(db, track.id)).toEqual(track);
    expect(await getPlaylist(db, 'p1')).toEqual(manual);
    await db.put('musicChoices', choice);
    expect(await db.get('musicChoices', 'template-tabata')).toEqual(choice);
    db.close();
  });
});
