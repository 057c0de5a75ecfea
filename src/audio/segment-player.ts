/**
 * The player of one program segment: a Tone.Player at rate 1, or the pitch-keeping stretcher when the segment is
 * tempo-matched or its tempo moves (a build) — and its start at an exact audio time with the segment's tempo map.
 */
import * as Tone from 'tone';
import { StretchedPlayer } from './stretched-player';
import type { ProgramSegment } from '../core/program';
import { ratePointsFrom, trackSecAt } from '../core/tempo-map';

/** What plays a segment. */
export type SegmentPlayer = Tone.Player | StretchedPlayer;

/** Returns the player for `segment` of the decoded `audio` on `context`, fading out over `fadeSec`. */
export async function createSegmentPlayer(context: Tone.BaseContext, segment: ProgramSegment, audio: AudioBuffer, fadeSec: number): Promise<SegmentPlayer> {
  const stretched = Math.abs(segment.playbackRate - 1) > 1e-3 || segment.tempoMap !== null;
  // Tempo matching keeps the pitch and the drums: the stretcher (`npm run bench` compares it with GrainPlayer).
  return stretched
    ? StretchedPlayer.create(context, audio, { rate: segment.playbackRate, loop: segment.loop, fadeOutSec: fadeSec })
    : new Tone.Player({ context, url: new Tone.ToneAudioBuffer(audio), loop: segment.loop, fadeIn: 0.004, fadeOut: fadeSec });
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
  let offset = trackSecAt(segment, start.fromSec);
  if (segment.loop && start.lengthSec > 0) offset %= start.lengthSec;
  const toCtx = (workoutSec: number): number => start.atCtx + (workoutSec - start.fromSec);
  const stopsSec = segment.endSec + start.crossfadeSec;
  if (player instanceof StretchedPlayer) {
    const changes = ratePointsFrom(segment, start.fromSec).filter((p) => p.atSec < stopsSec).map((p) => ({ ...p, atSec: toCtx(p.atSec) }));
    player.start(start.atCtx, offset, changes);
  } else player.start(start.atCtx, offset);
  player.stop(toCtx(stopsSec));
  return offset;
}
