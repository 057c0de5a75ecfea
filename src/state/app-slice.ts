/** The app around the workouts: a waiting new version of the app, and whether the browser keeps the library. */
import type { StateCreator } from 'zustand';
import type { AppServices, PersistState } from './services';
import type { AppState } from './create-app-store';

/** App state and actions. */
export interface AppSlice {
  /** Applies the waiting new version (the page reloads); null when none waits. */
  update: (() => void) | null;
  /** Offers a new version to the user; it is applied only when they choose to reload. */
  offerUpdate(apply: () => void): void;
  /** Whether the browser promised to keep the library; null until read. */
  persistence: PersistState | null;
  /** Reads the persistence state without asking the user anything. */
  checkPersistence(): Promise<void>;
  /** Asks the browser to keep the library (it may decide silently or ask the user). */
  askPersistence(): Promise<void>;
}

/** Creates the app slice. */
export const createAppSlice = (services: AppServices): StateCreator<AppState, [], [], AppSlice> => (set) => ({
  update: null,
  offerUpdate: (apply) => set({ update: apply }),
  persistence: null,
  async checkPersistence() {
    set({ persistence: await services.library.persistence().catch((): PersistState => 'unsupported') });
  },
  async askPersistence() {
    const answer = await services.library.requestPersistence().catch(() => 'unsupported' as const);
    set({ persistence: answer === 'granted' ? 'persisted' : answer === 'denied' ? 'best-effort' : 'unsupported' });
  },
});
