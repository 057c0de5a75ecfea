/** The services the store orchestrates. `main.tsx` wires the real ones; tests pass fakes. */
import type { EngineEvents, LoadTrack } from '../audio/engine-types';
import type { DemoTrackInfo } from '../audio/demo-catalog';
import type { Program } from '../core/program';
import type { OpenTrack, TrackReader } from '../core/track-reader';
import type { ExportChoice, ExportedAudio, ExportFormat } from '../audio/export-types';
import type { ContextTime, Seconds } from '../core/units';
import type { TrackRecord } from '../core/track';
import type { TrackAnalysisResult } from '../workers/track-analyzer';
import type { PlayerSettings } from '../core/player-settings';
import type { WorkoutLogEntry } from '../core/workout-log';
import type { Workout } from '../core/workout';
import type { ImportResult } from '../storage/import-tracks';
import type { BackupFile } from '../storage/schemas';
import type { RestoreReport } from '../storage/backup';

export type { RestoreReport };
import type { Playlist } from '../core/playlist';
import type { MusicChoice } from '../core/music-choice';
import type { HeartRateSensor } from '../device/heart-rate-sensor';
import type { CadenceSensor } from '../device/cadence-sensor';

/** What the player reports back while a workout runs: a tick of the audio clock, and tracks that failed to load. */
export type PlayerEvents = EngineEvents;

/**
 * Plays a program on the live audio clock. Every call that starts sound returns the audio-clock time at which
 * the workout position it was given plays, so the store's phase and the engine agree on the position.
 */
export interface PlayerService {
  /**
   * Unlocks audio (must follow a user gesture), loads the first music and starts at `fromSec`. `voiceOn`: whether the
   * cues' words are spoken now (the music ducks under them only then; under the chimes always).
   */
  play(program: Program, loadTrack: LoadTrack, fromSec: Seconds, events: PlayerEvents, voiceOn?: () => boolean): Promise<ContextTime>;
  /** Pauses; returns the position held, or null when nothing plays. */
  pause(): Seconds | null;
  /** Resumes after a pause; returns when the held position plays, or null when nothing is loaded. */
  resume(): ContextTime | null;
  /** Jumps to a workout position; returns when it plays, or null while paused. */
  seek(positionSec: Seconds): Promise<ContextTime | null>;
  /** Swaps in a new program at a workout position (skip track); returns when it plays, or null while paused. */
  replace(program: Program, positionSec: Seconds): Promise<ContextTime | null>;
  /** Swaps in a program that differs from the playing one only from `fromSec` on (music that follows the runner), without a break. */
  splice(program: Program, fromSec: Seconds): void;
  stop(): void;
  /** The audio clock now, seconds; null before any workout started. */
  now(): ContextTime | null;
}

/** The built-in demo music. */
export interface DemoMusicService {
  tracks(): DemoTrackInfo[];
  /** Returns the decoded loop: kept from an earlier render (also an earlier visit's), or synthesised now. */
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
  /** Returns a stored cover image (raster only: SVG is refused at import), or null. */
  getCover(coverId: string): Promise<Blob | null>;
  /** Used and available bytes, or null where the browser does not say. */
  estimate(): Promise<{ usedBytes: number; quotaBytes: number } | null>;
  requestPersistence(): Promise<'granted' | 'denied' | 'unsupported'>;
  /** Whether the browser promised to keep the data, read without asking the user. */
  persistence(): Promise<PersistState>;
}

/** Whether the browser keeps the library under storage pressure: promised, best effort, or cannot say. */
export type PersistState = 'persisted' | 'best-effort' | 'unsupported';

/** Library exports and backups (implemented by the library service; kept apart so store fakes need not carry it). */
export interface LibraryBackupService {
  /** Returns the library export `{version, exportedAt, tracks}` that external tools read. */
  exportLibrary(): Promise<Pick<BackupFile, 'version' | 'exportedAt' | 'tracks'>>;
  /** Returns a full backup: every track field, workouts, playlists and the workout log. */
  exportBackup(): Promise<BackupFile>;
  /**
   * Merges a backup file into the library (stored data is never lost) and resolves once the store has read tracks, workouts,
   * playlists and the log again (main.tsx wires that); rejects with a message naming the file.
   */
  restoreBackup(file: File): Promise<RestoreReport>;
}

/** The user's saved workouts (templates are not stored). */
export interface WorkoutsService {
  /** Returns the saved workouts, most recently changed first, and a message per record that could not be read. */
  list(): Promise<{ workouts: Workout[]; problems: string[] }>;
  /** Stores `workout`, replacing any with its id; rejects with the bad field named. */
  save(workout: Workout): Promise<void>;
  /** Removes a saved workout; does nothing when it is absent. */
  remove(id: string): Promise<void>;
}

