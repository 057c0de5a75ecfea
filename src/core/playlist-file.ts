/**
 * The Montage playlist file (JSON, versioned): writing it, and reading one from outside safely — size and nesting
 * refused before parsing, prototype keys dropped while parsing, every field validated with zod; errors name the file.
 */
import { z } from 'zod';
import type { Playlist, SmartRules } from './playlist';
import { trackBpm, type TrackRecord } from './track';

/** The file format version this code writes and reads. */
export const PLAYLIST_FILE_VERSION = 1;
/** Largest playlist file accepted, in characters. */
export const MAX_PLAYLIST_FILE_CHARS = 20 * 1024 * 1024;
const MAX_DEPTH = 8;

const text = (max: number) => z.string().max(max);
const bpm = z.number().min(1).max(1000);
const seconds = z.number().min(0).max(1e7);

/** The zod schema of a smart playlist's rules (shared by playlist files and stored records). */
export const smartRulesSchema = z.object({
  bpmMin: bpm.optional(),
  bpmMax: bpm.optional(),
  allowHalfDouble: z.boolean(),
  minConfidence: z.number().min(0).max(1).optional(),
  text: text(200).optional(),
  artist: text(2000).optional(),
  album: text(2000).optional(),
  durationMinSec: seconds.optional(),
  durationMaxSec: seconds.optional(),
});

const fileTrackSchema = z.object({
  id: z.string().min(1).max(200),
  title: text(2000),
  artist: text(2000),
  fileName: text(1000),
  durationSec: seconds,
  bpm: bpm.nullable(),
});

/** A playlist file as read: for a manual playlist `tracks` is the list in order; for a smart one, what matched on export. */
export const playlistFileSchema = z.object({
  format: z.literal('montage-playlist'),
  version: z.literal(PLAYLIST_FILE_VERSION),
  exportedAt: text(100),
  playlist: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('manual'), name: text(200) }),
    z.object({ kind: z.literal('smart'), name: text(200), rules: smartRulesSchema }),
  ]),
  tracks: z.array(fileTrackSchema).max(100_000),
});

/** A valid playlist file. */
export type PlaylistFile = z.infer<typeof playlistFileSchema>;

/** Returns the file for `playlist` with its `tracks` (in playing order); `exportedAt` is an ISO time. */
export function playlistToFile(playlist: Playlist, tracks: readonly TrackRecord[], exportedAt: string): PlaylistFile {
  const head = playlist.kind === 'smart' ? { kind: 'smart' as const, name: playlist.name, rules: playlist.rules } : { kind: 'manual' as const, name: playlist.name };
  return {
    format: 'montage-playlist',
    version: PLAYLIST_FILE_VERSION,
    exportedAt,
    playlist: head,
    tracks: tracks.map((t) => ({ id: t.id, title: t.title, artist: t.artist, fileName: t.fileName, durationSec: t.durationSec, bpm: trackBpm(t) })),
  };
}

/** Parses a playlist file's text; `error` names the file and the problem (size, JSON, nesting, version or the bad field). */
export function parsePlaylistFile(source: string, fileName: string): { ok: true; file: PlaylistFile } | { ok: false; error: string } {
  const fail = (problem: string) => ({ ok: false as const, error: `${fileName}: ${problem}` });
  if (source.length > MAX_PLAYLIST_FILE_CHARS) return fail(`too large (the limit is ${MAX_PLAYLIST_FILE_CHARS / 1048576} MB)`);
  if (depthOf(source) > MAX_DEPTH) return fail(`nested more than ${MAX_DEPTH} levels deep`);
  let raw: unknown;
  try {
    raw = JSON.parse(source, (key, value: unknown) => (key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value));
  } catch {
    return fail('not valid JSON');
  }
  const head = typeof raw === 'object' && raw !== null ? (raw as { format?: unknown; version?: unknown }) : {};
  if (head.format !== 'montage-playlist') return fail('not a Montage playlist file (no "format": "montage-playlist")');
  if (typeof head.version === 'number' && head.version > PLAYLIST_FILE_VERSION) return fail(`made by a newer version of Montage (playlist version ${head.version})`);
  const parsed = playlistFileSchema.safeParse(raw);
  if (parsed.success) return { ok: true, file: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return fail(`${where || 'file'}: ${issue.message}`);
}

/** What an imported file becomes: the rules or the ids found in the library, and the tracks it lacks ("Artist - Title"). */
export type ImportedPlaylist =
  | { kind: 'manual'; name: string; trackIds: string[]; missing: string[] }
  | { kind: 'smart'; name: string; rules: SmartRules; missing: string[] };

/** Returns the playlist of `file` matched against the library by id (the content hash of the audio). */
export function matchPlaylistFile(file: PlaylistFile, libraryIds: ReadonlySet<string>): ImportedPlaylist {
  if (file.playlist.kind === 'smart') return { kind: 'smart', name: file.playlist.name, rules: file.playlist.rules, missing: [] };
  const present = file.tracks.filter((t) => libraryIds.has(t.id));
  const missing = file.tracks.filter((t) => !libraryIds.has(t.id)).map((t) => (t.artist ? `${t.artist} - ${t.title || t.fileName}` : t.title || t.fileName));
  return { kind: 'manual', name: file.playlist.name, trackIds: [...new Set(present.map((t) => t.id))], missing };
}

// Deepest bracket nesting outside strings (parsing with a reviver recurses, so absurd nesting is refused first).
function depthOf(source: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}
