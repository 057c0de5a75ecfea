/**
 * The workout audio engine: the only place that drives Tone.js. The Transport is the
 * master clock (its seconds are the workout's seconds). Music segments and cues are both
 * started at exact audio-clock times a lookahead window in advance — never from a callback
 * whose time has already passed — so every sound starts on its sample, live and in offline
 * rendering. Takes its context as a parameter.
 */
import * as Tone from 'tone';
import { CuePlayer } from './cue-player';
import { segmentsToKeep } from '../core/music-memory';
import type { EngineCue, EngineProgram, EngineSegment, ScheduledCue } from './engine-types';

/** Engine settings; all optional. */
export interface EngineOptions {
  /** How far ahead cues are placed, seconds. */
  lookaheadSec?: number;
  /** Crossfade between tracks, seconds. */
  crossfadeSec?: number;
  /** Music starts this long before it is needed, seconds (load + decode time). */
  prepareAheadSec?: number;
  /** Mute the music or the cues (offline tests render them apart). */
  include?: 'all' | 'music' | 'cues';
  /** Called on the audio clock (via Draw) when a cue sounds: speech and visuals hang here. */
  onCue?: (cue: EngineCue) => void;
  /** Cues with words are reported this much early, so speech (which starts late) lands its first word on the beat. */
  voiceLeadSec?: number;
  /** Called once when the workout's end has sounded. */
  onFinish?: () => void;
  /** Called when a track fails to load; the workout goes on with the cues. */
  onError?: (message: string) => void;
}

const TICK_SEC = 0.05;

interface LiveSegment {
  segment: EngineSegment;
  player: Tone.Player | Tone.GrainPlayer | null;
  state: 'loading' | 'ready' | 'failed';
  /** True once the player is started for the current run (cleared by pause and seek). */
  started: boolean;
}

/** Plays one workout program on a Tone context. Create one per workout; `dispose()` frees everything. */
export class WorkoutEngine {
  private readonly transport: ReturnType<typeof Tone.getTransport>;
  private readonly isOffline: boolean;
  private readonly musicBus: Tone.Gain;
  private readonly cueBus: Tone.Gain;
  private readonly cues: CuePlayer;
  private readonly live = new Map<number, LiveSegment>();
  private readonly options: Required<Omit<EngineOptions, 'onCue' | 'onFinish' | 'onError'>> & EngineOptions;
  private program: EngineProgram | null = null;
  private scheduledUntilSec = 0;
  private repeatId: number | null = null;
  private finished = false;
  /** While stopped, paused or about to (re)start: the workout position, and the audio time it holds until. */
  private heldAtSec = 0;
  private heldUntilCtx = Infinity;
  private running = false;
  /** Every cue placed so far, in order (tests read this; the screen may too). */
  readonly scheduled: ScheduledCue[] = [];

  constructor(private readonly context: Tone.BaseContext, options: EngineOptions = {}) {
    this.options = { lookaheadSec: 0.3, crossfadeSec: 0.05, prepareAheadSec: 8, include: 'all', voiceLeadSec: 0.15, ...options };
    this.transport = context.transport;
    this.isOffline = context instanceof Tone.OfflineContext;
    // Draw drops callbacks more than `expiration` late; a busy main thread at start must not lose the first words.
    if (!this.isOffline) context.draw.expiration = 1.5;
    this.musicBus = new Tone.Gain({ context, gain: this.options.include === 'cues' ? 0 : 1 }).connect(context.destination);
    this.cueBus = new Tone.Gain({ context, gain: this.options.include === 'music' ? 0 : 1 }).connect(context.destination);
    this.cues = new CuePlayer(context, this.cueBus, this.options.include === 'cues' ? null : this.musicBus.gain);
  }

  /** Loads a program and prepares the music that starts within the prepare window. */
  async load(program: EngineProgram, fromSec = 0): Promise<void> {
    this.program = program;
    await Promise.all(program.segments.map((s, i) => (s.endSec > fromSec && s.startSec <= fromSec + this.options.prepareAheadSec ? this.prepare(i) : null)));
  }

  /** Loads every segment now (offline rendering cannot wait for a later load). */
  async loadAll(program: EngineProgram): Promise<void> {
    this.program = program;
    await Promise.all(program.segments.map((_, i) => this.prepare(i)));
  }

  /** Starts the workout `delaySec` from now, at workout position `fromSec`. */
  start(delaySec = 0.1, fromSec = 0): void {
    if (!this.program) throw new Error('No workout loaded.');
    this.heldAtSec = fromSec;
    this.repeatId = this.transport.scheduleRepeat((time) => this.tick(time), TICK_SEC, 0);
    this.run(delaySec);
  }

  /** Pauses music and cues; cues not yet heard are placed again on resume. */
  pause(): void {
    const now = this.context.currentTime;
    this.heldAtSec = this.positionSec();
    this.heldUntilCtx = Infinity;
    this.running = false;
    this.transport.pause(now);
    this.cancelPendingCues(now);
    this.stopMusic(now);
  }

  /** Resumes after `pause()`. */
  resume(delaySec = 0.05): void {
    this.run(delaySec);
  }

  /** Starts the Transport `delaySec` from now at the held position, with that position's cues and music placed. */
  private run(delaySec: number): void {
    const startAt = this.context.currentTime + delaySec;
    this.scheduledUntilSec = this.heldAtSec;
    this.scheduleWindow(startAt, this.heldAtSec);
    this.transport.start(startAt, this.heldAtSec);
    this.heldUntilCtx = startAt;
    this.running = true;
  }

