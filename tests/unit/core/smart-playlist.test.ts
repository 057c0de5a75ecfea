import { describe, expect, it } from 'vitest';
import { bpmInRange, matchesRules, playlistTracks, smartPlaylistTracks } from '../../../src/core/smart-playlist';
import { addTrackIds, moveTrackId, removeTrackAt, sortTrackIdsByBpm } from '../../../src/core/playlist-edit';
import { makeTrack } from '../storage/make-track';

const lib = [
  makeTrack({ id: 'a', title: 'Alpha', artist: 'Kraft', album: 'One', bpm: 85, durationSec: 200, confidence: 0.9 }),
  makeTrack({ id: 'b', title: 'Bravo', artist: 'Moby', album: 'Two', bpm: 172, durationSec: 300, confidence: 0.4 }),
  makeTrack({ id: 'c', title: 'Charlie', artist: 'Kraftwerk', album: 'One', bpm: 128, durationSec: 400, confidence: 0.8 }),
  makeTrack({ id: 'd', title: 'Delta', artist: 'Nobody', bpm: null, status: 'failed', confidence: 0 }),
];

describe('smart playlists', () => {
  it('matches a BPM range with or without half/double time', () => {
    expect(smartPlaylistTracks({ bpmMin: 165, bpmMax: 180, allowHalfDouble: false }, lib).map((t) => t.id)).toEqual(['b']);
    // 85 BPM counts as 170: sorted by counted tempo, so it comes before 172.
    expect(smartPlaylistTracks({ bpmMin: 165, bpmMax: 180, allowHalfDouble: true }, lib).map((t) => t.id)).toEqual(['a', 'b']);
    expect(bpmInRange(344, 165, 180, true)).toBe(172);
    expect(bpmInRange(100, 165, 180, true)).toBeNull();
  });

  it('filters by confidence, text, artist, album and duration; tracks without BPM only when no range is set', () => {
    expect(smartPlaylistTracks({ allowHalfDouble: false, minConfidence: 0.5 }, lib).map((t) => t.id)).toEqual(['a', 'c']);
    expect(smartPlaylistTracks({ allowHalfDouble: false, artist: 'KRAFT' }, lib).map((t) => t.id)).toEqual(['a', 'c']);
    expect(smartPlaylistTracks({ allowHalfDouble: false, album: 'two' }, lib).map((t) => t.id)).toEqual(['b']);
    expect(smartPlaylistTracks({ allowHalfDouble: false, text: 'char' }, lib).map((t) => t.id)).toEqual(['c']);
    expect(smartPlaylistTracks({ allowHalfDouble: false, durationMinSec: 250, durationMaxSec: 350 }, lib).map((t) => t.id)).toEqual(['b']);
    expect(matchesRules({ allowHalfDouble: false, text: 'delta' }, lib[3])).toBe(true);
    expect(matchesRules({ allowHalfDouble: false, bpmMin: 1, text: 'delta' }, lib[3])).toBe(false);
  });

  it('lists a manual playlist in its order, skipping tracks gone from the library', () => {
    expect(playlistTracks({ id: 'p', name: 'P', kind: 'manual', trackIds: ['c', 'gone', 'a'], updatedAt: 1 }, lib).map((t) => t.id)).toEqual(['c', 'a']);
  });
});

describe('manual playlist edits', () => {
  it('adds without duplicates, moves, removes and sorts by BPM with unknown tempo last', () => {
    expect(addTrackIds(['a'], ['b', 'a', 'c', 'b'])).toEqual(['a', 'b', 'c']);
    expect(moveTrackId(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveTrackId(['a', 'b', 'c'], 2, -5)).toEqual(['c', 'a', 'b']);
    expect(moveTrackId(['a', 'b'], 7, 0)).toEqual(['a', 'b']);
    expect(removeTrackAt(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
    expect(sortTrackIdsByBpm(['d', 'b', 'x', 'a', 'c'], lib, 'asc')).toEqual(['a', 'c', 'b', 'd', 'x']);
    expect(sortTrackIdsByBpm(['d', 'b', 'x', 'a', 'c'], lib, 'desc')).toEqual(['b', 'c', 'a', 'd', 'x']);
  });
});
