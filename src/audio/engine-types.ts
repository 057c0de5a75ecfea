/** What the audio engine is given besides the program: how to load a track's audio, and what it reports back. */
import type { Cue } from '../core/cue-plan';
import type { ContextTime, Seconds } from '../core/units';

/** Returns the decoded audio of a track by id; called at most once per segment, shortly before it plays. */
export type LoadTrack = (trackId: string) => Promise<AudioBuffer>;

/** The audio clock's state as the browser reports it ('interrupted': iOS took the audio for a call or another app). */
export type AudioClockState = 'running' | 'suspended' | 'interrupted' | 'closed';

/** What the engine reports while it plays. */
export interface EngineEvents {
  /** Called by the live player when the audio clock stops under a workout or runs again (not offline). */
  onAudioState?: (state: AudioClockState) => void;
  /** Called on every scheduling tick of the audio clock (about 20 times a second, also in a hidden tab). */
  onTick?: () => void;
  /** Called when a track fails to load; the workout goes on with the cues. */
  onError?: (message: string) => void;
}

/** A cue as the engine placed it, for tests and the screen: the cue, its audio-clock time and when it was placed. */
export interface ScheduledCue {
  cue: Cue;
  ctxTime: ContextTime;
  /** The audio clock when the engine placed it (before `ctxTime` unless the engine fell behind). */
  placedAtCtx: ContextTime;
}

/** A track start as the engine placed it: which segment, from which workout second, at which audio time, placed when. */
export interface ScheduledStart {
  segmentIndex: number;
  trackId: string;
  /** The workout position the track starts playing from (the segment's start, or later after a resume or skip). */
  fromSec: Seconds;
  ctxTime: ContextTime;
  /** The second of the track (of the loop, for a looped track) that sounds at `ctxTime`. */
  offsetSec: number;
  placedAtCtx: ContextTime;
}
