/** Player settings on this device (localStorage: small, synchronous, read at start). */
import { DEFAULT_PLAYER_SETTINGS, sanitizePlayerSettings, type PlayerSettings } from '../core/player-settings';

const KEY = 'montage.playerSettings.v1';

/** Creates the settings store; a missing or damaged entry reads as the defaults. */
export function createSettingsStore(storage: Pick<Storage, 'getItem' | 'setItem'> | null = globalThis.localStorage ?? null) {
  return {
    load(): PlayerSettings {
      try {
        const text = storage?.getItem(KEY);
        return text ? sanitizePlayerSettings(JSON.parse(text)) : DEFAULT_PLAYER_SETTINGS;
      } catch {
        return DEFAULT_PLAYER_SETTINGS;
      }
    },
    save(settings: PlayerSettings): void {
      try {
        storage?.setItem(KEY, JSON.stringify(settings));
      } catch {
        // A full or blocked localStorage only loses the settings, never the library.
      }
    },
  };
}
