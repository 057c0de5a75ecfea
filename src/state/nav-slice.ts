/** Which screen is shown. */
import type { StateCreator } from 'zustand';
import type { AppState } from './create-app-store';

/** The app's screens. */
export type Screen = 'player' | 'library' | 'workouts' | 'playlists' | 'progress';

/** Navigation state and actions. */
export interface NavSlice {
  screen: Screen;
  goTo(screen: Screen): void;
}

/** Creates the navigation slice. */
export const createNavSlice: StateCreator<AppState, [], [], NavSlice> = (set) => ({
  screen: 'player',
  goTo: (screen) => set({ screen }),
});
