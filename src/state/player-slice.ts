/**
 * The workout player: plans the program, starts it on the audio engine and holds the player's phase — the one
 * place that says where the player is. The position is read from the phase and the audio clock; speech, the
 * lock screen and the end of the workout follow the engine's clock ticks, so none of them waits for a frame.
 */
import type { StateCreator } from 'zustand';
import { isActive, isHeld, nextPhase, workoutPositionAt, type PlayerEvent, type PlayerPhase } from '../core/player-phase';
import { FINISH_TAIL_SEC, replanFrom, segmentIndexAt, type Program } from '../core/program';
import { stepAt } from '../core/program-view';
import { planCues } from '../core/cue-plan';
import { mergeLog, summarizeSession, type WorkoutLogEntry } from '../core/workout-log';
import { contextTime, type Seconds } from '../core/units';
import type { AppServices } from './services';
import type { AudioClockState } from '../audio/engine-types';
import type { AppState } from './create-app-store';
import { cueOptionsOf, musicRequestFor, programFor } from './workout-program';
import { showNowPlaying } from './now-playing';
import { trackLoader } from './track-loader';

/** Speech starts this long before its cue, so the first word lands on the beat. */
export const VOICE_LEAD_SEC = 0.15;

/** The player: its phase, the program it plays, and what it last logged. */
export interface PlayerState {
  phase: PlayerPhase;
  /** The program of the workout under way (or just finished); null when idle. */
  program: Program | null;
  /** A problem during the workout (a track that would not load), in words; null when none. */
  error: string | null;
  /** The log entry of the workout that just ended (the summary screen). */
  lastEntry: WorkoutLogEntry | null;
}

/** Player state and actions. */
export interface PlayerSlice {
  player: PlayerState;
  startWorkout(workoutId?: string): Promise<void>;
  togglePause(): void;
  skipStep(): Promise<void>;
  /** Plays other music from here on (the workout's clock does not move). */
  skipTrack(): Promise<void>;
  /** Plays `program`, the one playing with new music from `fromSec` (the music follows the runner), without a break. */
  spliceProgram(program: Program, fromSec: Seconds): void;
  /** Ends a running workout (it is logged); on the summary, goes back to the start. */
  stopWorkout(): void;
  /** Another tab took the audio: this workout ends (and is logged) with `message` shown. */
  loseAudio(message: string): void;
  /** The workout log, newest first (loaded by `loadHistory`). */
  history: WorkoutLogEntry[];
  /** Reads the log again (on opening a screen, when another tab or a restore wrote it), merged with what is shown. */
  loadHistory(): Promise<void>;
  /** Workout seconds now by the audio clock (negative in the count-in); null when no workout is under way. */
  positionNow(): Seconds | null;
}

