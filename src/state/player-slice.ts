/** The workout player: starts a workout on the audio engine and mirrors its phase for the screen. */
import type { StateCreator } from 'zustand';
import type { TimelineStep } from '../core/workout';
import type { WorkoutSummary } from '../core/workout-log';
import type { AppServices } from './services';
import type { AppState } from './create-app-store';
import { buildProgram, type ProgramSegmentInfo } from './build-program';
import { musicChoiceFor, musicPool } from './playlists-slice';
import { summarizeWorkout } from './workout-summary';

/** Where the player is. */
export type PlayerStatus = 'idle' | 'loading' | 'running' | 'paused' | 'finished' | 'error';

/** What the player screen shows (position itself is read from the audio clock, not stored). */
export interface PlayerView {
  status: PlayerStatus;
  workoutName: string;
  steps: TimelineStep[];
  /** Quantised start of each step on the workout clock, seconds; last entry = the end. */
  stepStarts: number[];
  totalSec: number;
  segments: ProgramSegmentInfo[];
  /** What the music planner could not do, in plain words ("no tracks between 170 and 180 BPM: closest is 164"). */
  musicNotes: string[];
  /** The words of the latest announcement (shown as text too: the fallback when no voice exists). */
  announcement: string | null;
  error: string | null;
  summary: WorkoutSummary | null;
}

/** Player state and actions. */
export interface PlayerSlice {
  player: PlayerView;
  startWorkout(workoutId?: string): Promise<void>;
  togglePause(): void;
  skipStep(): Promise<void>;
  /** Plays other music from here on (the workout's clock does not move). */
  skipTrack(): Promise<void>;
  stopWorkout(): void;
  /** The workout log, newest first (loaded by `loadHistory`). */
  history: WorkoutSummary[];
  loadHistory(): Promise<void>;
  /** Workout seconds elapsed now, by the audio clock (read it in an animation frame, not in render). */
  positionNow(): number | null;
}

const IDLE: PlayerView = { status: 'idle', workoutName: '', steps: [], stepStarts: [], totalSec: 0, segments: [], musicNotes: [], announcement: null, error: null, summary: null };

