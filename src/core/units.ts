/** Units used across Montage. Plain numbers with names; the two clocks are branded so they cannot be mixed. */

/** A duration or position in seconds. */
export type Seconds = number;
/** A count of beats (may be fractional). */
export type Beats = number;
/** Tempo in beats per minute. */
export type Bpm = number;

declare const contextTimeBrand: unique symbol;
declare const trackTimeBrand: unique symbol;

/** A time on the audio context's clock (seconds since the context started). */
export type ContextTime = number & { readonly [contextTimeBrand]: true };
/** A position inside a track's audio (seconds from the start of the file). */
export type TrackTime = number & { readonly [trackTimeBrand]: true };

/** Returns `seconds` marked as a time on the audio context's clock. */
export const contextTime = (seconds: number): ContextTime => seconds as ContextTime;
/** Returns `seconds` marked as a position inside a track. */
export const trackTime = (seconds: number): TrackTime => seconds as TrackTime;

/** Returns the length of one beat in seconds at `bpm`. */
export const beatSeconds = (bpm: Bpm): Seconds => 60 / bpm;
