/**
 * Sounds cues at exact audio-clock times and ducks the music under them. Owned by the engine;
 * every source it starts can be cancelled (pause, seek) and `dispose()` frees its buffers.
 */
import * as Tone from 'tone';
import { renderCueSound } from './cue-sounds';
import type { Cue, CueSound } from '../core/cue-plan';
import { DUCK_RELEASE_SEC, wordsHoldSec, type SpokenWords } from '../core/voice-slots';

const SOUNDS: CueSound[] = ['work', 'rest', 'finish', 'start', 'tick', 'click', 'accent'];
const DUCK_GAIN = 0.55;

/** Plays cue sounds into `output` and lowers `musicGain` (if given) while they and their words sound. */
export class CuePlayer {
  private readonly buffers = new Map<CueSound, Tone.ToneAudioBuffer>();
  /** Cue sounds not yet finished, with the audio time each starts. */
  private readonly active = new Map<Tone.ToneBufferSource, number>();

  constructor(
    private readonly context: Tone.BaseContext,
    private readonly output: Tone.ToneAudioNode,
    private readonly musicGain: Tone.Param<'gain'> | null,
    /**
     * How long each cue's words are heard (voice-slots.ts): the browser's voice is estimated, an export's known;
     * read at each cue when a function (the voice may be turned off mid-workout: the music then ducks under the chimes only).
     */
    private readonly spoken: SpokenWords | (() => SpokenWords) = { kind: 'estimated' },
  ) {
    for (const sound of SOUNDS) {
      const samples = renderCueSound(sound, context.sampleRate);
      const buffer = context.createBuffer(1, samples.length, context.sampleRate);
      buffer.copyToChannel(samples, 0);
      this.buffers.set(sound, new Tone.ToneAudioBuffer(buffer));
    }
  }

  /** Starts `cue`'s sound at `ctxTime` (seconds on the audio clock) and ducks the music under it. */
  play(cue: Cue, ctxTime: number): void {
    const buffer = this.buffers.get(cue.sound)!;
    const source = new Tone.ToneBufferSource({ context: this.context, url: buffer }).connect(this.output);
    source.onended = () => {
      this.active.delete(source);
      source.dispose();
    };
    this.active.set(source, ctxTime);
    source.start(ctxTime);
    // The music ducks under the chime and, when there are words, while they are said.
    const text = 'text' in cue ? cue.text : undefined;
    if (cue.kind === 'step-start' || cue.kind === 'finish') this.duck(ctxTime, Math.max(0.6 * buffer.duration, wordsHoldSec({ timeSec: cue.timeSec, text }, typeof this.spoken === 'function' ? this.spoken() : this.spoken)));
  }

  /** Stops every cue that has not finished (a pause or a jump), and the music's ducks placed for them. */
  cancel(now: number): void {
    for (const source of this.active.keys()) source.stop(now);
    this.active.clear();
    // A hidden page places a minute and more of cues, each with its duck: none of them may outlive the cues.
    this.musicGain?.cancelScheduledValues(now);
    this.musicGain?.setValueAtTime(1, now);
  }

  /** Silences the cues placed to start at or after audio time `atCtx` (the plan changed from there); those before play on. */
  cancelFrom(atCtx: number): void {
    for (const [source, startCtx] of this.active) {
      if (startCtx < atCtx - 1e-6) continue;
      source.stop(Math.max(this.context.currentTime, startCtx));
      this.active.delete(source);
    }
    // The ducks of cues still to come are placed again with them.
    this.musicGain?.cancelScheduledValues(atCtx - 0.03);
    this.musicGain?.setValueAtTime(1, Math.max(this.context.currentTime, atCtx - 0.03));
  }

  /** Frees the buffers. */
  dispose(): void {
    this.cancel(0);
    for (const b of this.buffers.values()) b.dispose();
  }

  /** Lowers the music from just before `ctxTime`, holds it `holdSec`, and brings it back up. */
  private duck(ctxTime: number, holdSec: number): void {
    const gain = this.musicGain;
    if (!gain) return;
    gain.setValueAtTime(1, ctxTime - 0.03);
    gain.linearRampToValueAtTime(DUCK_GAIN, ctxTime);
    gain.setValueAtTime(DUCK_GAIN, ctxTime + holdSec);
    gain.linearRampToValueAtTime(1, ctxTime + holdSec + DUCK_RELEASE_SEC);
  }
}
