/** Playlists (manual and smart), the cadence helper's one-step playlist, and the music chosen per workout. */
import type { StateCreator } from 'zustand';
import type { Playlist, SmartRules } from '../core/playlist';
import { addNotice, addNotices, dismissNotice, type Notice } from '../core/notices';
import { sameName, uniqueName } from '../core/names';
import type { MusicChoice } from '../core/music-choice';
import { defaultMusicChoice, MAX_TEMPO_CHANGE_PCT } from '../core/music-choice';
import { addTrackIds, moveTrackId, removeTrackAt, sortTrackIdsByBpm } from '../core/playlist-edit';
import { cadenceRules } from '../core/cadence';
import { matchPlaylistFile, parsePlaylistFile } from '../core/playlist-file';
import type { AppServices } from './services';
import type { AppState } from './create-app-store';
import type { MusicRequest, Program } from '../core/program';
import { musicRequestFor, programFor } from './workout-program';

/** What importing a playlist file did: the new playlist's id and the tracks the library lacks. */
export interface PlaylistImportReport {
  playlistId: string;
  name: string;
  missing: string[];
}

/** Playlist state and actions. Every action saves through the service; failures land in `playlistMessages`. */
export interface PlaylistsSlice {
  playlists: Playlist[];
  playlistsLoaded: boolean;
  /** The saved music choice per workout id (absent = the default: whole library). */
  musicChoices: Record<string, MusicChoice>;
  playlistMessages: Notice[];
  loadPlaylists(): Promise<void>;
  /** Creates a playlist and returns its id (a smart one filters with `rules`). */
  createPlaylist(name: string, rules?: SmartRules): Promise<string>;
  /** Renames a playlist; false (and a message) when another playlist already has the name. */
  renamePlaylist(id: string, name: string): Promise<boolean>;
  deletePlaylist(id: string): Promise<void>;
  addTracksToPlaylist(id: string, trackIds: string[]): Promise<void>;
  moveTrackInPlaylist(id: string, from: number, to: number): Promise<void>;
  removeTrackFromPlaylist(id: string, index: number): Promise<void>;
  sortPlaylistByBpm(id: string, dir: 'asc' | 'desc'): Promise<void>;
  setSmartRules(id: string, rules: SmartRules): Promise<void>;
  /** Creates a smart playlist of music matching `cadenceSpm` (±3 %, half-time included); returns its id. */
  createCadencePlaylist(cadenceSpm: number): Promise<string>;
  /** Imports a playlist file; rejects with a message naming the file. */
  importPlaylistFile(text: string, fileName: string): Promise<PlaylistImportReport>;
  /** Changes and saves a workout's music choice. */
  setMusicChoice(workoutId: string, patch: Partial<Omit<MusicChoice, 'workoutId'>>): Promise<void>;
  /** Pins `trackId` to music segment `segmentIndex` of the workout; null unpins it. */
  lockSegment(workoutId: string, segmentIndex: number, trackId: string | null): Promise<void>;
  dismissPlaylistMessage(index: number): void;
  dismissAllPlaylistMessages(): void;
  /** Returns the program the player would play for the workout now: the Music plan screen shows exactly this. */
  programOf(workoutId: string): Program | null;
  /** Returns the music the workout draws from now (what "Swap" may offer). */
  musicOf(workoutId: string): MusicRequest;
}

const newId = (): string => crypto.randomUUID();

