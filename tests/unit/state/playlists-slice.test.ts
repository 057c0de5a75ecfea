import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/create-app-store';
import { musicChoiceFor } from '../../../src/state/music-choice';
import { fakePlayer } from './fake-player';
import type { AppServices } from '../../../src/state/services';
import type { Playlist } from '../../../src/core/playlist';
import type { MusicChoice } from '../../../src/core/music-choice';
import { playlistToFile } from '../../../src/core/playlist-file';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';
import { makeTrack } from '../storage/make-track';

/** Fake services: an in-memory playlists store and a player that records its program. Only what these tests reach is real. */
function fakeServices(stored: { playlists?: Playlist[]; choices?: MusicChoice[] } = {}) {
  const db = { playlists: new Map((stored.playlists ?? []).map((p) => [p.id, p])), choices: new Map((stored.choices ?? []).map((c) => [c.workoutId, c])) };
  const engine = fakePlayer();
  const played = { trackIds: () => engine.program().segments.map((s) => s.trackId) };
  let clock = 1000;
  const services = {
    playlists: {
      list: async () => ({ playlists: [...db.playlists.values()], choices: [...db.choices.values()], problems: [] }),
      save: async (p: Playlist) => void db.playlists.set(p.id, p),
      remove: async (id: string) => void db.playlists.delete(id),
      saveChoice: async (c: MusicChoice) => void db.choices.set(c.workoutId, c),
    },
    demo: { tracks: demoTrackInfos, loadBuffer: async () => ({}) as AudioBuffer },
    player: engine.player,
    library: { getAudio: async () => null },
    decoder: { decode: async () => ({}) as AudioBuffer, open: () => Promise.reject(new Error('not used')) },
    speech: { speak: () => undefined, cancel: () => undefined },
    device: { setNowPlaying: () => undefined, keepAwake: () => undefined },
    now: () => (clock += 1),
  };
  // The playlists slice and startWorkout reach only these services.
  return { services: services as unknown as AppServices, db, played };
}

const lib = [
  makeTrack({ id: 't120', title: 'Warm', bpm: 120, durationSec: 600 }),
  makeTrack({ id: 't150', title: 'Easy', bpm: 150, durationSec: 600 }),
  makeTrack({ id: 't172', title: 'Fast', bpm: 172, durationSec: 600 }),
  makeTrack({ id: 't87', title: 'Half', bpm: 87, durationSec: 600 }),
];

async function storeWithLibrary(stored?: Parameters<typeof fakeServices>[0]) {
  const fake = fakeServices(stored);
  const store = createAppStore(fake.services);
  store.setState({ tracks: lib, libraryLoaded: true });
  await store.getState().loadPlaylists();
  return { store, ...fake };
}

