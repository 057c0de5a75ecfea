/**
 * A tempo-matched track for the engine: the stretcher playing a track at a rate other than 1 with its pitch
 * kept, behind a gain that opens on the start time and fades out from the stop time, with the same
 * `start`/`stop` calls as a Tone.Player. The stretcher runs a little ahead of its output (its latency) and would let that
 * much of the track before the start offset through; the gain keeps it silent until the start.
 */
import * as Tone from 'tone';
import { createStretcher, type StretchChange, type Stretcher } from './stretcher';
import stretchModuleUrl from 'signalsmith-stretch?url';
import { moveOut } from './move-out';
import { loopLayoutFrames, repeatedTo } from '../core/stretch-map';

const FADE_IN_SEC = 0.004;

/**
 * Returns `audio` at `sampleRate` Hz by the platform's resampler, or `audio` itself when it already is. The
 * stretcher reads samples at the context's rate (a Tone.Player resamples by itself): the demo loops are made at
 * 44.1 kHz and many phones run at 48 kHz, where they would otherwise play 9 % fast and 1.5 semitones sharp.
 */
async function atRate(audio: AudioBuffer, sampleRate: number): Promise<AudioBuffer> {
  if (audio.sampleRate === sampleRate) return audio;
  const offline = new OfflineAudioContext(audio.numberOfChannels, Math.ceil(audio.duration * sampleRate), sampleRate);
  const source = new AudioBufferSourceNode(offline, { buffer: audio });
  source.connect(offline.destination);
  source.start();
  return offline.startRendering();
}

/** One track at one rate on one context, ready to start; `dispose()` frees the worklet node and its buffers. */
export class StretchedPlayer {
  private readonly gate: Tone.Gain;
  /** The rate of the last change sent (the stop keeps it), and its audio time. */
  private lastRate: number;
  private lastChangeAt = -Infinity;

  private constructor(
    private readonly context: Tone.BaseContext,
    private readonly stretcher: Stretcher,
    rate: number,
    private readonly fadeOutSec: number,
    /** The track's length, seconds. */
    readonly durationSec: number,
  ) {
    this.lastRate = rate;
    this.gate = new Tone.Gain({ context, gain: 0 });
    Tone.connect(stretcher.node, this.gate);
  }

  /**
   * Returns a player of `audio` at `rate` (looping the whole track if `loop`), its stretcher loaded and ready;
   * `take`: `decoded` is the player's alone and its samples move to the stretcher (it is left empty), not copied.
   */
  static async create(context: Tone.BaseContext, decoded: AudioBuffer, options: { rate: number; loop: boolean; fadeOutSec: number; take?: boolean }): Promise<StretchedPlayer> {
    const audio = await atRate(decoded, context.sampleRate);
    // A loop plays the second of two copies, with a second of a third after it (core/stretch-map.ts).
    const length = audio.length;
    const frames = options.loop ? loopLayoutFrames(length, audio.sampleRate) : length;
    // A buffer made here by resampling is this player's own too. A buffer moved out keeps its length and duration.
    const movable = !options.loop && (options.take === true || audio !== decoded);
    const channels = Array.from({ length: audio.numberOfChannels }, (_, c) => {
      const data = audio.getChannelData(c);
      return movable ? moveOut(data) : repeatedTo(data, frames);
    });
    const stretcher = await createStretcher(context, stretchModuleUrl, channels);
    return new StretchedPlayer(context, stretcher, options.rate, options.fadeOutSec, audio.duration);
  }

  /** Sends the output on to `destination`; returns this player. */
  connect(destination: Tone.InputNode): this {
    this.gate.connect(destination);
    return this;
  }

  /**
   * Plays the track along `map` (core/stretch-map.ts `segmentTimeMap`: its first change at audio time `atSec`),
   * behind a gate that opens then.
   */
  start(atSec: number, map: readonly StretchChange[]): void {
    this.stretcher.schedule(map);
    this.lastRate = map[map.length - 1].rate;
    this.lastChangeAt = map[map.length - 1].outputSec;
    this.gate.gain.setValueAtTime(0, atSec);
    this.gate.gain.linearRampToValueAtTime(1, atSec + FADE_IN_SEC);
  }

  /**
   * Fades out over the fade-out time from audio time `atSec`, as a Tone.Player with a fade-out does; when that
   * time is past (pause, seek), from now, and the stretcher drops what was planned after.
   */
  stop(atSec: number): void {
    const now = this.context.currentTime;
    const from = Math.max(atSec, now);
    this.gate.gain.cancelScheduledValues(from);
    this.gate.gain.linearRampTo(0, this.fadeOutSec, from);
    const endsAt = from + this.fadeOutSec;
    // A stop before changes already sent (the music follows a new tempo from here) drops them.
    if (atSec > now) this.stretcher.schedule([{ outputSec: endsAt, inputSec: 0, rate: this.lastRate, active: false, dropLater: endsAt <= this.lastChangeAt }]);
    else this.stretcher.stop();
    this.lastChangeAt = endsAt;
  }

  /** Frees the stretcher and the gain. */
  dispose(): void {
    this.stretcher.dispose();
    this.gate.dispose();
  }
}
