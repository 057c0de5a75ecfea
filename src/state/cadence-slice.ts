/**
 * Follow my cadence: the runner's steps per minute from the motion sensor (or the simulated one), and the music
 * that follows them once they settle — the player's program spliced from the next downbeat on (core/follow-tempo.ts).
 * "Fixed tempo", the workout's own targets, is the default.
 */
import type { StateCreator } from 'zustand';
import { cadenceToFollow, recentCadence, type CadenceSample } from '../core/cadence-follow';
import { followTempo } from '../core/follow-tempo';
import type { Bpm } from '../core/units';
import type { CadenceSource } from '../device/cadence-sensor';
import type { AppServices } from './services';
import type { AppState } from './create-app-store';
import { cueOptionsOf, musicRequestFor } from './workout-program';

/** The cadence as the screen shows it. */
export interface CadenceState {
  status: 'off' | 'starting' | 'on' | 'failed';
  source: CadenceSource | null;
  /** The latest cadence, steps per minute; null while none is found. */
  spm: number | null;
  /** The tempo the music follows now; null while it plays the workout's own targets. */
  followedBpm: Bpm | null;
  /** Why it is off or failed, in words; null when nothing to say. */
  message: string | null;
}

/** Cadence state and actions. */
export interface CadenceSlice {
  cadence: CadenceState;
  /** Turns "Follow my cadence" on with `source` (call from a tap). */
  followCadence(source: CadenceSource): Promise<void>;
  /** Back to fixed tempo: the sensor stops; the music keeps the tempo it has until the next plan. */
  fixTempo(): void;
}

const OFF: CadenceState = { status: 'off', source: null, spm: null, followedBpm: null, message: null };

/** Creates the cadence slice over the injected sensor. */
export const createCadenceSlice = (services: AppServices): StateCreator<AppState, [], [], CadenceSlice> => (set, get) => {
  const patch = (p: Partial<CadenceState>) => set((s) => ({ cadence: { ...s.cadence, ...p } }));
  let samples: CadenceSample[] = [];
  let followedFor: string | null = null;

  // The music follows a settled cadence while a workout runs (a new workout starts on its own plan).
  const follow = (nowSec: number): void => {
    const { program, phase } = get().player;
    const pos = get().positionNow();
    if (!program || phase.status !== 'running' || pos === null) return;
    const followed = followedFor === program.workoutId + phase.startedAtCtx ? get().cadence.followedBpm : null;
    const bpm = cadenceToFollow(samples, nowSec, followed);
    if (bpm === null) return;
    const workout = get().workouts.find((w) => w.id === program.workoutId);
    if (!workout) return;
    const next = followTempo(program, workout, musicRequestFor(get(), services.demo.tracks(), workout.id), cueOptionsOf(get().settings), pos, bpm);
    if (!next) return;
    get().spliceProgram(next.program, next.fromSec);
    followedFor = program.workoutId + phase.startedAtCtx;
    patch({ followedBpm: bpm });
  };

  return {
    cadence: OFF,
    async followCadence(source) {
      samples = [];
      patch({ status: 'starting', source, spm: null, message: null });
      const started = await services.cadence.start(source, (r) => {
        samples = [...recentCadence(samples, r.tSec), { tSec: r.tSec, spm: r.spm }];
        patch({ spm: r.spm });
        follow(r.tSec);
      });
      if (!started.ok) patch({ status: 'failed', message: started.message });
      else if (get().cadence.status === 'starting') patch({ status: 'on' });
    },
    fixTempo() {
      services.cadence.stop();
      samples = [];
      set({ cadence: OFF });
    },
  };
};
