/**
 * The live player: one WorkoutEngine at a time on Tone's real-time context, its sound routed through the media
 * element sink while it plays. A hidden page places its sounds a minute and more ahead (its timers may wake once a
 * minute); a context that stops under the workout is reported, so the store can hold the workout where it was.
 */
import * as Tone from 'tone';
import { WorkoutEngine } from './engine';
import { createOutputRoute, type OutputRoute, type OutputStatus, type StreamSink } from './output-route';
import { scheduleAheadFor, type PageVisibility } from '../core/schedule-ahead';
import type { Program } from '../core/program';
import { contextTime, type ContextTime, type Seconds } from '../core/units';
import type { AudioClockState, EngineEvents, LoadTrack } from './engine-types';
import type { SpokenWords } from '../core/voice-slots';

/** Delay between a start and the first sound, seconds: time to place the first cues. */
const START_DELAY_SEC = 0.15;

const visibility = (): PageVisibility => (document.visibilityState === 'hidden' ? 'hidden' : 'visible');

/** Creates the live player service; its sound goes through `sink` while a workout plays (null: straight out). */
export function createLivePlayer(sink: StreamSink | null = null) {
  let engine: WorkoutEngine | null = null;
  let events: EngineEvents = {};
  let route: OutputRoute | null = null;
  let watching = false;
  const dispose = () => {
    engine?.dispose();
    engine = null;
    route?.stop();
  };
  // Installed once, on the first workout (Tone's context exists from then on).
  const watch = (raw: BaseAudioContext) => {
    if (watching) return;
    watching = true;
    document.addEventListener('visibilitychange', () => engine?.setScheduleAhead(scheduleAheadFor(visibility())));
    raw.addEventListener('statechange', () => {
      if (engine) events.onAudioState?.(raw.state as AudioClockState);
    });
  };
  return {
    /**
     * Unlocks audio, loads the first music and starts at `fromSec`; resolves with the audio time that position plays.
     * `voiceOn`: whether the cues' words are spoken now (the music ducks under them only then).
     */
    async play(program: Program, loadTrack: LoadTrack, fromSec: Seconds, playerEvents: EngineEvents, voiceOn: () => boolean = () => true): Promise<ContextTime> {
      dispose();
      await Tone.start();
      const context = Tone.getContext();
      watch(context.rawContext);
      route ??= createOutputRoute(context, sink);
      // Still inside the user's gesture: the media element may start playing now.
      const routed = route.start();
      context.transport.cancel(0);
      context.transport.stop();
      context.transport.seconds = 0;
      events = playerEvents;
      engine = new WorkoutEngine(context, { ...events, spoken: (): SpokenWords => ({ kind: voiceOn() ? 'estimated' : 'none' }) });
      engine.setScheduleAhead(scheduleAheadFor(visibility()));
      await Promise.all([engine.load(program, loadTrack, fromSec), routed]);
      return engine.start(START_DELAY_SEC, fromSec);
    },
    pause: (): Seconds | null => {
      route?.pause();
      return engine?.pause() ?? null;
    },
    /** Resumes after a pause or an interruption: the audio clock is asked to run again, then the held position plays. */
    resume: (): ContextTime | null => {
      if (!engine) return null;
      const raw = Tone.getContext().rawContext as AudioContext;
      // Called from a tap or a lock-screen button, so iOS lets an interrupted context run again.
      if (raw.state !== 'running') void raw.resume().catch(() => undefined);
      route?.resume();
      return engine.resume();
    },
    seek: async (positionSec: Seconds): Promise<ContextTime | null> => (await engine?.seek(positionSec)) ?? null,
    replace: async (program: Program, positionSec: Seconds): Promise<ContextTime | null> => (await engine?.replace(program, positionSec)) ?? null,
    splice: (program: Program, fromSec: Seconds): void => engine?.splice(program, fromSec),
    stop: dispose,
    /** The audio clock now, or null before Tone has loaded. */
    now: (): ContextTime | null => engine?.now() ?? contextTime(Tone.getContext().currentTime),
    /** The engine of the running workout (tests read its schedule). */
    current: () => engine,
    /** Where the sound goes now (tests check it goes through the media element while a workout plays). */
    output: (): OutputStatus => route?.status() ?? 'direct',
    /** The real-time audio context (tests suspend it as the system would). */
    context: (): BaseAudioContext => Tone.getContext().rawContext,
    /** Drives the engine's clock from a worker (Tone's default) or from page timers, which hidden pages throttle (tests). */
    setClockSource(source: 'worker' | 'timeout'): void {
      (Tone.getContext() as Tone.Context).clockSource = source;
    },
  };
}
