/** The only file that wires the real services together and mounts the app. */
import './pwa/strict-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { StoreContext } from './ui/store-context';
import { createAppStore } from './state/create-app-store';
import { buildProgram } from './state/build-program';
import { createLazyAudio, createLazyPreview } from './audio/lazy-audio';
import { createLibraryService } from './storage/library-service';
import { createPlaylistsService } from './storage/playlists-service';
import { createWorkoutsService } from './storage/workouts-service';
import { createTrackAnalyzer } from './workers/track-analyzer';
import { createSpeech } from './audio/speech';
import { createSettingsStore } from './storage/settings-store';
import { createLogService } from './storage/log-service';
import { createDevice } from './pwa/device';
import { withTabLock, PLAYING_ELSEWHERE } from './pwa/tab-lock';
import { reloadTracks, syncLibraryAcrossTabs } from './pwa/library-sync';
import { applyLaunchParams, rememberStartedWorkouts } from './pwa/launch-params';
import { offerUpdate } from './pwa/update-signal';
import { BackupServiceContext } from './ui/library/BackupPanel';
import './ui/app.css';

const { player: lazyPlayer, demo, decoder } = createLazyAudio();
// One tab plays at a time: starting here stops the workout of any other tab, which says so.
const player = withTabLock(lazyPlayer, () => store.setState((s) => ({ player: { ...s.player, status: 'error', error: PLAYING_ELSEWHERE } })));
// Library changes are announced to other tabs; theirs make this tab re-read its track list.
const storedLibrary = createLibraryService();
const library = syncLibraryAcrossTabs(storedLibrary, () => reloadTracks(store, storedLibrary));
// The preview plays a stored track against the grid the store holds now (corrections included).
const preview = createLazyPreview(async (trackId) => {
  const track = store.getState().tracks.find((t) => t.id === trackId);
  const audio = await library.getAudio(trackId);
  return track && audio ? { audio, grid: track } : null;
});
const store = createAppStore({
  player,
  demo,
  decoder,
  library,
  preview,
  playlists: createPlaylistsService(),
  workouts: createWorkoutsService(),
  analysis: createTrackAnalyzer(),
  speech: createSpeech(),
  settings: createSettingsStore(),
  log: createLogService(),
  device: createDevice(),
  now: () => Date.now(),
});

// Saved workouts join the templates at start; a `#w=` share link is offered on the Workouts screen, never saved unasked.
void store.getState().loadWorkouts();
const offerSharedWorkout = () => store.getState().receiveShareLink(window.location.hash);
offerSharedWorkout();
window.addEventListener('hashchange', offerSharedWorkout);

// Playlists and each workout's music choice are needed before the first workout starts.
void store.getState().loadPlaylists();
// The library too: a workout started from the Player plays the user's music, not the demo.
void store.getState().loadLibrary();

// Manifest shortcuts (`?start=last`) and the id they need; the service worker only exists in a build.
rememberStartedWorkouts(store);
applyLaunchParams(store);
if (import.meta.env.PROD) void import('./pwa/register-sw').then((m) => m.registerServiceWorker());

// A handle for the browser tests and for curious users in the console.
Object.assign(window, {
  montage: {
    store,
    engine: player.engine,
    /** Offers an app update as the service worker would (tests check the prompt waits for the workout). */
    offerUpdate,
    /** What the last beat-click preview played (read-only copy). */
    lastPreview: preview.last,
    /** Renders a workout offline with the same engine and program as live (tests check cue timing on it). */
    async renderOffline(
      workoutOrId: string | import('./core/workout').Workout,
      options: import('./audio/offline-render').OfflineRenderOptions & { maxTempoChangePct?: number },
    ) {
      const workout = typeof workoutOrId === 'string' ? store.getState().workouts.find((w) => w.id === workoutOrId) : workoutOrId;
      if (!workout) throw new Error(`No workout "${String(workoutOrId)}"`);
      const { renderProgramOffline } = await import('./audio/offline-render');
      const built = buildProgram(workout, {
        demoTracks: demo.tracks(),
        loadDemo: demo.loadBuffer,
        libraryTracks: [],
        loadTrack: () => Promise.reject(new Error('demo music only')),
        maxTempoChangePct: options.maxTempoChangePct ?? 0,
      });
      const render = await renderProgramOffline(built.program, options);
      return { ...render, stepStarts: built.stepStarts, segments: built.segments };
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <BackupServiceContext.Provider value={library}>
        <App />
      </BackupServiceContext.Provider>
    </StoreContext.Provider>
  </StrictMode>,
);
