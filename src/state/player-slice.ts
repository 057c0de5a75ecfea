/** The workout player: starts a workout on the audio engine and mirrors its phase for the screen. */
import type { StateCreator } from 'zustand';
import type { TimelineStep } from '../core/workout';
import type { WorkoutSummary } from '../core/workout-log';
import type { AppServices } from './services';
import type { AppState } from './create-app-store';
import { buildProgram, type ProgramSegmentInfo } from './build-program';

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
  stopWorkout(): void;
  /** Workout seconds elapsed now, by the audio clock (read it in an animation frame, not in render). */
  positionNow(): number | null;
}

const IDLE: PlayerView = { status: 'idle', workoutName: '', steps: [], stepStarts: [], totalSec: 0, segments: [], announcement: null, error: null, summary: null };

/** Creates the player slice over the injected services. */
export const createPlayerSlice = (services: AppServices): StateCreator<AppState, [], [], PlayerSlice> => (set, get) => {
  const patch = (p: Partial<PlayerView>) => set((s) => ({ player: { ...s.player, ...p } }));
  let startedAt = 0;

  const finish = (completed: boolean) => {
    const { player } = get();
    const position = services.player.positionSec() ?? 0;
    const durationSec = completed ? player.totalSec : Math.min(position, player.totalSec);
    const stepsDone = player.stepStarts.filter((t, i) => i < player.steps.length && player.stepStarts[i + 1] <= durationSec + 0.01).length;
    const played = player.segments.filter((s) => s.startSec < durationSec);
    const musicSec = played.reduce((sum, s) => sum + Math.min(s.endSec, durationSec) - s.startSec, 0);
    const avg = musicSec > 0 ? played.reduce((sum, s) => sum + s.bpm * (Math.min(s.endSec, durationSec) - s.startSec), 0) / musicSec : 0;
    services.player.stop();
    services.speech.cancel();
    patch({
      status: 'finished',
      summary: {
        workoutName: player.workoutName,
        startedAt,
        durationSec,
        stepsDone,
        stepsTotal: player.steps.length,
        tracksPlayed: [...new Set(played.map((s) => s.title))],
        avgMusicBpm: Math.round(avg * 10) / 10,
      },
    });
  };

  return {
    player: IDLE,
    async startWorkout(workoutId) {
      const id = workoutId ?? get().selectedWorkoutId;
      const workout = get().workouts.find((w) => w.id === id);
      if (!workout) return patch({ status: 'error', error: `No workout with id "${id}".` });
      services.player.stop();
      set({ player: { ...IDLE, status: 'loading', workoutName: workout.name } });
      try {
        const built = buildProgram(workout, {
          demoTracks: services.demo.tracks(),
          loadDemo: (trackId) => services.demo.loadBuffer(trackId),
          libraryTracks: get().tracks,
          loadTrack: async (trackId) => {
            const audio = await services.library.getAudio(trackId);
            if (!audio) throw new Error('its audio file is missing');
            return services.decoder.decode(audio);
          },
          maxTempoChangePct: 0,
        });
        patch({ steps: built.steps, stepStarts: built.stepStarts, totalSec: built.program.totalSec, segments: built.segments });
        startedAt = services.now();
        await services.player.play(built.program, {
          onCue: (cue) => {
            if (cue.text) {
              services.speech.speak(cue.text);
              patch({ announcement: cue.text });
            }
          },
          onFinish: () => finish(true),
          onError: (message) => patch({ error: message }),
        });
        patch({ status: 'running' });
      } catch (e) {
        services.player.stop();
        patch({ status: 'error', error: `Could not start "${workout.name}": ${e instanceof Error ? e.message : String(e)}` });
      }
    },
    togglePause() {
      const { status } = get().player;
      if (status === 'running') {
        services.player.pause();
        services.speech.cancel();
        patch({ status: 'paused' });
      } else if (status === 'paused') {
        services.player.resume();
        patch({ status: 'running' });
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
    positionNow: () => services.player.positionSec(),
  };
};