/** Creates the player slice over the injected services. */
export const createPlayerSlice = (services: AppServices): StateCreator<AppState, [], [], PlayerSlice> => (set, get) => {
  const patch = (p: Partial<PlayerView>) => set((s) => ({ player: { ...s.player, ...p } }));
  let startedAt = 0;

  const finish = (completed: boolean) => {
    const { player } = get();
    const position = services.player.positionSec() ?? 0;
    const durationSec = completed ? player.totalSec : Math.min(position, player.totalSec);
    services.player.stop();
    services.speech.cancel();
    services.device.keepAwake(false);
    services.device.setNowPlaying(null, null, false);
    const summary = summarizeWorkout(player, durationSec, startedAt);
    patch({ status: 'finished', summary });
    set((s) => ({ history: [summary, ...s.history] }));
    services.log.add(summary).catch((e: unknown) => patch({ error: `The workout log could not be saved: ${e instanceof Error ? e.message : String(e)}` }));
  };

  // What the lock screen shows: the step and the track.
  const showOnDevice = () => {
    const { player } = get();
    const pos = services.player.positionSec() ?? 0;
    const step = player.steps.find((_, i) => player.stepStarts[i] <= pos && pos < player.stepStarts[i + 1]) ?? player.steps[0];
    const seg = player.segments.find((x) => x.startSec <= pos && pos < x.endSec);
    if (!step) return;
    services.device.setNowPlaying(
      { title: `${step.step.name} · ${player.workoutName}`, artist: seg ? `${seg.title} · ${Math.round(seg.bpm)} BPM` : 'Montage', album: 'Montage' },
      { play: () => get().player.status === 'paused' && get().togglePause(), pause: () => get().player.status === 'running' && get().togglePause(), next: () => void get().skipStep(), stop: () => get().stopWorkout() },
      player.status !== 'paused',
    );
  };

  // Builds the program for a workout with the current music choice and settings.
  const build = (workoutId: string, excludeTrackIds: string[] = []) => {
    const workout = get().workouts.find((w) => w.id === workoutId)!;
    const music = musicChoiceFor(get(), workout.id);
    return buildProgram(workout, {
      demoTracks: services.demo.tracks(),
      loadDemo: (trackId) => services.demo.loadBuffer(trackId),
      libraryTracks: musicPool(get().tracks, music.trackIds),
      loadTrack: async (trackId) => {
        const audio = await services.library.getAudio(trackId);
        if (!audio) throw new Error('its audio file is missing');
        return services.decoder.decode(audio);
      },
      maxTempoChangePct: music.maxTempoChangePct,
      lockedTrackIds: music.lockedTrackIds,
      excludeTrackIds,
      settings: get().settings,
    });
  };
  let currentWorkoutId = '';
  const skipped: string[] = [];
  const events = {
    onCue: (cue: { text?: string; stepIndex?: number }) => {
      if (cue.text) {
        if (get().settings.voice) services.speech.speak(cue.text);
        patch({ announcement: cue.text });
      }
      if (cue.stepIndex !== undefined) showOnDevice();
    },
    onFinish: () => finish(true),
    onError: (message: string) => patch({ error: message }),
  };

  return {
    player: IDLE,
    async startWorkout(workoutId) {
      const id = workoutId ?? get().selectedWorkoutId;
      const workout = get().workouts.find((w) => w.id === id);
      if (!workout) return patch({ status: 'error', error: `No workout with id "${id}".` });
      services.player.stop();
      set({ player: { ...IDLE, status: 'loading', workoutName: workout.name } });
      currentWorkoutId = workout.id;
      skipped.length = 0;
      try {
        const built = build(workout.id);
        patch({ steps: built.steps, stepStarts: built.stepStarts, totalSec: built.program.totalSec, segments: built.segments, musicNotes: built.warnings });
        startedAt = services.now();
        await services.player.play(built.program, events);
        patch({ status: 'running' });
        // The demo loops are small: have them all ready so a skip never waits for one to be synthesised.
        for (const s of built.program.segments) if (s.track.loop) void s.track.loadBuffer().catch(() => undefined);
        services.device.keepAwake(get().settings.wakeLock);
        showOnDevice();
      } catch (e) {
        services.player.stop();
        patch({ status: 'error', error: `Could not start "${workout.name}": ${e instanceof Error ? e.message : String(e)}` });
      }
    },
    async skipTrack() {
      const { status, segments } = get().player;
      if (status !== 'running' && status !== 'paused') return;
      const pos = services.player.positionSec() ?? 0;
      const current = segments.find((x) => x.startSec <= pos && pos < x.endSec);
      if (!current) return;
      skipped.push(current.trackId);
      const built = build(currentWorkoutId, skipped);
      patch({ stepStarts: built.stepStarts, totalSec: built.program.totalSec, segments: built.segments });
      await services.player.replace(built.program, pos);
      showOnDevice();
    },
    togglePause() {
      const { status } = get().player;
      if (status === 'running') {
        services.player.pause();
        services.speech.cancel();
        patch({ status: 'paused' });
        showOnDevice();
      } else if (status === 'paused') {
        services.player.resume();
        patch({ status: 'running' });
        showOnDevice();
      }
    },
    async skipStep() {
      const { status, stepStarts } = get().player;
      if (status !== 'running' && status !== 'paused') return;
      const pos = services.player.positionSec() ?? 0;
      const next = stepStarts.find((t) => t > pos + 0.05);
      if (next === undefined || next >= get().player.totalSec) return finish(false);
      await services.player.seek(next);
    },
    stopWorkout() {
      const { status } = get().player;
      if (status === 'running' || status === 'paused') finish(false);
      else {
        services.player.stop();
        set({ player: IDLE });
      }
    },
    history: [],
    async loadHistory() {
      const entries = await services.log.list().catch(() => []);
      set({ history: [...entries].sort((a, b) => b.startedAt - a.startedAt) });
    },
    positionNow: () => services.player.positionSec(),
  };
};
