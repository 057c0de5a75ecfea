/** Zod schemas for every stored record and for backup files: what a valid record looks like. */
import { z } from 'zod';
import { smartRulesSchema } from '../core/playlist-file';
import type { TrackRecord } from '../core/track';
import type { BeatGrid } from '../core/beat-grid';
import type { Workout, WorkoutNode } from '../core/workout';
import type { Playlist } from '../core/playlist';
import type { WorkoutLogEntry } from '../core/workout-log';
import { MAX_TEMPO_CHANGE_PCT, type MusicChoice } from '../core/music-choice';
import { MAX_REPEAT_TIMES } from '../core/workout-defaults';
import { MAX_FLAT_STEPS } from '../core/workout-timeline';

const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(200);
const bpm = z.number().min(1).max(1000);
const seconds = z.number().min(0).max(1e7);
const timeMs = z.number().int().min(0).max(1e14);

/** Who a track is: the fields a stored record and a library export share first. */
const trackIdentity = {
  id,
  fileName: text(1000),
  title: text(2000),
  artist: text(2000),
  album: text(2000),
  durationSec: seconds,
};

/** Most beats a stored beat list may hold (a 10-hour track at 300 BPM). */
const MAX_BEATS = 200_000;
const beatsPerBar = z.number().int().min(1).max(32);
const ascending = (xs: ArrayLike<number>): boolean => {
  for (let i = 1; i < xs.length; i++) if (!(xs[i] > xs[i - 1])) return false;
  return true;
};

/** A list of beat times: stored as a Float64Array, written as numbers in JSON files; ascending, finite, ≥ 0. */
export const beatTimesSchema = z
  .union([z.instanceof(Float64Array), z.array(seconds).max(MAX_BEATS)])
  .refine((xs) => xs.length >= 2 && xs.length <= MAX_BEATS && xs[0] >= 0 && Number.isFinite(xs[xs.length - 1]), 'needs 2 or more beat times of 0 s or later')
  .refine(ascending, 'beat times must rise')
  .transform((xs) => (xs instanceof Float64Array ? xs : Float64Array.from(xs)));

/** A stored beat grid. */
export const gridSchema: z.ZodType<BeatGrid> = z.object({
  bpm,
  firstBeatSec: seconds,
  firstDownbeatSec: seconds,
  beatsPerBar,
  beats: beatTimesSchema.nullable(),
});

/** What the analysis (or a hand correction) says of a track besides its grid, stored and exported alike. */
const trackAnalysis = {
  confidence: z.number().min(0).max(1),
  status: z.enum(['queued', 'analyzing', 'ready', 'failed']),
  error: text(2000).optional(),
  corrected: z.boolean(),
};

const readingSchema = z.object({ bpm, score: z.number().min(0).max(10), firstBeatSec: seconds.optional() });

/** A stored track record. */
export const trackSchema: z.ZodType<TrackRecord> = z.object({
  ...trackIdentity,
  sizeBytes: z.number().int().min(0),
  mimeType: text(200),
  grid: gridSchema.nullable(),
  alternatives: z.array(readingSchema).max(16),
  ...trackAnalysis,
  tagBpm: bpm.nullable(),
  gainDb: z.number().min(-100).max(100).nullable(),
  coverId: id.nullable(),
  addedAt: timeMs,
  source: z.enum(['user', 'demo']),
});

const tempoSchema = z.object({ minBpm: bpm, maxBpm: bpm, allowHalfDouble: z.boolean() });
const stepSchema = z.object({
  type: z.literal('step'),
  id,
  kind: z.enum(['warmup', 'work', 'recover', 'rest', 'cooldown']),
  name: text(200),
  duration: z.union([
    z.object({ unit: z.literal('seconds'), value: z.number().positive().max(86400) }),
    z.object({ unit: z.literal('bars'), value: z.number().int().positive().max(10000) }),
  ]),
  intensity: z.number().int().min(1).max(5),
  tempo: tempoSchema.nullable(),
  // Absent from workouts saved before tempo builds and heart-rate targets.
  build: z.enum(['up', 'down']).nullable().default(null),
  hr: z.union([
    z.object({ type: z.literal('zone'), zone: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]) }),
    z.object({ type: z.literal('range'), min: z.number().min(1).max(400), max: z.number().min(1).max(400) }),
  ]).nullable().default(null),
  voice: text(500).nullable(),
});
// The same limit as every importer and the builder, so whatever imports can be saved.
const repeatTimes = z.number().int().min(1).max(MAX_REPEAT_TIMES, { error: `a repeat plays at most ${MAX_REPEAT_TIMES} times` });
const nodeSchema: z.ZodType<WorkoutNode> = z.lazy(() =>
  z.union([
    stepSchema,
    z.object({ type: z.literal('repeat'), id, times: repeatTimes, children: z.array(nodeSchema).max(MAX_FLAT_STEPS) }),
  ]),
);

/** A stored workout. */
export const workoutSchema: z.ZodType<Workout> = z.object({
  id,
  name: text(200),
  nodes: z.array(nodeSchema).max(MAX_FLAT_STEPS),
  updatedAt: timeMs,
});


