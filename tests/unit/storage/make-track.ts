/** Test data builders for the storage tests. */
import { readFileSync } from 'node:fs';
import type { TrackRecord } from '../../../src/core/track';
import { gridOf, type FlatFields } from '../../helpers/tracks';
import { openDb } from '../../../src/storage/db';

/** Returns a valid track record; `overrides` win, and flat grid fields (`bpm`…) build its grid (128 BPM from 0.5 s by default). */
export function makeTrack(overrides: Partial<TrackRecord> & FlatFields = {}): TrackRecord {
  const { bpm, firstBeatSec, firstDownbeatSec, beatsPerBar, ...rest } = overrides;
  const flat = { bpm: bpm === undefined ? 128 : bpm, firstBeatSec: firstBeatSec ?? 0.5, firstDownbeatSec: firstDownbeatSec ?? firstBeatSec ?? 0.5, beatsPerBar };
  return {
    id: 'a'.repeat(64),
    fileName: 'song.mp3',
    title: 'Song',
    artist: 'Artist',
    album: 'Album',
    durationSec: 180,
    sizeBytes: 1000,
    mimeType: 'audio/mpeg',
    grid: gridOf(flat),
    alternatives: [],
    confidence: 0.9,
    status: 'ready',
    corrected: false,
    tagBpm: null,
    gainDb: null,
    coverId: null,
    addedAt: 1_700_000_000_000,
    source: 'user',
    ...rest,
  };
}

/** Opens a database with a name no other test uses. */
export function freshDb() {
  return openDb(`test-${crypto.randomUUID()}`);
}

/** Returns a fixture from tests/fixtures/bad as a File with its real name. */
export function badFile(name: string): File {
  const bytes = readFileSync(new URL(`../../fixtures/bad/${name}`, import.meta.url));
  return new File([bytes], name);
}

/** Returns `target` with some members replaced; the others still act on `target`. */
export function override<T extends object>(target: T, overrides: Record<string, unknown>): T {
  return new Proxy(target, {
    get(t, key) {
      if (typeof key === 'string' && key in overrides) return overrides[key];
      const value: unknown = Reflect.get(t, key);
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
}
