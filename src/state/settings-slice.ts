/** The player settings, loaded from the device at start and saved on every change. */
import type { StateCreator } from 'zustand';
import { DEFAULT_PLAYER_SETTINGS, type PlayerSettings } from '../core/player-settings';
import type { AppServices } from './services';
import type { AppState } from './create-app-store';

/** Settings state and actions. */
export interface SettingsSlice {
  settings: PlayerSettings;
  changeSettings(patch: Partial<PlayerSettings>): void;
}

/** Creates the settings slice. */
export const createSettingsSlice = (services: AppServices): StateCreator<AppState, [], [], SettingsSlice> => (set, get) => ({
  // Stores built for one slice's tests may leave the settings service out: they get the defaults.
  settings: services.settings?.load() ?? DEFAULT_PLAYER_SETTINGS,
  changeSettings(patch) {
    const settings = { ...get().settings, ...patch };
    set({ settings });
    services.settings?.save(settings);
  },
});