/** A stored playlist, manual or smart. */
export const playlistSchema: z.ZodType<Playlist> = z.discriminatedUnion('kind', [
  z.object({ id, name: text(200), kind: z.literal('manual'), trackIds: z.array(id).max(100000), updatedAt: timeMs }),
  z.object({ id, name: text(200), kind: z.literal('smart'), rules: smartRulesSchema, updatedAt: timeMs }),
]);

/** An effort rating: 0–10 on the CR10 scale, whole points. */
export const effortSchema = z.number().int().min(0).max(10);

// Heart rate summed up over a step or a workout; absent from entries logged before straps were supported.
const heartRateSummarySchema = z.object({ avgBpm: z.number().min(0).max(300), maxBpm: z.number().min(0).max(300), samples: z.number().int().min(0) });

const loggedStepSchema = z.object({
  name: text(200),
  kind: z.enum(['warmup', 'work', 'recover', 'rest', 'cooldown']),
  startSec: seconds,
  activeSec: seconds,
  skipped: z.boolean(),
  musicBpm: bpm.nullable(),
  heartRate: heartRateSummarySchema.nullable().default(null),
});

/** A stored workout-log entry. */
export const logEntrySchema: z.ZodType<WorkoutLogEntry> = z.object({
  id,
  workoutId: id.nullable(),
  workoutName: text(200),
  startedAt: timeMs,
  activeSec: seconds,
  completed: z.boolean(),
  stepsTotal: z.number().int().min(0),
  stepsCompleted: z.number().int().min(0),
  stepsSkipped: z.number().int().min(0),
  tracks: z.array(z.object({ trackId: id.nullable(), title: text(2000), seconds: seconds.nullable() })).max(10000),
  avgMusicBpm: bpm.nullable(),
  // Absent from entries logged before database version 4 (and from older backups): no step detail, not rated.
  steps: z.array(loggedStepSchema).max(10000).default([]),
  effort: effortSchema.nullable().default(null),
  heartRate: heartRateSummarySchema.nullable().default(null),
});

/** A log entry as Montage wrote it before version 3 of the database (and in version 1 backups). */
export const legacyLogEntrySchema = z.object({
  id: z.number().int().positive().optional(),
  workoutName: text(200),
  startedAt: timeMs,
  durationSec: seconds,
  stepsDone: z.number().int().min(0),
  stepsTotal: z.number().int().min(0),
  tracksPlayed: z.array(text(2000)).max(10000),
  avgMusicBpm: bpm.nullable(),
});

/** An old log entry. */
export type LegacyLogEntry = z.infer<typeof legacyLogEntrySchema>;

/** One track in a library export: the exact fields external tools read (a flat grid); full backups add the rest. */
export const exportedTrackSchema = z.object({
  ...trackIdentity,
  bpm: bpm.nullable(),
  firstBeatSec: seconds,
  beatsPerBar,
  ...trackAnalysis,
  // Present in full backups only (and, for `beats`, only for tracks whose tempo moves).
  firstDownbeatSec: seconds.optional(),
  beats: beatTimesSchema.optional(),
  alternatives: z.array(readingSchema).max(16).optional(),
  sizeBytes: z.number().int().min(0).optional(),
  mimeType: text(200).optional(),
  tagBpm: bpm.nullable().optional(),
  gainDb: z.number().min(-100).max(100).nullable().optional(),
  addedAt: timeMs.optional(),
  source: z.enum(['user', 'demo']).optional(),
});

/** A stored music choice; pinned tracks are keyed by a segment index written as text ("0", "1"…). */
export const musicChoiceSchema: z.ZodType<MusicChoice> = z.object({
  workoutId: id,
  playlistId: id.nullable(),
  lockedTrackIds: z.record(z.string().regex(/^\d{1,5}$/), id).transform((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [Number(k), v]))),
  maxTempoChangePct: z.number().min(0).max(MAX_TEMPO_CHANGE_PCT),
});

/** The backup version this code writes: 2 adds beat lists and the truthful workout log; version 1 files still restore. */
export const BACKUP_VERSION = 2;

/** A library export or full backup file (version 1 or 2). A library export has tracks only. */
export const backupSchema = z.object({
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: z.string().max(100),
  tracks: z.array(exportedTrackSchema).max(100000),
  workouts: z.array(workoutSchema).max(10000).default([]),
  playlists: z.array(playlistSchema).max(10000).default([]),
  /** Version 2 entries, or version 1 ones (converted on restore). */
  log: z.array(z.union([logEntrySchema, legacyLogEntrySchema])).max(100000).default([]),
  /** Each workout's music: playlist, pinned tracks, tempo change allowed (absent from older backups). */
  musicChoices: z.array(musicChoiceSchema).max(10000).default([]),
});

/** A parsed, valid backup file. */
export type Backup = z.infer<typeof backupSchema>;
/** A backup file as written (JSON-ready: beat lists as arrays of numbers). */
export type BackupFile = z.input<typeof backupSchema>;
/** One track entry of a backup file. */
export type ExportedTrack = z.infer<typeof exportedTrackSchema>;
