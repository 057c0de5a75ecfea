/**
 * A track read stretch by stretch: the audio export asks each piece's part of a track only, so a decoder that
 * can decode part of a file (an MP3, run by run: workers/track-file-reader.ts) never holds the whole decoded
 * track. The shape only; the readers live with their decoders.
 */

/** A decoded track as far as it is read: its shape, and the frames [from, to) as one array per channel. */
export interface TrackReader {
  readonly sampleRate: number;
  readonly channels: number;
  /** Frames per channel. */
  readonly length: number;
  /**
   * Resolves with `to - from` frames per channel: written into `into` (one array per channel, at least that long)
   * when given, so the caller's buffer is the only copy; otherwise views that must not be kept (copy what is needed).
   */
  read(from: number, to: number, into?: Float32Array[]): Promise<Float32Array[]>;
  /** Lets go of what the reader holds beyond its frames (a stretcher); it is not read again. */
  close?(): void;
}

/** Returns `views` copied into `into` (and `into` itself) when a reader is given arrays to fill; `views` otherwise. */
export function deliverInto(views: Float32Array[], into: Float32Array[] | undefined): Float32Array[] {
  if (!into) return views;
  views.forEach((v, c) => into[c].set(v));
  return into;
}

/** Opens a track of the program by its id. */
export type OpenTrack = (trackId: string) => Promise<TrackReader>;

/** A reader over channels already decoded whole. */
export function wholeReader(sampleRate: number, channels: readonly Float32Array<ArrayBuffer>[]): TrackReader {
  const length = channels[0]?.length ?? 0;
  return {
    sampleRate,
    channels: channels.length,
    length,
    read: async (from, to, into) => deliverInto(channels.map((c) => c.subarray(Math.max(0, from), Math.min(length, to))), into),
  };
}
