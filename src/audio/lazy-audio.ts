/**
 * The audio services with Tone.js loaded on first use, so the first page load stays small:
 * Tone arrives when the user presses start (which is also when audio may begin).
 */
import { demoTrackInfos } from './demo-catalog';
import type { EngineEvents, LoadTrack } from './engine-types';
import type { DemoLoopCache, DemoStats } from './demo-music';
import type { StreamSink } from './output-route';
import type { Program } from '../core/program';
import type { ContextTime, Seconds } from '../core/units';

type Live = ReturnType<typeof import('./player-service').createLivePlayer>;
type DemoRenderer = ReturnType<typeof import('./demo-music').createDemoRenderer>;

/**
 * Creates the player and demo services over the cache of rendered demo loops, their sound through `sink` while a
 * workout plays; Tone.js is imported when first needed.
 */
export function createLazyAudio(openDemoCache: () => Promise<DemoLoopCache | null>, sink: StreamSink | null = null) {
  let live: Live | null = null;
  let demoRenderer: Promise<DemoRenderer> | null = null;
  let demoReady: DemoRenderer | null = null;
  const renderer = () => (demoRenderer ??= import('./demo-music').then((m) => (demoReady = m.createDemoRenderer(openDemoCache))));
  const loadLive = async () => (live ??= (await import('./player-service')).createLivePlayer(sink));
  const player = {
    async play(program: Program, loadTrack: LoadTrack, fromSec: Seconds, events: EngineEvents, voiceOn?: () => boolean): Promise<ContextTime> {
      return (await loadLive()).play(program, loadTrack, fromSec, events, voiceOn);
    },
    pause: () => live?.pause() ?? null,
    resume: () => live?.resume() ?? null,
    seek: async (positionSec: Seconds) => (await live?.seek(positionSec)) ?? null,
    replace: async (program: Program, positionSec: Seconds) => (await live?.replace(program, positionSec)) ?? null,
    splice: (program: Program, fromSec: number) => live?.splice(program, fromSec),
    stop: () => live?.stop(),
    now: () => live?.now() ?? null,
    /** The running engine, for tests and the console. */
    engine: () => live?.current() ?? null,
    /** Where the sound goes ('stream': through the media element), the live context, the engine's clock source (tests). */
    output: () => live?.output() ?? 'direct',
    context: () => live?.context() ?? null,
    setClockSource: async (source: 'worker' | 'timeout') => (await loadLive()).setClockSource(source),
  };
  const demo = {
    tracks: demoTrackInfos,
    async loadBuffer(trackId: string) {
      return (await renderer()).load(trackId);
    },
    /** Where this page's loops came from so far (zeros before the demo music was first needed). */
    stats: (): DemoStats => demoReady?.stats() ?? { rendered: 0, fromCache: 0, notKept: 0 },
  };
  const decoder = {
    /** Decodes stored audio for playback on Tone's context (sample rate of the output device). */
    async decode(audio: Blob): Promise<AudioBuffer> {
      const Tone = await import('tone');
      return Tone.getContext().decodeAudioData(await audio.arrayBuffer());
    },
  };
  return { player, demo, decoder };
}

/** A stored track as the preview needs it: its audio and its beat grid; null when it is gone. */
export type PreviewSource = (trackId: string) => Promise<{ audio: Blob; grid: import('../core/beat-grid').BeatGrid } | null>;

/** Creates the beat-click preview service; Tone.js is imported on the first preview. */
export function createLazyPreview(load: PreviewSource) {
  let preview: import('./preview-player').PreviewPlayer | null = null;
  return {
    async play(trackId: string, fromSec: number, onEnd?: () => void): Promise<() => void> {
      const [Tone, { PreviewPlayer }, source] = await Promise.all([import('tone'), import('./preview-player'), load(trackId)]);
      if (!source) throw new Error('its audio is missing: import it again');
      await Tone.start();
      preview ??= new PreviewPlayer(Tone.getContext());
      return preview.play(trackId, source.audio, source.grid, fromSec, onEnd);
    },
    stop: () => preview?.stop(),
    /** What the last preview played: its start and every click's time (tests check them against the grid). */
    last: () => preview?.last() ?? null,
  };
}
