/** The app store: one zustand store composed of slices, with the services injected. */
import { createStore } from 'zustand/vanilla';
import type { AppServices } from './services';
import { createNavSlice, type NavSlice } from './nav-slice';
import { createPlayerSlice, type PlayerSlice } from './player-slice';
import { createWorkoutsSlice, type WorkoutsSlice } from './workouts-slice';
import { createLibrarySlice, type LibrarySlice } from './library-slice';
import { createPlaylistsSlice, type PlaylistsSlice } from './playlists-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createAppSlice, type AppSlice } from './app-slice';
import { createProgressSlice, type ProgressSlice } from './progress-slice';
import { createHeartRateSlice, type HeartRateSlice } from './heart-rate-slice';
import { createCadenceSlice, type CadenceSlice } from './cadence-slice';
import { createAudioExportSlice, type AudioExportSlice } from './audio-export-slice';

/** The whole app state: every slice's fields and actions. */
export type AppState = NavSlice & PlayerSlice & WorkoutsSlice & LibrarySlice & PlaylistsSlice & SettingsSlice & AppSlice & ProgressSlice & HeartRateSlice & CadenceSlice & AudioExportSlice;

/** Returns a new store wired to `services` (tests build one per test with fakes). */
export function createAppStore(services: AppServices) {
  return createStore<AppState>()((...a) => ({
    ...createNavSlice(...a),
    ...createPlayerSlice(services)(...a),
    ...createWorkoutsSlice(services)(...a),
    ...createLibrarySlice(services)(...a),
    ...createPlaylistsSlice(services)(...a),
    ...createSettingsSlice(services)(...a),
    ...createAppSlice(services)(...a),
    ...createProgressSlice(services)(...a),
    ...createHeartRateSlice(services)(...a),
    ...createCadenceSlice(services)(...a),
    ...createAudioExportSlice(services)(...a),
  }));
}

/** The store's type. */
export type AppStore = ReturnType<typeof createAppStore>;
