/** The live player: one WorkoutEngine at a time on Tone's real-time context. */
import * as Tone from 'tone';
import { WorkoutEngine } from './engine';
import type { Program } from '../core/program';
import { contextTime, type ContextTime, type Seconds } from '../core/units';
import type { EngineEvents, LoadTrack } from './engine-types';

/** Delay between a start and the first sound, seconds: time to place the first cues. */
const START_DELAY_SEC = 0.15;

/** Creates the live player service. */
export function createLivePlayer() {
  let engine: WorkoutEngine | null = null;
  const dispose = () => {
    engine?.dispose();
    engine = null;
  };
  return {
    /** Unlocks audio, loads the first music and starts at `fromSec`; resolves with the audio time that position plays. */
    async play(program: Program, loadTrack: LoadTrack, fromSec: Seconds, events: EngineEvents): Promise<ContextTime> {
      dispose();
      await Tone.start();
      const context = Tone.getContext();
      context.transport.cancel(0);
      context.transport.stop();
      context.transport.seconds = 0;
      engine = new WorkoutEngine(context, events);
      await engine.load(program, loadTrack, fromSec);
      return engine.start(START_DELAY_SEC, fromSec);
    },
    pause: (): Seconds | null => engine?.pause() ?? null,
    resume: (): ContextTime | null => engine?.resume() ?? null,
    seek: async (positionSec: Seconds): Promise<ContextTime | null> => (await engine?.seek(positionSec)) ?? null,
    replace: async (program: Program, positionSec: Seconds): Promise<ContextTime | null> => (await engine?.replace(program, positionSec)) ?? null,
    stop: dispose,
    /** The audio clock now, or null before Tone has loaded. */
    now: (): ContextTime | null => engine?.now() ?? contextTime(Tone.getContext().currentTime),
    /** The engine of the running workout (tests read its schedule). */
    current: () => engine,
  };
}
