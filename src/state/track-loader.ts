/** The decoded audio of a program's track, for the player and the audio export: a demo loop, or a stored track decoded. */
import type { AppServices } from './services';
import type { LoadTrack } from '../audio/engine-types';

/** Returns the loader of tracks by id: the demo loops by their ids, the library's tracks from storage. */
export const trackLoader = (services: Pick<AppServices, 'demo' | 'library' | 'decoder'>): LoadTrack => async (trackId) => {
  if (services.demo.tracks().some((d) => d.id === trackId)) return services.demo.loadBuffer(trackId);
  const audio = await services.library.getAudio(trackId);
  if (!audio) throw new Error('its audio file is missing');
  return services.decoder.decode(audio);
};
