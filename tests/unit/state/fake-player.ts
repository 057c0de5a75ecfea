/**
 * A fake audio engine for store tests: a hand-moved audio clock, the program it was given, every call made,
 * and its own account of what it made audible (which track, for how long) — kept apart from the store's log.
 */
import type { AppServices, PlayerEvents } from '../../../src/state/services';
import type { AudioClockState } from '../../../src/audio/engine-types';
import type { Program } from '../../../src/core/program';
import { contextTime } from '../../../src/core/units';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';
import { DEFAULT_PLAYER_SETTINGS } from '../../../src/core/player-settings';
import type { WorkoutLogEntry } from '../../../src/core/workout-log';
import { fakeCadenceSensor } from './fake-cadence';
import { fakeHeartRateSensor } from './fake-heart-rate';

/** Returns the fake player and the handles a test moves it with. */
export function fakePlayer() {
  const calls: string[] = [];
  let ctx = 100;
  let program: Program | null = null;
  let events: PlayerEvents | null = null;
  // The engine's own position: `heldSec` until `fromCtx`, then moving with the clock while `running`.
  let running = false;
  let heldSec = 0;
  let fromCtx = 0;
  const heard: { trackId: string; seconds: number }[] = [];
  const positionAt = (t: number) => (running && t > fromCtx ? heldSec + (t - fromCtx) : heldSec);
  const hear = (p0: number, p1: number) => {
    if (!program) return;
    const a = Math.max(0, p0);
    const b = Math.min(program.endSec, p1);
    for (const seg of program.segments) {
      const sec = Math.min(b, seg.endSec) - Math.max(a, seg.startSec);
      if (sec <= 1e-9) continue;
      const last = heard[heard.length - 1];
      if (last?.trackId === seg.trackId) last.seconds += sec;
      else heard.push({ trackId: seg.trackId, seconds: sec });
    }
  };
  const holdAt = (sec: number) => {
    heldSec = sec;
    fromCtx = ctx;
  };
  const startAt = (sec: number, delay: number) => {
    heldSec = sec;
    fromCtx = ctx + delay;
    running = true;
    return contextTime(fromCtx);
  };
  const player: AppServices['player'] = {
    async play(p, _load, fromSec, e) {
      program = p;
      events = e;
      calls.push(`play ${fromSec.toFixed(3)}`);
      return startAt(fromSec, 0.15);
    },
    pause: () => {
      calls.push('pause');
      holdAt(positionAt(ctx));
      running = false;
      return null;
    },
    resume: () => {
      calls.push('resume');
      return startAt(heldSec, 0.05);
    },
    seek: async (sec) => {
      calls.push(`seek ${sec.toFixed(3)}`);
      if (!running) return holdAt(sec), null;
      return startAt(sec, 0.05);
    },
    replace: async (p, sec) => {
      program = p;
      calls.push(`replace ${sec.toFixed(3)}`);
      if (!running) return holdAt(sec), null;
      return startAt(sec, 0.05);
    },
    splice: (p, fromSec) => {
      program = p;
      calls.push(`splice ${fromSec.toFixed(3)}`);
    },
    stop: () => {
      holdAt(positionAt(ctx));
      running = false;
      calls.push('stop');
    },
    now: () => contextTime(ctx),
  };
  return {
    player,
    calls,
    /** The program the engine was last given. */
    program: () => program!,
    /** Moves the audio clock on by `sec` and lets the engine tick once. */
    advance(sec: number) {
      const p0 = positionAt(ctx);
      ctx += sec;
      if (running) hear(p0, positionAt(ctx));
      events?.onTick?.();
    },
    /** The tracks this engine made audible on the workout clock (count-in left out), in order, and for how long. */
    heard: () => heard.map((h) => ({ ...h })),
    /** Reports a track that failed to load. */
    fail: (message: string) => events?.onError?.(message),
    /** Reports the audio clock's state, as the live player does when the system suspends or interrupts it. */
    audioState: (state: AudioClockState) => events?.onAudioState?.(state),
  };
}

/** The services a player test needs: the fake engine, the demo, speech and log recorders, hand-driven heart-rate and cadence sensors. */
export function fakePlayerServices() {
  const engine = fakePlayer();
  const strap = fakeHeartRateSensor('strap');
  const simulated = fakeHeartRateSensor('simulated');
  const cadence = fakeCadenceSensor();
  const said: string[] = [];
  const logged: WorkoutLogEntry[] = [];
  const services = {
    player: engine.player,
    demo: { tracks: demoTrackInfos, loadBuffer: async () => ({}) as AudioBuffer },
    library: { getAudio: async () => new Blob([new Uint8Array(4)]) },
    decoder: { decode: async () => ({}) as AudioBuffer },
    speech: { speak: (t: string) => void said.push(t), cancel: () => undefined },
    settings: { load: () => DEFAULT_PLAYER_SETTINGS, save: () => undefined },
    log: {
      add: async (e: WorkoutLogEntry) => void logged.splice(0, logged.length, ...logged.filter((l) => l.id !== e.id), e),
      list: async () => logged,
      setEffort: async (id: string, effort: number | null) => {
        const i = logged.findIndex((l) => l.id === id);
        if (i < 0) throw new Error(`No workout-log entry "${id}"`);
        logged[i] = { ...logged[i], effort };
        return logged[i];
      },
    },
    device: { setNowPlaying: () => undefined, keepAwake: (on: boolean) => void engine.calls.push(`awake ${on}`) },
    heartRate: { strap: strap.sensor, simulated: simulated.sensor },
    cadence: cadence.sensor,
    now: () => 1_700_000_000_000,
  } as unknown as AppServices;
  return { services, engine, said, logged, strap, simulated, cadence };
}
