/**
 * The workout audio engine: the only place that drives Tone.js, and the mapping of a core `Program` onto it.
 * The Transport is the master clock: its seconds are the workout's seconds shifted by the count-in, so the
 * count-in (negative workout time) plays too. Music segments and cues are both started at exact audio-clock
 * times a lookahead window in advance — never from a callback whose time has already passed — so every
 * sound starts on its sample, live and in offline rendering. Takes its context as a parameter.
 */
import * as Tone from 'tone';
import { CuePlayer } from './cue-player';
import { loadLiveSegment, startSegment, type LiveSegment } from './segment-player';
import { STRETCH_LEAD_SEC } from './stretcher';
import { segmentsToKeep } from '../core/music-memory';
import { planCues } from '../core/cue-plan';
import type { Program } from '../core/program';
import { contextTime, type ContextTime, type Seconds } from '../core/units';
import type { ScheduleAhead } from '../core/schedule-ahead';
import type { SpokenWords } from '../core/voice-slots';
import type { EngineEvents, LoadTrack, ScheduledCue, ScheduledStart } from './engine-types';

/** Engine settings; all optional. */
export interface EngineOptions extends EngineEvents {
  /** How far ahead cues and track starts are placed, seconds (until `setScheduleAhead` changes it). */
  lookaheadSec?: number;
  /** Crossfade between tracks, seconds. */
  crossfadeSec?: number;
  /** Music starts loading this long before it is needed, seconds (load + decode time). */
  prepareAheadSec?: number;
  /** Mute the music or the cues (offline tests render them apart). */
  include?: 'all' | 'music' | 'cues';
  /** Each loaded track is this engine's alone, one per segment (the export's clips): a stretcher takes its samples instead of copying them. */
  ownsTracks?: boolean;
  /** How long the cues' words are heard, for the music's duck (the browser's voice: estimated), read at each cue. */
  spoken?: SpokenWords | (() => SpokenWords);
}

const TICK_SEC = 0.05;

/** Plays one workout program on a Tone context. Create one per workout; `dispose()` frees everything. */
export class WorkoutEngine {
  private readonly transport: ReturnType<typeof Tone.getTransport>;
  private readonly isOffline: boolean;
  private readonly musicBus: Tone.Gain;
  private readonly cueBus: Tone.Gain;
  private readonly cues: CuePlayer;
  private readonly live = new Map<number, LiveSegment>();
  private readonly options: Required<Omit<EngineOptions, keyof EngineEvents>> & EngineEvents;
  private program: Program | null = null;
  private loadTrack: LoadTrack = () => Promise.reject(new Error('No music loader.'));
  /** Workout position at Transport second 0: minus the count-in. */
  private baseSec = 0;
  private scheduledUntilSec = -Infinity;
  private repeatId: number | null = null;
  /** While stopped, paused or about to (re)start: the workout position, and the audio time it holds until. */
  private heldAtSec = 0;
  private heldUntilCtx = Infinity;
  private running = false;
  /** Every cue placed so far, in order (tests read this). */
  readonly scheduled: ScheduledCue[] = [];
  /** Every track start placed so far, in order (tests read this). */
  readonly musicStarts: ScheduledStart[] = [];

  constructor(private readonly context: Tone.BaseContext, options: EngineOptions = {}) {
    this.options = { lookaheadSec: 0.3, crossfadeSec: 0.05, prepareAheadSec: 8, include: 'all', ownsTracks: false, spoken: { kind: 'estimated' }, ...options };
    this.transport = context.transport;
    this.isOffline = context instanceof Tone.OfflineContext;
    this.musicBus = new Tone.Gain({ context, gain: this.options.include === 'cues' ? 0 : 1 }).connect(context.destination);
    this.cueBus = new Tone.Gain({ context, gain: this.options.include === 'music' ? 0 : 1 }).connect(context.destination);
    this.cues = new CuePlayer(context, this.cueBus, this.options.include === 'cues' ? null : this.musicBus.gain, this.options.spoken);
  }

  /** The program this engine plays (tests check it is the one the Music plan shows). */
  get playing(): Program | null {
    return this.program;
  }

  /**
   * Loads a program and prepares the music that starts within the prepare window of `fromSec` (the count-in by
   * default); resolves once the music heard at once is ready. Music that starts later (after the count-in) is
   * not waited for: it joins on its beat, at the right offset, as soon as it is ready.
   */
  async load(program: Program, loadTrack: LoadTrack, fromSec = -program.leadInSec): Promise<void> {
    this.program = program;
    this.loadTrack = loadTrack;
    this.baseSec = Math.min(0, -program.leadInSec);
    const heardAtOnce: Promise<void>[] = [];
    program.segments.forEach((s, i) => {
      if (s.endSec <= fromSec || s.startSec > fromSec + this.options.prepareAheadSec) return;
      const ready = this.prepare(i);
      if (s.startSec <= fromSec + this.options.lookaheadSec) heardAtOnce.push(ready);
    });
    await Promise.all(heardAtOnce);
  }

