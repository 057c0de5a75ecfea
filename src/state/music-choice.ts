/** A workout's music choice as the store resolves it: the tracks of its playlist (or the whole library), pins and tempo change. */
import type { TrackRecord } from '../core/track';
import { defaultMusicChoice } from '../core/music-choice';
import { playlistTracks } from '../core/smart-playlist';
import type { AppState } from './create-app-store';

/** Returns a workout's music: the tracks of its playlist in order (null = the whole library), pins and tempo change. */
export function musicChoiceFor(state: Pick<AppState, 'musicChoices' | 'playlists' | 'tracks'>, workoutId: string) {
  const choice = state.musicChoices[workoutId] ?? defaultMusicChoice(workoutId);
  const playlist = choice.playlistId === null ? undefined : state.playlists.find((p) => p.id === choice.playlistId);
  const trackIds = playlist ? playlistTracks(playlist, state.tracks).map((t) => t.id) : null;
  return { trackIds, lockedTrackIds: choice.lockedTrackIds, maxTempoChangePct: choice.maxTempoChangePct };
}

/** Returns the library tracks a workout draws from: those of `trackIds` in its order, or every track when null. */
export function musicPool(tracks: readonly TrackRecord[], trackIds: readonly string[] | null): TrackRecord[] {
  if (trackIds === null) return [...tracks];
  const byId = new Map(tracks.map((t) => [t.id, t]));
  return trackIds.flatMap((id) => byId.get(id) ?? []);
}

