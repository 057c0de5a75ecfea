/** What the audio engine plays: a program of music segments and cues on the workout clock (seconds from the start). */
import type { BeatGrid } from '../core/track';
import type { CueSound } from './cue-sounds';

/** A track the engine can play; the buffer is loaded only when its segment is near. */
export interface EngineTrack {
  id: string;
  title: string;
  artist: string;
  grid: BeatGrid;
  /** True for short loops (the demo) that repeat for as long as their segment lasts. */
  loop: boolean;
  /** Returns the decoded audio; called at most once per segment, shortly before it plays. */
  loadBuffer(): Promise<AudioBuffer>;
}

/** One stretch of music on the workout clock. */
export interface EngineSegment {
  track: EngineTrack;
  startSec: number;
  endSec: number;
  /** Where in the track to start playing (a downbeat), seconds. */
  trackOffsetSec: number;
  /** 1 = original speed; tempo matching changes it within ±10 % without changing pitch. */
  playbackRate: number;
}

/** A sound (and maybe words) at a time on the workout clock. */
export interface EngineCue {
  timeSec: number;
  sound: CueSound;
  /** Words to say, timed so they start on the cue. */
  text?: string;
  /** Step index this cue announces, for the screen. */
  stepIndex?: number;
}

/** Everything the engine needs to run a workout. */
export interface EngineProgram {
  totalSec: number;
  segments: EngineSegment[];
  /** Returns the cues with timeSec in [fromSec, toSec), sorted by time. */
  cuesBetween(fromSec: number, toSec: number): EngineCue[];
}

/** A cue as the engine placed it, for tests and the screen: workout time and audio-clock time. */
export interface ScheduledCue {
  cue: EngineCue;
  ctxTime: number;
}
