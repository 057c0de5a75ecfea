import { describe, expect, it } from 'vitest';
import { HeldTracks } from '../../../src/audio/held-tracks';
import { wholeReader, type TrackReader } from '../../../src/core/track-reader';
import type { TrackClip } from '../../../src/core/export-window';

const RATE = 100;
/** A stand-in for the realm's AudioBuffer: its channels are plain arrays the reader writes into. */
const newBuffer = (init: AudioBufferOptions): AudioBuffer => {
  const channels = Array.from({ length: init.numberOfChannels ?? 1 }, () => new Float32Array(init.length));
  return { ...init, getChannelData: (c: number) => channels[c] } as unknown as AudioBuffer;
};
/** A track whose left samples count 0, 1, 2… and right ones count down from 0. */
const track = (length: number): TrackReader =>
  wholeReader(RATE, [Float32Array.from({ length }, (_, i) => i), Float32Array.from({ length }, (_, i) => -i)]);
const clip = (clipId: string, trackId: string, fromTrackSec: number, toTrackSec: number): TrackClip => ({ clipId, trackId, fromTrackSec, toTrackSec });

describe('HeldTracks: each piece reads its own stretch of a track into the buffer of the realm that renders it', () => {
  it('writes the clip frames into the realm buffer and opens a track again only after a piece let it go', async () => {
    const opened: string[] = [];
    const held = new HeldTracks(
      [[clip('a@0', 'a', 0, 1)], [clip('a@0', 'a', 1, 2.5), clip('b@1', 'b', 0, 0.5)], [clip('b@1', 'b', 0.5, 1)], [clip('a@2', 'a', 3, 4)]],
      async (id) => (opened.push(id), track(1000)),
    );
    const first = await held.clipsFor(0, newBuffer);
    expect(Array.from(first.get('a@0')!.getChannelData(0).subarray(0, 3))).toEqual([0, 1, 2]);
    const second = await held.clipsFor(1, newBuffer);
    const a = second.get('a@0')!;
    expect(a.length).toBe(150);
    expect(a.getChannelData(0)[0]).toBe(100);
    expect(a.getChannelData(1)[149]).toBe(-249);
    expect(second.get('b@1')!.length).toBe(50);
    await held.clipsFor(2, newBuffer);
    await held.clipsFor(3, newBuffer);
    // Track a was held across pieces 0 and 1, let go by piece 2, and opened again for piece 3.
    expect(opened).toEqual(['a', 'b', 'a']);
  });

  it('reads a loop whole', async () => {
    const held = new HeldTracks([[clip('loop', 'loop', 0, Infinity)]], async () => track(300));
    const clips = await held.clipsFor(0, newBuffer);
    expect(clips.get('loop')!.length).toBe(300);
    expect(clips.get('loop')!.getChannelData(0)[299]).toBe(299);
  });
});
