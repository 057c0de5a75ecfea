/** M3U8 export of a playlist: the extended M3U format most players read (`#EXTM3U`, then `#EXTINF` + file per track). */
import type { TrackRecord } from './track';

// A line break inside a tag would start a new entry: fold any to a space.
const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ').trim();

/** Returns the playlist as M3U8 text (UTF-8): `#EXTINF:<whole seconds>,<artist> - <title>` then the file name, per track. */
export function playlistToM3u8(name: string, tracks: readonly Pick<TrackRecord, 'title' | 'artist' | 'fileName' | 'durationSec'>[]): string {
  const lines = ['#EXTM3U', `#PLAYLIST:${oneLine(name)}`];
  for (const t of tracks) {
    const label = t.artist ? `${oneLine(t.artist)} - ${oneLine(t.title || t.fileName)}` : oneLine(t.title || t.fileName);
    lines.push(`#EXTINF:${Math.round(t.durationSec)},${label}`, oneLine(t.fileName));
  }
  return `${lines.join('\n')}\n`;
}

/** Returns a file name made from a playlist name (letters, digits, spaces, - and _ kept), with `extension`. */
export function playlistFileName(name: string, extension: string): string {
  const base = name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().slice(0, 80) || 'playlist';
  return `${base}.${extension}`;
}
