/**
 * The player of one program segment: a Tone.Player at rate 1, or the pitch-keeping stretcher when the segment is
 * tempo-matched or its tempo moves (a build) — and its start at an exact audio time with the segment's tempo map.
 */
import * as Tone from 'tone';
import { StretchedPlayer } from './stretched-player';
import type { ProgramSegment } from '../core/program';
import { trackSecAt } from '../core/tempo-map';
import { isStretched, segmentTimeMap } from '../core/stretch-map';
import type { LoadTrack } from './engine-types';
import { loopedTrackSec } from '../core/tail-loop';

/** What plays a segment. */
export type SegmentPlayer = Tone.Player | StretchedPlayer;

/**
 * Returns the player for `segment` of the decoded `audio` on `context`, fading out over `fadeSec`; `owned`: `audio`
 * is this player's alone, and a stretcher may take its samples (it is left empty) instead of copying them.
 */
export async function createSegmentPlayer(context: Tone.BaseContext, segment: ProgramSegment, audio: AudioBuffer, fadeSec: number, owned = false): Promise<SegmentPlayer> {
  // Tempo matching keeps the pitch and the drums: the stretcher (`npm run bench` compares it with GrainPlayer).
  return isStretched(segment)
    ? StretchedPlayer.create(context, audio, { rate: segment.playbackRate, loop: segment.loop, fadeOutSec: fadeSec, take: owned })
    : new Tone.Player({ context, url: new Tone.ToneAudioBuffer(audio), loop: segment.loop, fadeIn: 0.004, fadeOut: fadeSec });
}

/** A segment of the program in the engine: its player once loaded. */
export interface LiveSegment {
  segment: ProgramSegment;
  /** A Tone.Player at rate 1; tempo-matched, the pitch-keeping stretcher. */
  player: SegmentPlayer | null;
  /** The track's length, seconds (0 until loaded). */
  lengthSec: number;
  state: 'loading' | 'ready' | 'failed';
  /** True once the player is started for the current run (cleared by pause and seek). */
  started: boolean;
  /** Settles when loading ends, ready or failed. */
  loaded: Promise<void>;
}

/** What loading a segment needs from the engine. */
export interface SegmentLoad {
  context: Tone.BaseContext;
  loadTrack: LoadTrack;
  fadeSec: number;
  output: Tone.InputNode;
  /** Each loaded track is used by this segment only (createSegmentPlayer's `owned`). */
  ownsTracks?: boolean;
  /** False once the engine has dropped the segment (a new program, a seek): the player is freed, not kept. */
  isCurrent(): boolean;
  onError?: (message: string) => void;
}

/** Loads and decodes `live`'s track and makes its player, connected to the output; a failure is reported, not thrown. */
export async function loadLiveSegment(live: LiveSegment, load: SegmentLoad): Promise<void> {
  const segment = live.segment;
  try {
    const audio = await load.loadTrack(segment.trackId);
    if (!load.isCurrent()) return;
    const player = await createSegmentPlayer(load.context, segment, audio, load.fadeSec, load.ownsTracks);
    if (!load.isCurrent()) {
      player.dispose();
      return;
    }
    live.player = player.connect(load.output);
    live.lengthSec = audio.duration;
    live.state = 'ready';
  } catch (e) {
    live.state = 'failed';
    load.onError?.(`Could not play "${segment.title}": ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Where and how a segment starts: workout time `fromSec` plays at audio time `atCtx`. */
export interface SegmentStart {
  fromSec: number;
  atCtx: number;
  /** The decoded track's length, seconds (a loop wraps at it). */
  lengthSec: number;
  crossfadeSec: number;
}

/**
 * Starts `player` so that workout time `fromSec` of `segment` sounds at `atCtx`, with the rest of its tempo map,
 * and fades it out from the segment's end; returns the track offset it starts from, seconds.
 */
export function startSegment(player: SegmentPlayer, segment: ProgramSegment, start: SegmentStart): number {
  // A track that runs out before the segment ends repeats its last bar (tail-loop.ts).
  const tail = segment.tailLoop;
  let offset = loopedTrackSec(tail, trackSecAt(segment, start.fromSec));
  if (segment.loop && start.lengthSec > 0) offset %= start.lengthSec;
  const toCtx = (workoutSec: number): number => start.atCtx + (workoutSec - start.fromSec);
  const stopsSec = segment.endSec + start.crossfadeSec;
  if (player instanceof StretchedPlayer) {
    player.start(start.atCtx, segmentTimeMap(segment, start.fromSec, start.atCtx, start.lengthSec, start.crossfadeSec));
  } else {
    if (tail) {
      player.loopStart = tail.startSec;
      player.loopEnd = tail.endSec;
      player.loop = true;
    }
    player.start(start.atCtx, offset);
  }
  player.stop(toCtx(stopsSec));
  return offset;
}