/** Creates the playlists slice over the injected services. */
export const createPlaylistsSlice = (services: AppServices): StateCreator<AppState, [], [], PlaylistsSlice> => (set, get) => {
  const report = (e: unknown) => set((s) => ({ playlistMessages: addNotice(s.playlistMessages, 'error', e instanceof Error ? e.message : String(e)) }));
  // Saves first, then shows: the screen never shows what was not stored.
  const save = async (playlist: Playlist) => {
    try {
      await services.playlists.save(playlist);
      set((s) => ({ playlists: [...s.playlists.filter((p) => p.id !== playlist.id), playlist].sort((a, b) => a.name.localeCompare(b.name)) }));
    } catch (e) {
      report(e);
      throw e;
    }
  };
  const edit = async (id: string, change: (p: Playlist) => Playlist) => {
    const p = get().playlists.find((x) => x.id === id);
    if (p) await save({ ...change(p), updatedAt: services.now() });
  };
  const editIds = (id: string, change: (ids: string[]) => string[]) => edit(id, (p) => (p.kind === 'manual' ? { ...p, trackIds: change(p.trackIds) } : p));
  const saveChoice = async (choice: MusicChoice) => {
    await services.playlists.saveChoice(choice).catch((e: unknown) => {
      report(e);
      throw e;
    });
    set((s) => ({ musicChoices: { ...s.musicChoices, [choice.workoutId]: choice } }));
  };
  const choiceOf = (workoutId: string) => get().musicChoices[workoutId] ?? defaultMusicChoice(workoutId);
  const create = async (name: string, rules?: SmartRules, trackIds: string[] = []) => {
    // Names are unique: a taken one becomes "Name (2)", as a file manager does.
    const base = { id: newId(), name: uniqueName(name.trim() || 'Untitled playlist', get().playlists.map((p) => p.name)), updatedAt: services.now() };
    await save(rules ? { ...base, kind: 'smart', rules } : { ...base, kind: 'manual', trackIds });
    return base.id;
  };

  return {
    playlists: [],
    playlistsLoaded: false,
    musicChoices: {},
    playlistMessages: [],
    async loadPlaylists() {
      try {
        const { playlists, choices, problems } = await services.playlists.list();
        set((s) => ({ playlists, playlistsLoaded: true, musicChoices: Object.fromEntries(choices.map((c) => [c.workoutId, c])), playlistMessages: addNotices(s.playlistMessages, 'error', problems) }));
      } catch (e) {
        set({ playlistsLoaded: true });
        report(e);
      }
    },
    createPlaylist: (name, rules) => create(name, rules),
    async renamePlaylist(id, name) {
      const wanted = name.trim();
      if (!wanted) return false;
      if (get().playlists.some((p) => p.id !== id && sameName(p.name, wanted))) {
        report(`There is already a playlist named "${wanted}": choose another name.`);
        return false;
      }
      await edit(id, (p) => ({ ...p, name: wanted }));
      return true;
    },
    async deletePlaylist(id) {
      await services.playlists.remove(id).catch((e: unknown) => report(e));
      set((s) => ({ playlists: s.playlists.filter((p) => p.id !== id) }));
      // Workouts that played this playlist fall back to the whole library.
      for (const c of Object.values(get().musicChoices)) if (c.playlistId === id) await saveChoice({ ...c, playlistId: null, lockedTrackIds: {} });
    },
    addTracksToPlaylist: (id, trackIds) => editIds(id, (ids) => addTrackIds(ids, trackIds)),
    moveTrackInPlaylist: (id, from, to) => editIds(id, (ids) => moveTrackId(ids, from, to)),
    removeTrackFromPlaylist: (id, index) => editIds(id, (ids) => removeTrackAt(ids, index)),
    sortPlaylistByBpm: (id, dir) => editIds(id, (ids) => sortTrackIdsByBpm(ids, get().tracks, dir)),
    setSmartRules: (id, rules) => edit(id, (p) => (p.kind === 'smart' ? { ...p, rules } : p)),
    createCadencePlaylist: (cadenceSpm) => create(`Cadence ${Math.round(cadenceSpm)} spm`, cadenceRules(cadenceSpm)),
    async importPlaylistFile(text, fileName) {
      const parsed = parsePlaylistFile(text, fileName);
      if (!parsed.ok) {
        report(parsed.error);
        throw new Error(parsed.error);
      }
      const found = matchPlaylistFile(parsed.file, new Set(get().tracks.map((t) => t.id)));
      const playlistId = found.kind === 'smart' ? await create(found.name, found.rules) : await create(found.name, undefined, found.trackIds);
      return { playlistId, name: found.name, missing: found.missing };
    },
    async setMusicChoice(workoutId, patch) {
      const next = { ...choiceOf(workoutId), ...patch, workoutId };
      next.maxTempoChangePct = Math.min(Math.max(next.maxTempoChangePct, 0), MAX_TEMPO_CHANGE_PCT);
      // Pins were made for the old pool: a new playlist starts without them.
      if (patch.playlistId !== undefined && patch.playlistId !== choiceOf(workoutId).playlistId && !patch.lockedTrackIds) next.lockedTrackIds = {};
      await saveChoice(next);
    },
    async lockSegment(workoutId, segmentIndex, trackId) {
      const locks = { ...choiceOf(workoutId).lockedTrackIds };
      if (trackId === null) delete locks[segmentIndex];
      else locks[segmentIndex] = trackId;
      await saveChoice({ ...choiceOf(workoutId), lockedTrackIds: locks });
    },
    musicOf: (workoutId) => musicRequestFor(get(), services.demo.tracks(), workoutId),
    programOf(workoutId) {
      const workout = get().workouts.find((w) => w.id === workoutId);
      return workout ? programFor(get(), services.demo.tracks(), workout) : null;
    },
    dismissPlaylistMessage: (index) => set((s) => ({ playlistMessages: dismissNotice(s.playlistMessages, index) })),
    dismissAllPlaylistMessages: () => set({ playlistMessages: [] }),
  };
};
