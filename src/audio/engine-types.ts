/** What the audio engine is given besides the program: how to load a track's audio, and what it reports back. */
import type { Cue } from '../core/cue-plan';
import type { ContextTime } from '../core/units';

/** Returns the decoded audio of a track by id; called at most once per segment, shortly before it plays. */
export type LoadTrack = (trackId: string) => Promise<AudioBuffer>;

/** What the engine reports while it plays. */
export interface EngineEvents {
  /** Called on every scheduling tick of the audio clock (about 20 times a second, also in a hidden tab). */
  onTick?: () => void;
  /** Called when a track fails to load; the workout goes on with the cues. */
  onError?: (message: string) => void;
}

/** A cue as the engine placed it, for tests and the screen: the cue and its audio-clock time. */
export interface ScheduledCue {
  cue: Cue;
  ctxTime: ContextTime;
}
