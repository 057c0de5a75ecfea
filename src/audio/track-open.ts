/** Opens tracks for the export from a loader of whole decoded tracks (the demo loops, tests, the bench). */
import { wholeReader, type OpenTrack, type TrackReader } from '../core/track-reader';
import type { LoadTrack } from './engine-types';

/** Returns a reader over a decoded AudioBuffer. */
export const bufferReader = (buffer: AudioBuffer): TrackReader =>
  wholeReader(buffer.sampleRate, Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c)));

/** Returns an opener that loads each track whole. */
export const openLoaded = (load: LoadTrack): OpenTrack => async (trackId) => bufferReader(await load(trackId));