/** Stored playlists and the music chosen per workout. Writes reject with a message naming the record and field. */
export interface PlaylistsService {
  /** Returns the stored playlists and choices, and a message per record that could not be read. */
  list(): Promise<{ playlists: Playlist[]; choices: MusicChoice[]; problems: string[] }>;
  /** Stores `playlist`, replacing any with its id. */
  save(playlist: Playlist): Promise<void>;
  /** Removes a playlist; does nothing when it is absent. */
  remove(id: string): Promise<void>;
  /** Stores the choice of `choice.workoutId`, replacing the previous one. */
  saveChoice(choice: MusicChoice): Promise<void>;
}

/** What analysis found in one track. */
export type TrackAnalysis = TrackAnalysisResult;

/** Tempo and beat analysis of stored audio, off the main thread. */
export interface AnalysisService {
  /** How many tracks it works on at once (its workers plus one being decoded): the library's one queue feeds it that many. */
  readonly parallel: number;
  /** Decodes and analyses; rejects with a message for the user ("file is truncated", "not an audio file"). */
  analyze(audio: Blob, options: { signal?: AbortSignal; tagBpm?: number | null }): Promise<TrackAnalysis>;
}

/** Plays a stored track with a click on every beat of its grid, so the user hears whether the grid is right. */
export interface PreviewService {
  /**
   * Plays track `trackId` from `fromSec` (seconds into the track), stopping any other preview. Resolves with a disposer
   * that stops this preview (a no-op once it has ended); `onEnd` fires when it ends by itself or another one starts.
   */
  play(trackId: string, fromSec: number, onEnd?: () => void): Promise<() => void>;
  /** Stops whatever preview plays. */
  stop(): void;
}

/** Decodes stored audio for playback, and for the export part by part. */
export interface DecodeService {
  decode(audio: Blob): Promise<AudioBuffer>;
  /** Opens stored audio to be read a stretch at a time (an MP3 decoded run by run; others whole), at its own rate. */
  open(audio: Blob): Promise<TrackReader>;
}

/** Player settings on this device. */
export interface SettingsService {
  load(): PlayerSettings;
  save(settings: PlayerSettings): void;
}

/** The workout log. */
export interface LogService {
  add(entry: WorkoutLogEntry): Promise<void>;
  list(): Promise<WorkoutLogEntry[]>;
  /** Sets the effort (0–10, null clears it) of a stored entry; resolves with the entry as stored, rejects naming it. */
  setEffort(id: string, effort: number | null): Promise<WorkoutLogEntry>;
}

/** What the lock screen shows: step and workout, track and tempo, and where the workout is (seconds, from 0). */
export interface NowPlaying {
  title: string;
  artist: string;
  album: string;
  positionSec: Seconds;
  durationSec: Seconds;
}

/** Lock-screen controls and keeping the screen on. */
export interface DeviceService {
  /** Shows `info` on the lock screen (null clears it) with the workout's position in it and its buttons; `playing` or paused. */
  setNowPlaying(info: NowPlaying | null, handlers: { play(): void; pause(): void; next(): void; stop(): void } | null, playing: boolean): void;
  keepAwake(on: boolean): void;
}

/** The heart-rate sensors: a Bluetooth strap, and the simulated one for trying it without hardware. */
export interface HeartRateServices {
  strap: HeartRateSensor;
  simulated: HeartRateSensor;
}

/** Every service the app uses. */
export interface AppServices {
  settings: SettingsService;
  log: LogService;
  device: DeviceService;
  player: PlayerService;
  demo: DemoMusicService;
  library: LibraryService;
  preview: PreviewService;
  playlists: PlaylistsService;
  workouts: WorkoutsService;
  analysis: AnalysisService;
  decoder: DecodeService;
  speech: SpeechService;
  heartRate: HeartRateServices;
  /** The runner's cadence: the motion sensor, or the simulated one. */
  cadence: CadenceSensor;
  /** Exports a workout as one audio file; absent where the app runs without it (store tests). */
  audioExport?: AudioExportService;
  /** Milliseconds since the epoch (injected so tests control time). */
  now(): number;
}

/** Renders, encodes and writes a workout as one audio file (audio/export-workout.ts, wired in main.tsx). */
export interface AudioExportService {
  /** The formats this browser can write. */
  formats(): ExportFormat[];
  /** Whether spoken cues can go in the file (an offline speech synthesiser ships with this build). */
  offlineVoice: boolean;
  exportAudio(program: Program, openTrack: OpenTrack, choice: ExportChoice, signal: AbortSignal, onProgress: (fraction: number) => void): Promise<ExportedAudio>;
}
