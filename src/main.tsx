/** The only file that wires the real services together and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { StoreContext } from './ui/store-context';
import { createAppStore } from './state/create-app-store';
import { buildProgram } from './state/build-program';
import { createLazyAudio } from './audio/lazy-audio';
import { createLibraryService } from './storage/library-service';
import { createTrackAnalyzer } from './workers/track-analyzer';
import { createSpeech } from './audio/speech';
import './ui/app.css';

const { player, demo, decoder } = createLazyAudio();
const store = createAppStore({
  player,
  demo,
  decoder,
  library: createLibraryService(),
  analysis: createTrackAnalyzer(),
  speech: createSpeech(),
  now: () => Date.now(),
});

// A handle for the browser tests and for curious users in the console.
Object.assign(window, {
  montage: {
    store,
    engine: player.engine,
    /** Renders a workout offline with the same engine and program as live (tests check cue timing on it). */
    async renderOffline(workoutId: string, options: import('./audio/offline-render').OfflineRenderOptions) {
      const workout = store.getState().workouts.find((w) => w.id === workoutId);
      if (!workout) throw new Error(`No workout "${workoutId}"`);
      const { renderProgramOffline } = await import('./audio/offline-render');
      const built = buildProgram(workout, { demoTracks: demo.tracks(), loadDemo: demo.loadBuffer, libraryTracks: [], loadTrack: () => Promise.reject(new Error('demo only')), maxTempoChangePct: 0 });
      return renderProgramOffline(built.program, options);
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