  /** Loads every segment now (offline rendering cannot wait for a later load). */
  async loadAll(program: Program, loadTrack: LoadTrack): Promise<void> {
    await this.load(program, loadTrack);
    await Promise.all(program.segments.map((_, i) => this.prepare(i)));
  }

  /** Starts the workout `delaySec` from now at workout position `fromSec`; returns the audio time that position plays. */
  start(delaySec = 0.1, fromSec = this.baseSec): ContextTime {
    if (!this.program) throw new Error('No workout loaded.');
    this.heldAtSec = fromSec;
    this.repeatId = this.transport.scheduleRepeat((time) => this.tick(time), TICK_SEC, 0);
    return this.run(delaySec);
  }

  /** Pauses music and cues (cues not yet heard are placed again on resume); returns the position held. */
  pause(): Seconds {
    const now = this.context.currentTime;
    this.heldAtSec = this.positionSec();
    this.heldUntilCtx = Infinity;
    this.running = false;
    this.transport.pause(now);
    this.cues.cancel(now);
    this.stopMusic(now);
    return this.heldAtSec;
  }

  /** Resumes after `pause()`; returns the audio time at which the held position plays. */
  resume(delaySec = STRETCH_LEAD_SEC): ContextTime {
    return this.run(delaySec);
  }

  /** Jumps to a workout position (skip step); returns when it plays, or null while paused. */
  async seek(positionSec: Seconds): Promise<ContextTime | null> {
    const wasRunning = this.running;
    this.pause();
    this.heldAtSec = positionSec;
    await this.load(this.program!, this.loadTrack, positionSec);
    return wasRunning ? this.run(STRETCH_LEAD_SEC) : null;
  }

  /** Swaps in a new program at a workout position (skip track); returns when it plays, or null while paused. */
  async replace(program: Program, positionSec: Seconds): Promise<ContextTime | null> {
    const wasRunning = this.running;
    this.pause();
    for (const live of this.live.values()) live.player?.dispose();
    this.live.clear();
    this.heldAtSec = positionSec;
    await this.load(program, this.loadTrack, positionSec);
    return wasRunning ? this.run(STRETCH_LEAD_SEC) : null;
  }

  /**
   * Swaps in `program`, which is the one playing up to `fromSec` and plays new music from there (the music follows
   * the runner's tempo): the music heard goes on without a break and ends at `fromSec`, the cues from then on are
   * placed again, and the new music is loaded.
   */
  splice(program: Program, fromSec: Seconds): void {
    this.program = program;
    const pos = this.positionSec();
    const toCtx = (t: Seconds): number => this.context.currentTime + (t - pos);
    for (const [i, live] of this.live) {
      const s = program.segments[i];
      if (s && s.startSec < fromSec - 1e-6 && s.trackId === live.segment.trackId && s.startSec === live.segment.startSec) {
        if (live.started && s.endSec !== live.segment.endSec) live.player?.stop(toCtx(s.endSec + this.options.crossfadeSec));
        live.segment = s;
        continue;
      }
      if (live.started) live.player?.stop(this.context.currentTime);
      live.player?.dispose();
      this.live.delete(i);
    }
    if (this.running) {
      this.cues.cancelFrom(toCtx(fromSec));
      this.scheduledUntilSec = Math.min(this.scheduledUntilSec, fromSec);
    }
    for (const i of segmentsToKeep(program.segments, pos, this.options.prepareAheadSec)) if (program.segments[i].endSec > pos) void this.prepare(i);
  }

  /**
   * Changes how far ahead sounds are placed and music is loaded (a hidden page places a minute and more). A longer
   * window is filled at once, from the audio clock's time now; what a shorter one had placed stays placed.
   */
  setScheduleAhead(ahead: ScheduleAhead): void {
    this.options.lookaheadSec = ahead.placeSec;
    this.options.prepareAheadSec = ahead.prepareSec;
    if (!this.running || !this.program) return;
    const at = Math.max(this.context.currentTime, this.heldUntilCtx);
    const pos = this.transport.getSecondsAtTime(at) + this.baseSec;
    this.scheduleWindow(at, pos);
    for (const i of segmentsToKeep(this.program.segments, pos, ahead.prepareSec)) if (this.program.segments[i].endSec > pos) void this.prepare(i);
  }

  /** Returns the workout position (seconds, negative in the count-in) now, by the audio clock. */
  positionSec(): Seconds {
    const now = this.context.currentTime;
    return now < this.heldUntilCtx ? this.heldAtSec : this.transport.getSecondsAtTime(now) + this.baseSec;
  }

  /** Returns the audio clock's time now. */
  now(): ContextTime {
    return contextTime(this.context.currentTime);
  }

