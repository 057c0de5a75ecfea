/**
 * The app's launch URLs (manifest shortcuts): `/?start=last` opens the Player with the workout started
 * last, ready to start (audio needs the user's tap, so it never starts by itself); `/?screen=library`
 * or `/?screen=progress` opens a screen. The id of every started workout is remembered in localStorage for the shortcut.
 */
import type { AppStore } from '../state/create-app-store';
import type { Screen } from '../state/nav-slice';

/** The localStorage key of the last started workout's id. */
export const LAST_WORKOUT_KEY = 'montage.lastWorkoutId';
/** How long to wait for saved workouts to load before giving up on the last one, milliseconds. */
const WAIT_FOR_WORKOUTS_MS = 10_000;
const SCREENS: readonly Screen[] = ['player', 'library', 'workouts', 'playlists', 'progress'];

/** Remembers the id of each workout as it starts; returns the unsubscribe function. */
export function rememberStartedWorkouts(store: AppStore): () => void {
  return store.subscribe((state, prev) => {
    const id = state.player.program?.workoutId;
    if (!id || id === prev.player.program?.workoutId) return;
    safeStorage()?.setItem(LAST_WORKOUT_KEY, id);
  });
}

/** Applies `?start=last` / `?screen=` from `search`, then removes them from the address bar. */
export function applyLaunchParams(store: AppStore, search: string = window.location.search): void {
  const params = new URLSearchParams(search);
  const screen = params.get('screen');
  if (screen && (SCREENS as readonly string[]).includes(screen)) store.getState().goTo(screen as Screen);
  if (params.get('start') === 'last') openLastWorkout(store);
  if (params.has('start') || params.has('screen')) {
    params.delete('start');
    params.delete('screen');
    const query = params.toString();
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
  }
}

/** Shows the Player with the last started workout selected (once saved workouts have loaded, if it is one of them). */
function openLastWorkout(store: AppStore): void {
  store.getState().goTo('player');
  const id = safeStorage()?.getItem(LAST_WORKOUT_KEY);
  if (id) selectWhenLoaded(store, id);
}

/** The localStorage key of the workout chosen on the Player screen. */
export const CHOSEN_WORKOUT_KEY = 'montage.chosenWorkoutId';

/** Keeps the chosen workout across reloads: remembers each choice, and chooses the remembered one again at start. */
export function keepChosenWorkout(store: AppStore): () => void {
  const id = safeStorage()?.getItem(CHOSEN_WORKOUT_KEY);
  if (id) selectWhenLoaded(store, id);
  return store.subscribe((state, prev) => {
    if (state.selectedWorkoutId !== prev.selectedWorkoutId) safeStorage()?.setItem(CHOSEN_WORKOUT_KEY, state.selectedWorkoutId);
  });
}

/** Selects workout `id` now if it is there, or once saved workouts have loaded; a choice the user makes meanwhile wins. */
function selectWhenLoaded(store: AppStore, id: string): void {
  const select = () => {
    if (!store.getState().workouts.some((w) => w.id === id)) return false;
    store.getState().selectWorkout(id);
    return true;
  };
  if (select()) return;
  const unsubscribe = store.subscribe((s, prev) => {
    // The user chose another workout meanwhile: theirs wins.
    if (s.selectedWorkoutId !== prev.selectedWorkoutId || (s.workouts !== prev.workouts && select())) unsubscribe();
  });
  setTimeout(unsubscribe, WAIT_FOR_WORKOUTS_MS);
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage disabled by the user: the shortcut simply opens the player.
    return null;
  }
}