const IDLE: PlayerState = { phase: { status: 'idle' }, program: null, error: null, lastEntry: null };
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Creates the player slice over the injected services. */
export const createPlayerSlice = (services: AppServices): StateCreator<AppState, [], [], PlayerSlice> => (set, get) => {
  const patch = (p: Partial<PlayerState>) => set((s) => ({ player: { ...s.player, ...p } }));
  const dispatch = (event: PlayerEvent) => set((s) => ({ player: { ...s.player, phase: nextPhase(s.player.phase, event) } }));
  const ctxNow = () => services.player.now() ?? contextTime(0);
  const positionNow = (): Seconds | null => {
    const { phase } = get().player;
    return isActive(phase) || phase.status === 'finished' ? workoutPositionAt(phase, ctxNow()) : null;
  };
  let startedAtMs = 0;
  let skippedTracks: string[] = [];
  // Cues with words are said once: up to this workout position they have been.
  let spokenUntilSec = -Infinity;
  let shownStep = -2;
  let shownSegment = -2;
  let generation = 0;

  const loadTrack = trackLoader(services);

  const lockScreen = () => {
    const { program, phase } = get().player;
    const pos = positionNow();
    if (!program || pos === null) return;
    shownStep = stepAt(program, pos);
    shownSegment = segmentIndexAt(program, pos);
    showNowPlaying(services.device, program, pos, isHeld(phase), {
      play: () => isHeld(get().player.phase) && get().togglePause(),
      pause: () => (get().player.phase.status === 'running' || get().player.phase.status === 'countdown') && get().togglePause(),
      next: () => void get().skipStep(),
      stop: () => get().stopWorkout(),
    });
  };

  // Ends the workout and logs what was really played; `completed` when it ran to its end.
  const end = (completed: boolean, message: string | null = null) => {
    const { program, phase } = get().player;
    if (!program || !isActive(phase)) return;
    generation += 1;
    dispatch(completed ? { type: 'finish', endSec: program.endSec } : { type: 'stop', ctxNow: ctxNow() });
    services.player.stop();
    services.speech.cancel();
    services.device.keepAwake(false);
    services.device.setNowPlaying(null, null, false);
    const done = get().player.phase;
    if (done.status !== 'finished') return;
    const heartRate = get().endHeartRateLog(program.steps.length);
    const entry = summarizeSession(program, done.record, { id: crypto.randomUUID(), startedAt: startedAtMs, completed }, heartRate);
    set((s) => ({ history: [entry, ...s.history], player: { ...s.player, lastEntry: entry } }));
    if (message) patch({ phase: { status: 'error', message }, program: null });
    services.log.add(entry).catch((e: unknown) => patch({ error: `The workout log could not be saved: ${messageOf(e)}` }));
  };

  // On every tick of the audio clock: count-in → running, words due now, the lock screen, the end.
  const onTick = () => {
    const { program, phase } = get().player;
    if (!program || (phase.status !== 'countdown' && phase.status !== 'running')) return;
    dispatch({ type: 'tick', ctxNow: ctxNow() });
    const pos = positionNow() ?? 0;
    const dueUntil = pos + VOICE_LEAD_SEC;
    if (dueUntil > spokenUntilSec) {
      const words = planCues(program, spokenUntilSec, dueUntil).filter((c) => c.kind === 'step-start' || c.kind === 'finish');
      const latest = words[words.length - 1];
      // After a stall only the latest words are said: old ones would talk over the music.
      if (latest && get().settings.voice && 'text' in latest) services.speech.speak(latest.text);
      spokenUntilSec = dueUntil;
    }
    get().heartRateTick(pos);
    if (stepAt(program, pos) !== shownStep || segmentIndexAt(program, pos) !== shownSegment) lockScreen();
    if (pos >= program.endSec + FINISH_TAIL_SEC) end(true);
  };
  // The audio clock stopped under the workout (iOS took the audio, the context was suspended): hold it where it was
  // heard, as a pause would; when the clock runs again by itself, play on from there. Never from the start.
  const onAudioState = (state: AudioClockState) => {
    const { phase } = get().player;
    if (state === 'running') {
      if (phase.status === 'interrupted') started(services.player.resume(), phase.positionSec, generation);
      return;
    }
    if (phase.status !== 'countdown' && phase.status !== 'running' && phase.status !== 'seeking') return;
    const at = ctxNow();
    services.player.pause();
    services.speech.cancel();
    dispatch({ type: 'interrupt', ctxNow: at });
    lockScreen();
  };
  const events = { onTick, onAudioState, onError: (message: string) => patch({ error: message }) };

  // The engine plays `fromSec` at `atCtx` (null: it is paused): the phase follows, words from there on are due.
  const started = (atCtx: ReturnType<typeof ctxNow> | null, fromSec: Seconds, gen: number) => {
    if (gen !== generation) return;
    spokenUntilSec = fromSec - 1e-6;
    if (atCtx !== null) dispatch({ type: 'started', atCtx, fromSec });
    lockScreen();
  };

  return {
    player: IDLE,
    async startWorkout(workoutId) {
      const id = workoutId ?? get().selectedWorkoutId;
      const workout = get().workouts.find((w) => w.id === id);
      if (!workout) return patch({ phase: { status: 'error', message: `No workout with id "${id}".` } });
      if (isActive(get().player.phase)) end(false);
      services.player.stop();
      const gen = ++generation;
      skippedTracks = [];
      set({ player: { ...IDLE, phase: nextPhase({ status: 'idle' }, { type: 'load', workoutName: workout.name }) } });
      try {
        const program = programFor(get(), services.demo.tracks(), workout);
        patch({ program });
        get().beginHeartRateLog();
        const fromSec = -program.leadInSec;
        const atCtx = await services.player.play(program, loadTrack, fromSec, events, () => get().settings.voice);
        if (gen !== generation) return;
        startedAtMs = services.now();
        started(atCtx, fromSec, gen);
        // The demo loops are small: have them all ready so a skip never waits for one to be synthesised.
        for (const d of services.demo.tracks()) if (program.usesDemo) void services.demo.loadBuffer(d.id).catch(() => undefined);
        services.device.keepAwake(get().settings.wakeLock);
      } catch (e) {
        if (gen !== generation) return;
        services.player.stop();
        dispatch({ type: 'failed', message: `Could not start "${workout.name}": ${messageOf(e)}` });
      }
    },
    togglePause() {
      const { phase } = get().player;
      if (phase.status === 'running' || phase.status === 'countdown') {
        services.player.pause();
        services.speech.cancel();
        dispatch({ type: 'pause', ctxNow: ctxNow() });
        lockScreen();
      } else if (isHeld(phase)) {
        started(services.player.resume(), phase.positionSec, generation);
      }
    },
    async skipStep() {
      const { program, phase } = get().player;
      const pos = positionNow();
      if (!program || !isActive(phase) || pos === null) return;
      const k = stepAt(program, pos);
      // From the count-in, "skip" starts the first step now; from the last step it ends the workout.
      const next = k < 0 ? 0 : k + 1;
      if (next >= program.steps.length) {
        dispatch({ type: 'seek', ctxNow: ctxNow(), toSec: program.endSec, skippedStep: k });
        return end(false);
      }
      const toSec = program.stepStarts[next];
      dispatch({ type: 'seek', ctxNow: ctxNow(), toSec, skippedStep: k < 0 ? undefined : k });
      services.speech.cancel();
      const gen = generation;
      started(await services.player.seek(toSec), toSec, gen);
    },
    async skipTrack() {
      const { program, phase } = get().player;
      const pos = positionNow();
      if (!program || !isActive(phase) || pos === null) return;
      const seg = segmentIndexAt(program, pos);
      if (seg < 0) return;
      const workout = get().workouts.find((w) => w.id === program.workoutId);
      if (!workout) return;
      skippedTracks.push(program.segments[seg].trackId);
      const next = replanFrom(program, workout, musicRequestFor(get(), services.demo.tracks(), workout.id, skippedTracks), cueOptionsOf(get().settings), pos);
      dispatch({ type: 'seek', ctxNow: ctxNow(), toSec: pos });
      patch({ program: next });
      const gen = generation;
      started(await services.player.replace(next, pos), pos, gen);
    },
    spliceProgram(next, fromSec) {
      if (!isActive(get().player.phase)) return;
      patch({ program: next });
      services.player.splice(next, fromSec);
    },
    stopWorkout() {
      if (isActive(get().player.phase)) return end(false);
      generation += 1;
      services.player.stop();
      set({ player: IDLE });
    },
    loseAudio(message) {
      if (isActive(get().player.phase)) return end(false, message);
      generation += 1;
      set({ player: { ...IDLE, phase: { status: 'error', message } } });
    },
    history: [],
    async loadHistory() {
      // A log that cannot be read leaves what is shown in place: nothing disappears from the screen.
      const stored = await services.log.list().catch(() => null);
      if (!stored) return;
      set((s) => {
        const history = mergeLog(stored, s.history);
        const last = s.player.lastEntry && history.find((h) => h.id === s.player.lastEntry?.id);
        return { history, player: last && last !== s.player.lastEntry ? { ...s.player, lastEntry: last } : s.player };
      });
    },
    positionNow,
  };
};
