import { describe, expect, it } from 'vitest';
import { matchPlaylistFile, parsePlaylistFile, playlistToFile } from '../../../src/core/playlist-file';
import { playlistFileName, playlistToM3u8 } from '../../../src/core/playlist-m3u';
import type { Playlist } from '../../../src/core/playlist';
import { makeTrack } from '../storage/make-track';

const a = makeTrack({ id: 'a'.repeat(64), title: 'Run', artist: 'Band', fileName: 'run.mp3', durationSec: 201.6, bpm: 170 });
const b = makeTrack({ id: 'b'.repeat(64), title: 'Line\nBreak', artist: '', fileName: 'b.flac', durationSec: 90, bpm: 85 });
const manual: Playlist = { id: 'p1', name: 'Tempo run', kind: 'manual', trackIds: [a.id, b.id], updatedAt: 1 };

describe('M3U8 export', () => {
  it('writes #EXTM3U, then #EXTINF seconds and "artist - title", then the file name', () => {
    expect(playlistToM3u8('Tempo run', [a, b])).toBe('#EXTM3U\n#PLAYLIST:Tempo run\n#EXTINF:202,Band - Run\nrun.mp3\n#EXTINF:90,Line Break\nb.flac\n');
    expect(playlistFileName('Run/../../etc: 170!', 'm3u8')).toBe('Runetc 170.m3u8');
  });
});

describe('JSON playlist files', () => {
  it('round-trips a manual playlist and reports tracks the library lacks', () => {
    const text = JSON.stringify(playlistToFile(manual, [a, b], '2025-01-01T00:00:00.000Z'));
    const parsed = parsePlaylistFile(text, 'run.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(matchPlaylistFile(parsed.file, new Set([a.id, b.id]))).toEqual({ kind: 'manual', name: 'Tempo run', trackIds: [a.id, b.id], missing: [] });
    expect(matchPlaylistFile(parsed.file, new Set([b.id]))).toEqual({ kind: 'manual', name: 'Tempo run', trackIds: [b.id], missing: ['Band - Run'] });
  });

  it('round-trips a smart playlist with its rules', () => {
    const smart: Playlist = { id: 's', name: 'Fast', kind: 'smart', rules: { bpmMin: 160, bpmMax: 180, allowHalfDouble: true, artist: 'Band' }, updatedAt: 1 };
    const parsed = parsePlaylistFile(JSON.stringify(playlistToFile(smart, [a], 'now')), 'fast.json');
    expect(parsed.ok && matchPlaylistFile(parsed.file, new Set())).toEqual({ kind: 'smart', name: 'Fast', rules: smart.rules, missing: [] });
  });

  it('rejects hostile input with a message naming the file, without polluting prototypes', () => {
    const bad = (text: string) => {
      const r = parsePlaylistFile(text, 'evil.json');
      return r.ok ? 'accepted' : r.error;
    };
    expect(bad('{nope')).toBe('evil.json: not valid JSON');
    expect(bad('[]')).toMatch(/^evil\.json: not a Montage playlist file/);
    expect(bad(JSON.stringify({ format: 'montage-playlist', version: 9 }))).toMatch(/evil\.json: made by a newer version/);
    expect(bad('['.repeat(5000) + ']'.repeat(5000))).toMatch(/evil\.json: nested more than/);
    const file = playlistToFile(manual, [a], 'now');
    expect(bad(JSON.stringify({ ...file, tracks: [{ ...file.tracks[0], bpm: 'fast' }] }))).toMatch(/^evil\.json: tracks\[0\]\.bpm: /);
    expect(bad(JSON.stringify({ ...file, playlist: { kind: 'smart', name: 'x', rules: { allowHalfDouble: true, bpmMin: -4 } } }))).toMatch(/playlist\.rules\.bpmMin/);
    const polluted = `{"format":"montage-playlist","version":1,"exportedAt":"x","__proto__":{"polluted":true},"playlist":{"kind":"manual","name":"n","constructor":{"prototype":{"polluted":true}}},"tracks":[]}`;
    const r = parsePlaylistFile(polluted, 'evil.json');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.ok && Object.getPrototypeOf(r.file)).toBe(Object.prototype);
    expect(r.ok && 'polluted' in r.file).toBe(false);
  });
});