describe('playlists slice', () => {
  it('loads stored playlists and choices at start', async () => {
    const p: Playlist = { id: 'x', name: 'Stored', kind: 'manual', trackIds: ['t150'], updatedAt: 1 };
    const c: MusicChoice = { workoutId: 'w', playlistId: 'x', lockedTrackIds: {}, maxTempoChangePct: 4 };
    const { store } = await storeWithLibrary({ playlists: [p], choices: [c] });
    expect(store.getState().playlists).toEqual([p]);
    expect(musicChoiceFor(store.getState(), 'w')).toEqual({ trackIds: ['t150'], lockedTrackIds: {}, maxTempoChangePct: 4 });
    expect(musicChoiceFor(store.getState(), 'other')).toEqual({ trackIds: null, lockedTrackIds: {}, maxTempoChangePct: 0 });
  });

  it('creates, renames, fills, reorders, sorts, trims and deletes a manual playlist, saving every change', async () => {
    const { store, db } = await storeWithLibrary();
    const s = () => store.getState();
    const id = await s().createPlaylist('Tempo run');
    await s().addTracksToPlaylist(id, ['t172', 't120', 't150', 't120']);
    await s().moveTrackInPlaylist(id, 2, 0);
    expect(db.playlists.get(id)).toMatchObject({ kind: 'manual', trackIds: ['t150', 't172', 't120'] });
    await s().sortPlaylistByBpm(id, 'asc');
    expect(db.playlists.get(id)).toMatchObject({ trackIds: ['t120', 't150', 't172'] });
    await s().sortPlaylistByBpm(id, 'desc');
    await s().removeTrackFromPlaylist(id, 1);
    await s().renamePlaylist(id, 'Hill run');
    expect(db.playlists.get(id)).toMatchObject({ name: 'Hill run', trackIds: ['t172', 't120'] });
    expect(s().playlists).toEqual([db.playlists.get(id)]);
    await s().setMusicChoice('template-tabata', { playlistId: id });
    await s().deletePlaylist(id);
    expect(s().playlists).toEqual([]);
    expect(db.playlists.size).toBe(0);
    // The workout that used it falls back to the whole library.
    expect(db.choices.get('template-tabata')?.playlistId).toBeNull();
  });

  it('keeps playlist names unique: a new one with a taken name becomes "Name (2)", a rename to a taken name is refused with a message', async () => {
    const { store, db } = await storeWithLibrary();
    const s = () => store.getState();
    const first = await s().createPlaylist('Tempo run');
    const second = await s().createPlaylist(' tempo  RUN ');
    const third = await s().createPlaylist('Tempo run');
    expect([first, second, third].map((id) => db.playlists.get(id)?.name)).toEqual(['Tempo run', 'tempo  RUN (2)', 'Tempo run (3)']);
    expect(await s().renamePlaylist(third, 'TEMPO RUN')).toBe(false);
    expect(db.playlists.get(third)?.name).toBe('Tempo run (3)');
    expect(s().playlistMessages.at(-1)?.text).toMatch(/already a playlist named "TEMPO RUN"/);
    expect(await s().renamePlaylist(third, 'Hills')).toBe(true);
    expect(db.playlists.get(third)?.name).toBe('Hills');
  });

  it('makes a smart playlist for a tapped cadence in one step, half-time music included', async () => {
    const { store } = await storeWithLibrary();
    const id = await store.getState().createCadencePlaylist(172);
    const p = store.getState().playlists.find((x) => x.id === id)!;
    expect(p).toMatchObject({ kind: 'smart', name: 'Cadence 172 spm', rules: { bpmMin: 166.8, bpmMax: 177.2, allowHalfDouble: true } });
    await store.getState().setMusicChoice('w', { playlistId: id });
    expect(musicChoiceFor(store.getState(), 'w').trackIds).toEqual(['t172', 't87']);
  });

  it('imports a playlist file, matching tracks by id and naming the missing ones; rejects a bad file by name', async () => {
    const { store } = await storeWithLibrary();
    const other = makeTrack({ id: 'gone', title: 'Lost', artist: 'Nobody' });
    const file = playlistToFile({ id: 'q', name: 'Shared', kind: 'manual', trackIds: [], updatedAt: 1 }, [lib[2], other, lib[0]], 'now');
    const report = await store.getState().importPlaylistFile(JSON.stringify(file), 'shared.json');
    expect(report.missing).toEqual(['Nobody - Lost']);
    expect(store.getState().playlists.find((p) => p.id === report.playlistId)).toMatchObject({ name: 'Shared', trackIds: ['t172', 't120'] });
    await expect(store.getState().importPlaylistFile('{"format":"montage-playlist","version":1}', 'broken.json')).rejects.toThrow(/^broken\.json: /);
    expect(store.getState().playlistMessages[0].text).toMatch(/^broken\.json: /);
  });

  it('plays the chosen playlist with its pinned tracks when the workout starts', async () => {
    const { store, played } = await storeWithLibrary();
    const s = () => store.getState();
    const id = await s().createPlaylist('Two');
    await s().addTracksToPlaylist(id, ['t120', 't150']);
    await s().setMusicChoice('template-demo-3030', { playlistId: id, maxTempoChangePct: 5 });
    await s().lockSegment('template-demo-3030', 0, 't150');
    const preview = s().programOf('template-demo-3030')!;
    expect(preview.segments[0].trackId).toBe('t150');
    expect(preview.usesDemo).toBe(false);
    await s().startWorkout('template-demo-3030');
    expect(s().player.phase.status).toBe('countdown');
    expect(new Set(played.trackIds())).toEqual(new Set(['t120', 't150']));
    expect(played.trackIds()[0]).toBe('t150');
    await s().lockSegment('template-demo-3030', 0, null);
    expect(musicChoiceFor(s(), 'template-demo-3030').lockedTrackIds).toEqual({});
  });
});