  /** Stops everything; the engine can be disposed afterwards. */
  stop(): void {
    this.running = false;
    this.transport.stop(this.context.currentTime);
    this.cues.cancel(0);
    this.stopMusic(this.context.currentTime);
    if (this.repeatId !== null) this.transport.clear(this.repeatId);
    this.repeatId = null;
  }

  /** Frees players, buffers and nodes. */
  dispose(): void {
    this.stop();
    this.transport.cancel(0);
    for (const live of this.live.values()) live.player?.dispose();
    this.live.clear();
    this.musicBus.dispose();
    this.cueBus.dispose();
    this.cues.dispose();
  }

  /** Starts the Transport `delaySec` from now at the held position, with that position's cues and music placed. */
  private run(delaySec: number): ContextTime {
    const startAt = this.context.currentTime + delaySec;
    this.scheduledUntilSec = this.heldAtSec;
    this.scheduleWindow(startAt, this.heldAtSec);
    this.transport.start(startAt, this.heldAtSec - this.baseSec);
    this.heldUntilCtx = startAt;
    this.running = true;
    return contextTime(startAt);
  }

  private tick(time: number): void {
    if (!this.program) return;
    const pos = this.transport.getSecondsAtTime(time) + this.baseSec;
    this.scheduleWindow(time, pos);
    const keep = segmentsToKeep(this.program.segments, pos, this.options.prepareAheadSec);
    for (const i of keep) if (!this.live.has(i) && this.program.segments[i].endSec > pos) void this.prepare(i);
    // Free finished tracks (only the current and next stay decoded). Not offline: there every tick runs
    // before any audio renders, so a player freed here would be silent. A track already placed to start later
    // (by a hidden page's long window) stays, even when the window has shrunk since.
    for (const [i, live] of this.live) {
      if (!this.isOffline && !keep.includes(i) && !(live.started && live.segment.endSec > pos)) {
        // Freed just after this Transport callback: a player's dispose stops its inner clock without a time,
        // which Tone rightly flags inside a scheduled callback.
        const player = live.player;
        if (player) queueMicrotask(() => player.dispose());
        this.live.delete(i);
      }
    }
    // The app's tick (speech, the lock screen, the end: it may stop and free this engine) runs just after the
    // Transport callback, not inside it, so nothing it calls is taken for a sound scheduled without a time.
    const onTick = this.options.onTick;
    if (onTick) queueMicrotask(onTick);
  }

  /** Starts every ready segment that plays before `pos + lookahead`, at its exact audio-clock time and offset. */
  private scheduleMusic(time: number, pos: Seconds): void {
    const until = pos + this.options.lookaheadSec;
    for (const [segmentIndex, live] of this.live) {
      const s = live.segment;
      if (live.state !== 'ready' || live.started || s.startSec >= until || s.endSec <= pos) continue;
      const from = Math.max(s.startSec, pos);
      const at = time + (from - pos);
      const offset = startSegment(live.player!, s, { fromSec: from, atCtx: at, lengthSec: live.lengthSec, crossfadeSec: this.options.crossfadeSec });
      live.started = true;
      this.musicStarts.push({ segmentIndex, trackId: s.trackId, fromSec: from, ctxTime: contextTime(at), offsetSec: offset, placedAtCtx: contextTime(this.context.currentTime) });
    }
  }

  private stopMusic(now: number): void {
    for (const live of this.live.values()) {
      if (live.started) live.player?.stop(now);
      live.started = false;
    }
  }

  /** Places the music and cues of [scheduledUntil, pos + lookahead) at exact audio-clock times. */
  private scheduleWindow(time: number, pos: Seconds): void {
    this.scheduleMusic(time, pos);
    const until = pos + this.options.lookaheadSec;
    if (until <= this.scheduledUntilSec) return;
    for (const cue of planCues(this.program!, this.scheduledUntilSec, until)) {
      const ctxTime = contextTime(time + (cue.timeSec - pos));
      this.cues.play(cue, ctxTime);
      this.scheduled.push({ cue, ctxTime, placedAtCtx: contextTime(this.context.currentTime) });
    }
    this.scheduledUntilSec = until;
  }

  // Loads segment `index` once; a second call waits for the same load (offline rendering must have every player ready).
  private prepare(index: number): Promise<void> {
    const existing = this.live.get(index);
    if (existing) return existing.loaded;
    const segment = this.program!.segments[index];
    const live: LiveSegment = { segment, player: null, lengthSec: 0, state: 'loading', started: false, loaded: Promise.resolve() };
    this.live.set(index, live);
    live.loaded = loadLiveSegment(live, {
      context: this.context, loadTrack: this.loadTrack, fadeSec: this.options.crossfadeSec, output: this.musicBus, ownsTracks: this.options.ownsTracks,
      isCurrent: () => this.live.get(index) === live, onError: this.options.onError,
    });
    return live.loaded;
  }
}