  /** Jumps to a workout position (skip step): music and cues follow. */
  async seek(positionSec: number): Promise<void> {
    const wasRunning = this.running;
    this.pause();
    this.heldAtSec = positionSec;
    await this.load(this.program!, positionSec);
    if (wasRunning) this.run(0.05);
  }

  /** Swaps in a new program at a workout position (skip track): the old music stops, the new one starts there. */
  async replace(program: EngineProgram, positionSec: number): Promise<void> {
    const wasRunning = this.running;
    this.pause();
    for (const live of this.live.values()) live.player?.dispose();
    this.live.clear();
    this.program = program;
    this.heldAtSec = positionSec;
    await this.load(program, positionSec);
    if (wasRunning) this.run(0.05);
  }

  /** Returns the workout position (seconds) now, by the audio clock. */
  positionSec(): number {
    const now = this.context.currentTime;
    return now < this.heldUntilCtx ? this.heldAtSec : this.transport.getSecondsAtTime(now);
  }

  /** Returns the segment playing at a workout position, or null. */
  segmentAt(positionSec: number): EngineSegment | null {
    return this.program?.segments.find((s) => s.startSec <= positionSec && positionSec < s.endSec) ?? null;
  }

  /** Stops everything; the engine can be disposed afterwards. */
  stop(): void {
    this.running = false;
    this.transport.stop();
    this.cancelPendingCues(0);
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

  private tick(time: number): void {
    if (!this.program) return;
    const pos = this.transport.getSecondsAtTime(time);
    this.scheduleWindow(time, pos);
    const keep = segmentsToKeep(this.program.segments, pos, this.options.prepareAheadSec);
    for (const i of keep) if (!this.live.has(i) && this.program.segments[i].endSec > pos) void this.prepare(i);
    // Free finished tracks (only the current and next stay decoded). Not offline: there every tick runs
    // before any audio renders, so a player freed here would be silent.
    for (const [i, live] of this.live) {
      if (!this.isOffline && !keep.includes(i)) {
        live.player?.dispose();
        this.live.delete(i);
      }
    }
    if (!this.finished && pos >= this.program.totalSec + 2) {
      this.finished = true;
      this.context.draw.schedule(() => this.options.onFinish?.(), time);
    }
  }

  /** Starts every ready segment that plays before `pos + lookahead`, at its exact audio-clock time and offset. */
  private scheduleMusic(time: number, pos: number): void {
    const until = pos + this.options.lookaheadSec;
    for (const live of this.live.values()) {
      const s = live.segment;
      if (live.state !== 'ready' || live.started || s.startSec >= until || s.endSec <= pos) continue;
      const from = Math.max(s.startSec, pos);
      const startCtx = time + (from - pos);
      let offset = s.trackOffsetSec + (from - s.startSec) * s.playbackRate;
      const length = live.player!.buffer.duration;
      if (s.track.loop && length > 0) offset %= length;
      live.player!.start(startCtx, offset);
      live.player!.stop(time + (s.endSec - pos) + this.options.crossfadeSec);
      live.started = true;
    }
  }

  private stopMusic(now: number): void {
    for (const live of this.live.values()) {
      if (live.started) live.player?.stop(now);
      live.started = false;
    }
  }

  /** Places the music and cues of [scheduledUntil, pos + lookahead) at exact audio-clock times. */
  private scheduleWindow(time: number, pos: number): void {
    this.scheduleMusic(time, pos);
    const until = pos + this.options.lookaheadSec;
    if (until <= this.scheduledUntilSec) return;
    for (const cue of this.program!.cuesBetween(this.scheduledUntilSec, until)) {
      const ctxTime = time + (cue.timeSec - pos);
      this.playCue(cue, ctxTime);
    }
    this.scheduledUntilSec = until;
  }

  private playCue(cue: EngineCue, ctxTime: number): void {
    this.cues.play(cue, ctxTime);
    this.scheduled.push({ cue, ctxTime });
    if (this.options.onCue) {
      const onCue = this.options.onCue;
      const lead = cue.text ? this.options.voiceLeadSec : 0;
      this.context.draw.schedule(() => onCue(cue), Math.max(this.context.currentTime, ctxTime - lead));
    }
  }

  private cancelPendingCues(now: number): void {
    this.cues.cancel(now);
  }

  private async prepare(index: number): Promise<void> {
    if (this.live.has(index)) return;
    const segment = this.program!.segments[index];
    const live: LiveSegment = { segment, player: null, state: 'loading', started: false };
    this.live.set(index, live);
    try {
      const audio = await segment.track.loadBuffer();
      if (!this.live.has(index)) return;
      live.player = this.createPlayer(segment, new Tone.ToneAudioBuffer(audio));
      live.state = 'ready';
    } catch (e) {
      live.state = 'failed';
      this.options.onError?.(`Could not play "${segment.track.title}": ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private createPlayer(segment: EngineSegment, buffer: Tone.ToneAudioBuffer): Tone.Player | Tone.GrainPlayer {
    const fade = this.options.crossfadeSec;
    const stretched = Math.abs(segment.playbackRate - 1) > 1e-3;
    // Tempo matching keeps the pitch: a GrainPlayer changes speed, not pitch.
    const player = stretched
      ? new Tone.GrainPlayer({ context: this.context, url: buffer, loop: segment.track.loop, playbackRate: segment.playbackRate, grainSize: 0.1, overlap: 0.05 })
      : new Tone.Player({ context: this.context, url: buffer, loop: segment.track.loop, fadeIn: 0.004, fadeOut: fade });
    player.connect(this.musicBus);
    return player;
  }
}
