/** The decoded audio of a program's track, for the player and the audio export: a demo loop, or a stored track decoded. */
import type { AppServices } from './services';
import type { LoadTrack } from '../audio/engine-types';
import { wholeReader, type OpenTrack } from '../core/track-reader';

/** Returns the loader of tracks by id: the demo loops by their ids, the library's tracks from storage. */
export const trackLoader = (services: Pick<AppServices, 'demo' | 'library' | 'decoder'>): LoadTrack => async (trackId) => {
  if (services.demo.tracks().some((d) => d.id === trackId)) return services.demo.loadBuffer(trackId);
  const audio = await services.library.getAudio(trackId);
  if (!audio) throw new Error('its audio file is missing');
  return services.decoder.decode(audio);
};

/**
 * Returns the opener of tracks by id for the export: the demo loops whole, the library's tracks read a stretch at
 * a time (never decoded whole where the decoder can help it).
 */
export const trackOpener = (services: Pick<AppServices, 'demo' | 'library' | 'decoder'>): OpenTrack => async (trackId) => {
  if (services.demo.tracks().some((d) => d.id === trackId)) {
    const buffer = await services.demo.loadBuffer(trackId);
    return wholeReader(buffer.sampleRate, Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c)));
  }
  const audio = await services.library.getAudio(trackId);
  if (!audio) throw new Error('its audio file is missing');
  return services.decoder.open(audio);
};
