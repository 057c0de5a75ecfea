/** The live player: one WorkoutEngine at a time on Tone's real-time context. */
import * as Tone from 'tone';
import { WorkoutEngine } from './engine';
import type { EngineProgram } from './engine-types';

/** Events the live player reports. */
export interface LivePlayerEvents {
  onCue(cue: import('./engine-types').EngineCue): void;
  onFinish(): void;
  onError(message: string): void;
}

/** Creates the live player service. */
export function createLivePlayer() {
  let engine: WorkoutEngine | null = null;
  const dispose = () => {
    engine?.dispose();
    engine = null;
  };
  return {
    async play(program: EngineProgram, events: LivePlayerEvents): Promise<void> {
      dispose();
      await Tone.start();
      const context = Tone.getContext();
      context.transport.cancel(0);
      context.transport.stop();
      context.transport.seconds = 0;
      engine = new WorkoutEngine(context, { onCue: events.onCue, onFinish: events.onFinish, onError: events.onError });
      await engine.load(program);
      engine.start(0.15);
    },
    pause: () => engine?.pause(),
    resume: () => engine?.resume(),
    seek: async (positionSec: number) => {
      await engine?.seek(positionSec);
    },
    replace: async (program: EngineProgram, positionSec: number) => {
      await engine?.replace(program, positionSec);
    },
    stop: dispose,
    positionSec: () => (engine ? Math.max(0, engine.positionSec()) : null),
    /** The engine of the running workout (tests and the beat pulse read its schedule). */
    current: () => engine,
  };
}
