/** The only file that wires the real services together and mounts the app. */
import './pwa/strict-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { StoreContext } from './ui/store-context';
import { createAppStore } from './state/create-app-store';
import { programFor } from './state/workout-program';
import { createLazyAudio, createLazyPreview } from './audio/lazy-audio';
import { createLibraryService } from './storage/library-service';
import { openDemoCache } from './storage/demo-cache';
import { createPlaylistsService } from './storage/playlists-service';
import { createWorkoutsService } from './storage/workouts-service';
import { createTrackAnalyzer } from './workers/track-analyzer';
import { createSpeech } from './audio/speech';
import { createSettingsStore } from './storage/settings-store';
import { createLogService } from './storage/log-service';
import { createDevice } from './device/device';
import { createStreamSink } from './device/stream-sink';
import { createHeartRateStrap } from './device/heart-rate-strap';
import { createSimulatedHeartRate } from './device/simulated-heart-rate';
import { createCadenceSensor } from './device/cadence-sensor';
import { withTabLock, PLAYING_ELSEWHERE } from './tabs/tab-lock';
import { syncLibraryAcrossTabs, type LibraryWrite } from './tabs/library-sync';
import { syncLogAcrossTabs } from './tabs/log-sync';
import { applyLaunchParams, keepChosenWorkout, rememberStartedWorkouts } from './pwa/launch-params';
import { BackupServiceContext } from './ui/library/BackupPanel';
import type { Workout } from './core/workout';
import type { AudioExportService } from './state/services';
import type { OfflineRenderOptions } from './audio/offline-render';
import type { ExportDeps } from './audio/export-workout';
import './ui/app.css';

