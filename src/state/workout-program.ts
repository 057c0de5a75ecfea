/**
 * The program of a workout as the store plans it: the workout's music choice, the library, the demo loops and
 * the cue settings go into the one planner in core. The player, the Music plan screen and offline rendering
 * all get their program here, so what the screen shows is what plays.
 */
import type { Workout } from '../core/workout';
import type { PoolTrack } from '../core/music-pool';
import type { CueOptions } from '../core/cue-plan';
import type { PlayerSettings } from '../core/player-settings';
import { planWorkout, type MusicRequest, type Program } from '../core/program';
import type { AppState } from './create-app-store';
import { musicChoiceFor, musicPool } from './music-choice';

/** Returns the cue options of the player settings. */
export const cueOptionsOf = (settings: PlayerSettings): CueOptions => ({
  quantize: settings.quantize,
  countdownBeats: settings.countdownBeats,
  metronome: settings.metronome,
  audioOnly: settings.audioOnly,
});

/** Returns the music a workout draws from now: its playlist (or the whole library), pins, tempo change, skipped tracks. */
export function musicRequestFor(state: AppState, demo: readonly PoolTrack[], workoutId: string, excludeTrackIds: readonly string[] = []): MusicRequest {
  const choice = musicChoiceFor(state, workoutId);
  return {
    library: musicPool(state.tracks, choice.trackIds),
    demo,
    lockedTrackIds: choice.lockedTrackIds,
    maxTempoChangePct: choice.maxTempoChangePct,
    excludeTrackIds,
  };
}

/** Returns the program `workout` plays now, with the stored music choice and the player settings. */
export const programFor = (state: AppState, demo: readonly PoolTrack[], workout: Workout): Program =>
  planWorkout(workout, musicRequestFor(state, demo, workout.id), cueOptionsOf(state.settings));
