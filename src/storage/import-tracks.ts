/** The import pipeline for one file: check, identify, de-duplicate, read tags, store audio, then the record. */
import type { TrackRecord } from '../core/track';
import type { MontageDb } from './db';
import { CorruptRecordError, abortQuietly, messageOf } from './db';
import type { AudioStore } from './audio-store';
import { sniffBlob } from './sniff-audio';
import type { WavInfo } from './sniff-audio';
import { contentId } from './content-id';
import { readTags as readTagsDefault, cleanTag } from './read-tags';
import type { TrackTags } from './read-tags';
import { getTrack, putTrack } from './track-repo';
import { isQuotaError, StorageFullError } from './quota';

/** What `importFile` needs; `readTags` and `now` are injectable for tests. */
export interface ImportDeps {
  db: MontageDb;
  audio: AudioStore;
  readTags?: (file: File) => Promise<TrackTags>;
  /** Milliseconds since the epoch. */
  now?: () => number;
}

/** The outcome of importing one file. `error` is a message for the user that names the file. Never a throw. */
export type ImportResult =
  | { status: 'added'; track: TrackRecord }
  | { status: 'duplicate'; track: TrackRecord }
  | { status: 'failed'; fileName: string; error: string };

/** Imports one file as a 'queued' track (analysis comes later); a failure leaves everything stored untouched. */
export async function importFile(file: File, deps: ImportDeps): Promise<ImportResult> {
  const fail = (error: string): ImportResult => ({ status: 'failed', fileName: file.name, error });
  if (file.size === 0) return fail(`${file.name}: empty file`);
  try {
    const sniffed = await sniffBlob(file);
    if (!sniffed.ok) return fail(`${file.name}: ${sniffed.error}`);
    const id = await contentId(file);
    const existing = await getTrack(deps.db, id).catch((e: unknown) => {
      // A damaged record is replaced by the fresh import: importing again is how the user repairs it.
      if (e instanceof CorruptRecordError) return null;
      throw e;
    });
    if (existing && (await deps.audio.hasAudio(id))) return { status: 'duplicate', track: existing };
    const hadAudio = await deps.audio.hasAudio(id);
    await deps.audio.putAudio(id, file, file.name);
    try {
      const track = existing
        ? await reattachAudio(deps.db, existing, file, sniffed.mimeType)
        : await addRecord(deps, file, id, sniffed.mimeType, sniffed.wav);
      return { status: 'added', track };
    } catch (e) {
      // Only audio this call wrote is removed; bytes that were there before belong to someone else.
      if (!hadAudio) await deps.audio.deleteAudio(id).catch(() => undefined);
      throw e;
    }
  } catch (e) {
    if (e instanceof StorageFullError || isQuotaError(e)) return fail(`storage is full: ${file.name} was not saved`);
    if (e instanceof Error && e.name === 'NotReadableError') return fail(`${file.name}: could not be read (was it moved or deleted?)`);
    return fail(`${file.name}: could not be imported (${messageOf(e)})`);
  }
}

async function addRecord(deps: ImportDeps, file: File, id: string, mimeType: string, wav?: WavInfo): Promise<TrackRecord> {
  const tags = await (deps.readTags ?? readTagsDefault)(file);
  const cover = tags.cover ? new Blob([tags.cover.bytes as BlobPart], { type: tags.cover.mimeType }) : null;
  const coverId = cover ? await contentId(cover) : null;
  const track: TrackRecord = {
    id,
    fileName: cleanTag(file.name),
    title: tags.title,
    artist: tags.artist,
    album: tags.album,
    durationSec: tags.durationSec ?? (wav ? wavDurationSec(wav) : 0),
    sizeBytes: file.size,
    mimeType,
    grid: null,
    alternatives: [],
    confidence: 0,
    status: 'queued',
    corrected: false,
    tagBpm: tags.tagBpm,
    gainDb: tags.gainDb,
    coverId,
    addedAt: (deps.now ?? Date.now)(),
    source: 'user',
  };
  // Cover and record in one transaction: both are saved or neither.
  const tx = deps.db.transaction(['tracks', 'covers'], 'readwrite');
  try {
    if (cover && coverId) await tx.objectStore('covers').put(cover, coverId);
    await tx.objectStore('tracks').put(track);
    await tx.done;
  } catch (e) {
    abortQuietly(tx);
    throw e;
  }
  return track;
}

/** A record restored from a backup without its audio gets the audio back and keeps its analysis. */
async function reattachAudio(db: MontageDb, existing: TrackRecord, file: File, mimeType: string): Promise<TrackRecord> {
  const { error: _oldError, ...rest } = existing;
  const analysed = existing.grid !== null || existing.corrected || existing.confidence > 0;
  const track: TrackRecord = { ...rest, sizeBytes: file.size, mimeType, status: analysed ? 'ready' : 'queued' };
  await putTrack(db, track);
  return track;
}

function wavDurationSec(wav: WavInfo): number {
  const bytesPerSecond = wav.sampleRate * wav.channels * Math.ceil(wav.bitsPerSample / 8);
  return bytesPerSecond > 0 ? wav.dataBytes / bytesPerSecond : 0;
}