// The demo loops are rendered once, on first use, and kept in OPFS for later visits. While a workout plays its
// sound goes through a hidden <audio> element: that keeps it playing with the screen locked.
const streamSink = createStreamSink();
const { player: lazyPlayer, demo, decoder: playbackDecoder } = createLazyAudio(openDemoCache, streamSink);
// The export reads stored tracks a stretch at a time (an MP3 run by run), at their own rate.
const decoder = { ...playbackDecoder, open: async (audio: Blob) => (await import('./workers/track-file-reader')).openTrackFile(audio) };
// One tab plays at a time: starting here stops the workout of any other tab, which says so. The media element is
// primed in the tap itself (before the tab lock and the audio code are awaited), as iOS wants.
const primedPlayer = { ...lazyPlayer, play: (...args: Parameters<typeof lazyPlayer.play>) => (streamSink.prime(), lazyPlayer.play(...args)) };
const player = withTabLock(primedPlayer, () => store.getState().loseAudio(PLAYING_ELSEWHERE));
// Library changes are announced to other tabs; theirs make this tab re-read its track list. A restore (here or
// there) wrote workouts, playlists and the log too: the store reads them all again, merged with what it shows.
const reloadStored = async (write: LibraryWrite) => {
  const s = store.getState();
  await Promise.all([s.reloadTracks(), ...(write === 'restoreBackup' ? [s.loadWorkouts(), s.loadPlaylists(), s.loadHistory()] : [])]);
};
const library = syncLibraryAcrossTabs(createLibraryService(), reloadStored);
// Workouts logged and efforts saved are announced to other tabs; theirs make this tab read the log again.
const log = syncLogAcrossTabs(createLogService(), () => store.getState().loadHistory());
// The preview plays a stored track against the grid the store holds now (corrections included).
const preview = createLazyPreview(async (trackId) => {
  const grid = store.getState().tracks.find((t) => t.id === trackId)?.grid;
  const audio = await library.getAudio(trackId);
  return grid && audio ? { audio, grid } : null;
});
// Heart rate stays on this device: a strap over Web Bluetooth, or the simulated one (labelled so) to try it without.
const simulatedHeartRate = createSimulatedHeartRate();
const cadence = createCadenceSensor();
// Export audio: everything it needs (the renderer, the encoder worker, the file, the offline voice) loads when used.
const audioExport: AudioExportService = {
  // Opus needs the browser's own encoder (WebCodecs); the encoder worker refuses it, saying so, where that lacks Opus.
  formats: () => (typeof AudioEncoder === 'undefined' ? ['mp3', 'wav'] : ['mp3', 'opus', 'wav']),
  // Web Speech cannot be recorded: spoken cues in a file come from Montage's own voice (eSpeak NG, in a worker).
  offlineVoice: true,
  async exportAudio(program, loadTrack, choice, signal, onProgress) {
    const [{ exportWorkoutAudio }, { createExportFile }, { startEncoding }, { startVoice }, { startStretchWorker }] = await Promise.all([
      import('./audio/export-workout'), import('./storage/export-file'), import('./workers/audio-encoder-client'),
      import('./workers/voice-client'), import('./workers/stretch-client'),
    ]);
    const voice = choice.includeVoice ? startVoice() : null;
    const synthesize: ExportDeps['synthesize'] = (texts, options) => (voice ? voice.synthesize(texts, options) : Promise.reject(new Error('voice not chosen')));
    const deps: ExportDeps = { startEncoder: (o) => startEncoding({ ...o, signal }), createFile: createExportFile, synthesize, startStretcher: startStretchWorker };
    try {
      return await exportWorkoutAudio(program, loadTrack, choice, deps, signal, onProgress);
    } finally {
      voice?.close();
    }
  },
};
const store = createAppStore({
  audioExport,
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
  log,
  device: createDevice(),
  heartRate: { strap: createHeartRateStrap(), simulated: simulatedHeartRate },
  cadence,
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
// A track deleted a moment ago (still offered for undo) leaves storage when the page goes away.
window.addEventListener('pagehide', () => void store.getState().finishDelete());

// Manifest shortcuts (`?start=last`) and the id they need; the service worker only exists in a build.
rememberStartedWorkouts(store);
keepChosenWorkout(store);
applyLaunchParams(store);
if (import.meta.env.PROD) void import('./pwa/register-sw').then((m) => m.registerServiceWorker(store.getState().offerUpdate));

// The program a workout plays on the demo music only (the render hooks below), at the given tempo change.
function demoProgram(workoutOrId: string | Workout, maxTempoChangePct: number) {
  const state = store.getState();
  const workout = typeof workoutOrId === 'string' ? state.workouts.find((w) => w.id === workoutOrId) : workoutOrId;
  if (!workout) throw new Error(`No workout "${String(workoutOrId)}"`);
  const demoOnly = { ...state, tracks: [], musicChoices: { [workout.id]: { workoutId: workout.id, playlistId: null, lockedTrackIds: {}, maxTempoChangePct } } };
  return programFor(demoOnly, demo.tracks(), workout);
}

// A handle for the browser tests and for curious users in the console.
Object.assign(window, {
  montage: {
    store,
    engine: lazyPlayer.engine,
    /** Where this page's demo loops came from: rendered, read from the cache, rendered but not kept. */
    demoStats: demo.stats,
    /** Background playback: where the sound goes, whether the <audio> element plays, the live context, the clock source. */
    output: lazyPlayer.output,
    outputElementPlaying: streamSink.isPlaying,
    audioContext: lazyPlayer.context,
    setClockSource: lazyPlayer.setClockSource,
    /** Offers an app update as the service worker would (tests check the prompt waits for the workout). */
    offerUpdate: (apply: () => void) => store.getState().offerUpdate(apply),
    /** Sets what the simulated heart-rate sensor replays from now on (tests choose known rates). */
    setSimulatedHeartRate: simulatedHeartRate.setProfile,
    setSimulatedCadence: cadence.setSimulatedProfile,
    /** What the last beat-click preview played (read-only copy). */
    lastPreview: preview.last,
    /** The audio export service (the bench exports a planned program with its own tracks through it). */
    audioExport,
    /** Opens a file as the export reads stored tracks (tests compare it with the browser's whole-file decode). */
    openTrackFile: decoder.open,
    /** Returns the program the player would play for a workout now (the Music plan screen's program). */
    programOf: (workoutId: string) => store.getState().programOf(workoutId),
    /** Renders a workout offline with the same engine and planner as live, on the demo music (tests check cue timing on it). */
    async renderOffline(workoutOrId: string | Workout, options: OfflineRenderOptions & { maxTempoChangePct?: number }) {
      const program = demoProgram(workoutOrId, options.maxTempoChangePct ?? 0);
      const { renderProgramOffline } = await import('./audio/offline-render');
      return { ...(await renderProgramOffline(program, demo.loadBuffer, options)), program };
    },
    /** Renders a workout for export on the demo music, piece by piece, and returns the first channel whole (tests compare piece sizes). */
    async renderExport(workoutOrId: string | Workout, options: { pieceSec: number; maxTempoChangePct?: number; include?: 'all' | 'music' | 'cues' }) {
      const program = demoProgram(workoutOrId, options.maxTempoChangePct ?? 0);
      const [{ renderExport }, { openLoaded }, { startStretchWorker }] = await Promise.all([
        import('./audio/export-render'), import('./audio/track-open'), import('./workers/stretch-client'),
      ]);
      const pieces: Float32Array[] = [];
      const stretch = startStretchWorker();
      const render = await renderExport(program, openLoaded(demo.loadBuffer), { ...options, stretch }, async (channels) => void pieces.push(channels[0]))
        .finally(() => stretch.close());
      const samples = new Float32Array(render.frames);
      pieces.reduce((at, p) => (samples.set(p, at), at + p.length), 0);
      return { ...render, samples, program };
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
