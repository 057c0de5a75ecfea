/** The services the store orchestrates. `main.tsx` wires the real ones; tests pass fakes. */
import type { EngineProgram, EngineCue } from '../audio/engine-types';
import type { DemoTrackInfo } from '../audio/demo-catalog';
import type { TrackRecord } from '../core/track';
import type { ImportResult } from '../storage/import-tracks';

/** What the player reports back while a workout runs. */
export interface PlayerEvents {
  onCue(cue: EngineCue): void;
  onFinish(): void;
  onError(message: string): void;
}

/** Plays a program on the live audio clock. */
export interface PlayerService {
  /** Unlocks audio (must follow a user gesture), loads the first music and starts. */
  play(program: EngineProgram, events: PlayerEvents): Promise<void>;
  pause(): void;
  resume(): void;
  /** Jumps to a workout position, seconds. */
  seek(positionSec: number): Promise<void>;
  stop(): void;
  /** Workout seconds elapsed by the audio clock; null when nothing plays. */
  positionSec(): number | null;
}

/** The built-in demo music. */
export interface DemoMusicService {
  tracks(): DemoTrackInfo[];
  /** Returns the decoded loop, synthesising it on first use. */
  loadBuffer(trackId: string): Promise<AudioBuffer>;
}

/** Spoken announcements (Web Speech), with a silent fallback where no voice exists. */
export interface SpeechService {
  speak(text: string): void;
  cancel(): void;
}

/** The user's stored library. Every method reports failures as messages that name the file. */
export interface LibraryService {
  /** Returns the stored tracks, and a message per record that could not be read. */
  list(): Promise<{ tracks: TrackRecord[]; problems: string[] }>;
  importFile(file: File): Promise<ImportResult>;
  update(id: string, patch: Partial<Omit<TrackRecord, 'id'>>): Promise<TrackRecord>;
  remove(id: string): Promise<void>;
  getAudio(id: string): Promise<Blob | null>;
  /** Used and available bytes, or null where the browser does not say. */
  estimate(): Promise<{ usedBytes: number; quotaBytes: number } | null>;
  requestPersistence(): Promise<'granted' | 'denied' | 'unsupported'>;
}

/** What analysis found in one track. */
export interface TrackAnalysis {
  bpm: number | null;
  confidence: number;
  firstBeatSec: number;
  firstDownbeatSec: number;
  beatsPerBar: number;
  durationSec: number;
}

/** Tempo and beat analysis of stored audio, off the main thread. */
export interface AnalysisService {
  /** Decodes and analyses; rejects with a message for the user ("file is truncated", "not an audio file"). */
  analyze(audio: Blob, options: { signal?: AbortSignal; tagBpm?: number | null }): Promise<TrackAnalysis>;
}

/** Decodes stored audio for playback. */
export interface DecodeService {
  decode(audio: Blob): Promise<AudioBuffer>;
}

/** Every service the app uses. */
export interface AppServices {
  player: PlayerService;
  demo: DemoMusicService;
  library: LibraryService;
  analysis: AnalysisService;
  decoder: DecodeService;
  speech: SpeechService;
  /** Milliseconds since the epoch (injected so tests control time). */
  now(): number;
}
