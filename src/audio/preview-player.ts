/**
 * Beat-click preview: plays a track from a position with a click on every beat of its stored grid
 * (a higher one on the downbeat), so the user hears whether the grid is right. Clicks are placed at
 * exact audio-clock times computed from the grid, a lookahead window ahead, from a Tone.Clock whose
 * callback receives the tick's audio time. Takes its context as a parameter; `stop()` frees every node.
 */
import * as Tone from 'tone';
import { beatsBetween, type BeatGrid } from '../core/beat-grid';
import { renderCueSound } from './cue-sounds';

/** One click of a preview: where it falls in the track and on the audio clock, seconds. */
export interface PreviewClick {
  trackSec: number;
  ctxTime: number;
  /** True on a downbeat. */
  accent: boolean;
}

/** What the last preview played (tests read it through `window.montage.lastPreview()`). */
export interface PreviewInfo {
  trackId: string;
  /** Where in the track it started, seconds. */
  fromSec: number;
  /** Audio-clock time at which track second `fromSec` sounds. */
  startCtxTime: number;
  status: 'playing' | 'stopped';
  grid: BeatGrid;
  /** Every click placed so far, in time order. */
  clicks: PreviewClick[];
}

const START_DELAY_SEC = 0.1;
const LOOKAHEAD_SEC = 0.3;
const TICK_HZ = 10;

/** Returns the beats of `grid` in [fromSec, toSec) as track seconds, marking downbeats; none before the first beat. */
export function gridClicks(grid: BeatGrid, fromSec: number, toSec: number): { trackSec: number; accent: boolean }[] {
  return beatsBetween(grid, Math.max(fromSec, grid.firstBeatSec - 1e-6), toSec).map((b) => ({ trackSec: b.timeSec, accent: b.isDownbeat }));
}

/** Plays one preview at a time on `context`. */
export class PreviewPlayer {
  private stopCurrent: (() => void) | null = null;
  private generation = 0;
  private info: PreviewInfo | null = null;

  constructor(private readonly context: Tone.BaseContext) {}

  /** Returns a copy of what the last preview played, or null before the first. */
  last(): PreviewInfo | null {
    return this.info && { ...this.info, clicks: [...this.info.clicks] };
  }

  /** Decodes `audio` and plays it from `fromSec` with grid clicks; resolves with a disposer for this preview only. */
  async play(trackId: string, audio: Blob, grid: BeatGrid, fromSec: number, onEnd?: () => void): Promise<() => void> {
    this.stop();
    const generation = ++this.generation;
    const decoded = await this.context.decodeAudioData(await audio.arrayBuffer());
    // Another preview (or a stop) came while this one decoded: it never starts.
    if (generation !== this.generation) return () => undefined;
    const stop = this.start(trackId, decoded, grid, Math.min(Math.max(0, fromSec), decoded.duration), onEnd);
    this.stopCurrent = stop;
    return () => {
      if (this.stopCurrent === stop) this.stop();
    };
  }

  /** Stops the preview that plays, if any, and frees its nodes. */
  stop(): void {
    this.generation++;
    const stop = this.stopCurrent;
    this.stopCurrent = null;
    stop?.();
  }

  private start(trackId: string, decoded: AudioBuffer, grid: BeatGrid, fromSec: number, onEnd?: () => void): () => void {
    const context = this.context;
    const bus = new Tone.Gain({ context }).connect(context.destination);
    const player = new Tone.Player({ context, url: new Tone.ToneAudioBuffer(decoded), fadeIn: 0.005, fadeOut: 0.02 }).connect(bus);
    const sounds = { click: this.clickBuffer('click'), accent: this.clickBuffer('accent') };
    const sources = new Set<Tone.ToneBufferSource>();
    const startCtxTime = context.currentTime + START_DELAY_SEC;
    const info: PreviewInfo = { trackId, fromSec, startCtxTime, status: 'playing', grid, clicks: [] };
    this.info = info;
    let scheduledUntilSec = fromSec;

    // Places the clicks of the track up to audio time `untilCtxTime`, each at its exact time on the grid.
    const schedule = (untilCtxTime: number) => {
      const untilSec = Math.min(decoded.duration, fromSec + (untilCtxTime - startCtxTime));
      for (const click of gridClicks(grid, scheduledUntilSec, untilSec)) {
        const ctxTime = startCtxTime + (click.trackSec - fromSec);
        const source = new Tone.ToneBufferSource({ context, url: click.accent ? sounds.accent : sounds.click }).connect(bus);
        source.onended = () => {
          sources.delete(source);
          source.dispose();
        };
        sources.add(source);
        source.start(ctxTime);
        info.clicks.push({ trackSec: click.trackSec, ctxTime, accent: click.accent });
      }
      scheduledUntilSec = Math.max(scheduledUntilSec, untilSec);
    };
    const clock = new Tone.Clock({ context, frequency: TICK_HZ, callback: (time: number) => schedule(time + LOOKAHEAD_SEC) });

    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      info.status = 'stopped';
      clock.dispose();
      for (const source of sources) source.dispose();
      sources.clear();
      player.onstop = () => undefined;
      player.dispose();
      bus.dispose();
      sounds.click.dispose();
      sounds.accent.dispose();
      onEnd?.();
    };
    // The track played to its end: the preview is over.
    player.onstop = () => {
      if (this.stopCurrent === stop) this.stop();
      else stop();
    };
    schedule(startCtxTime + LOOKAHEAD_SEC);
    player.start(startCtxTime, fromSec);
    clock.start(startCtxTime);
    return stop;
  }

  private clickBuffer(sound: 'click' | 'accent'): Tone.ToneAudioBuffer {
    const samples = renderCueSound(sound, this.context.sampleRate);
    const buffer = this.context.createBuffer(1, samples.length, this.context.sampleRate);
    buffer.copyToChannel(samples, 0);
    return new Tone.ToneAudioBuffer(buffer);
  }
}
