/** Reads tags (title, artist, album, duration, cover, BPM hint, ReplayGain) with music-metadata, defensively. */
import type { IPicture } from 'music-metadata';

/** The tags of a file, cleaned: plain strings (never HTML), plausible numbers or null. */
export interface TrackTags {
  /** The title tag, else the file name without its extension. */
  title: string;
  /** '' when untagged. */
  artist: string;
  album: string;
  /** Seconds as the container claims; null when unknown (decoding decides). */
  durationSec: number | null;
  /** A BPM tag in 30..300, else null. A hint only. */
  tagBpm: number | null;
  /** ReplayGain track gain in dB, or null. */
  gainDb: number | null;
  /** A raster cover whose bytes were checked (JPEG, PNG, WebP, GIF); null otherwise, never SVG. */
  cover: { mimeType: string; bytes: Uint8Array } | null;
}

/** Longest tag string kept, in UTF-16 units; longer ones end with "…". */
export const MAX_TAG_CHARS = 1000;
/** Largest cover image kept, in bytes. */
export const MAX_COVER_BYTES = 4 * 1024 * 1024;

/** Reads the tags of `file`; never throws: a damaged, hostile or slow file gives file-name-only tags after `timeoutMs`. */
export async function readTags(file: File, timeoutMs = 3000): Promise<TrackTags> {
  const fallback = fileNameTags(file.name);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    // music-metadata loads on the first import, not with the app (it is a quarter of the first page's JavaScript).
    const parsing = import('music-metadata').then(({ parseBlob }) => parseBlob(file, { duration: false, skipPostHeaders: true })).catch(() => null);
    const meta = await Promise.race([parsing, timeout]);
    if (!meta) return fallback;
    const { common, format } = meta;
    return {
      title: cleanTag(common.title) || fallback.title,
      artist: cleanTag(common.artist ?? common.artists?.[0]),
      album: cleanTag(common.album),
      durationSec: plausible(format.duration, 0, 1e6),
      tagBpm: plausibleBpm(common.bpm),
      gainDb: plausible(common.replaygain_track_gain?.dB ?? format.trackGain, -60, 60),
      cover: pickCover(common.picture),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Returns the tags known from the file name alone: the name without its extension as the title. */
export function fileNameTags(fileName: string): TrackTags {
  const base = fileName.replace(/\.[^./\\]{1,5}$/, '');
  return { title: cleanTag(base) || cleanTag(fileName) || 'Untitled', artist: '', album: '', durationSec: null, tagBpm: null, gainDb: null, cover: null };
}

/** Returns a BPM tag value (number or text) when it is a plausible tempo (30..300), else null. */
export function plausibleBpm(value: unknown): number | null {
  const n = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  return plausible(n, 30, 300);
}

/** Returns a tag as a trimmed plain string without control characters, at most MAX_TAG_CHARS long. */
export function cleanTag(value: unknown): string {
  if (typeof value !== 'string') return '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const text = value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (text.length <= MAX_TAG_CHARS) return text;
  let cut = text.slice(0, MAX_TAG_CHARS - 1);
  // Do not leave half of a surrogate pair at the cut.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Returns the image type of `bytes` from its magic number, or null when it is not a raster image we show. */
export function rasterImageType(bytes: Uint8Array): string | null {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x47, 0x49, 0x46, 0x38) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

function pickCover(pictures: IPicture[] | undefined): TrackTags['cover'] {
  if (!pictures?.length) return null;
  // Prefer the front cover, but take any raster picture over none.
  const ordered = [...pictures].sort((a, b) => Number(b.type === 'Cover (front)') - Number(a.type === 'Cover (front)'));
  for (const picture of ordered) {
    const mimeType = picture.data.length <= MAX_COVER_BYTES ? rasterImageType(picture.data) : null;
    if (mimeType) return { mimeType, bytes: picture.data };
  }
  return null;
}

function plausible(value: unknown, min: number, max: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : null;
}
