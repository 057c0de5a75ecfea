/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../src/audio/export-render';
import type { PieceRealm, PieceRequest, PieceResult } from '../../../src/audio/export-piece';
import { planWorkout, type MusicRequest } from '../../../src/core/program';
import { tabataTemplate } from '../../../src/core/workout-templates';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';
import { poolTrack } from '../../helpers/tracks';
import { wholeReader, type TrackReader } from '../../../src/core/track-reader';
import type { OfflineStretcher } from '../../../src/core/prestretch';

// The export's pipeline of pieces, with realms that stand in for the renderer: each "renders" a piece as its own
// index, after a wait, so order, overlap, turns and clean-up are visible without Web Audio.

const RATE = 8000;
const library = [150, 155, 162, 168, 172].map((bpm, i) => poolTrack({ id: `t${i}`, bpm, firstBeatSec: 0.2, durationSec: 240 }));
const music: MusicRequest = { library, demo: demoTrackInfos(), maxTempoChangePct: 8 };
const program = planWorkout(tabataTemplate(), music, { quantize: 'bar', countdownBeats: 3, metronome: false });

/** A decoded track as a decoder hands it over: silence of the right length. */
const loadTrack = async (id: string): Promise<TrackReader> => {
  const length = Math.round(library.find((t) => t.id === id)!.durationSec * RATE);
  return wholeReader(RATE, [new Float32Array(length), new Float32Array(length)]);
};
const newBuffer = (init: AudioBufferOptions): AudioBuffer => ({ ...init, copyToChannel: () => undefined, getChannelData: () => new Float32Array(init.length) }) as unknown as AudioBuffer;

/** A stretcher that makes silence, counting the stretchers open (one per tempo-matched segment being read). */
function fakeStretcher() {
  const count = { opened: 0, closed: 0 };
  const stretch: OfflineStretcher = {
    open: async ({ channels }) => {
      count.opened += 1;
      return { render: async (frames) => Array.from({ length: channels }, () => new Float32Array(frames)), close: () => { count.closed += 1; } };
    },
  };
  return { count, stretch };
}

/** Realms whose pieces are filled with their index; records what was open and rendering at once. */
function fakeRealms(fail?: number) {
  const log = { opened: 0, closed: 0, maxOpen: 0, rendering: 0, maxRendering: 0, order: [] as number[] };
  let k = 0;
  const openRealm = async (): Promise<PieceRealm> => {
    log.opened += 1;
    log.maxOpen = Math.max(log.maxOpen, log.opened - log.closed);
    const index = k++;
    return {
      newBuffer,
      close: () => { log.closed += 1; },
      renderPiece: async (request: PieceRequest): Promise<PieceResult> => {
        const end = (await request.renderTurn?.()) ?? (() => undefined);
        log.rendering += 1;
        log.maxRendering = Math.max(log.maxRendering, log.rendering);
        log.order.push(index);
        await new Promise((resolve) => setTimeout(resolve, 5 + ((index * 7) % 4)));
        log.rendering -= 1;
        end();
        if (index === fail) return { samples: [], placed: [], failure: `Could not play "Track ${index}".` };
        const length = request.delayFrames + request.frames + 2;
        return { samples: [new Float32Array(length).fill(index + 1), new Float32Array(length).fill(index + 1)], placed: [], failure: null };
      },
    };
  };
  return { log, openRealm };
}

describe('renderExport: pieces in realms of their own', () => {
  it('writes every piece in order, one realm per piece, the next made while one renders, the renders taking turns', async () => {
    const { log, openRealm } = fakeRealms();
    const { count, stretch } = fakeStretcher();
    const written: number[] = [];
    const render = await renderExport(program, loadTrack, { sampleRate: RATE, pieceSec: 20, include: 'music', openRealm, stretch }, async (channels) => {
      written.push(channels[0][channels[0].length - 1]);
    });
    const pieces = render.joins.length + 1;
    expect(pieces).toBeGreaterThan(5);
    // Each piece's own samples, in order (the end of a piece is past its join's crossfade).
    expect(written).toEqual(Array.from({ length: pieces }, (_, i) => i + 1));
    expect(log.opened).toBe(pieces);
    expect(log.closed).toBe(pieces);
    expect(log.maxOpen).toBe(2);
    expect(log.maxRendering).toBe(1);
    expect(log.order).toEqual(Array.from({ length: pieces }, (_, i) => i));
    // One stretcher per tempo-matched segment, each let go of.
    const stretched = program.segments.filter((s) => Math.abs(s.playbackRate - 1) > 1e-3).length;
    expect(stretched).toBeGreaterThan(0);
    expect(count.opened).toBe(stretched);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(count.closed).toBe(count.opened);
  });

  it('a piece that fails stops the export with its message, writes nothing after it and leaves no realm open', async () => {
    const { log, openRealm } = fakeRealms(2);
    const { count, stretch } = fakeStretcher();
    let writes = 0;
    await expect(renderExport(program, loadTrack, { sampleRate: RATE, pieceSec: 20, include: 'music', openRealm, stretch }, async () => { writes += 1; }))
      .rejects.toThrow('Could not play "Track 2".');
    expect(writes).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log.closed).toBe(log.opened);
    expect(count.closed).toBe(count.opened);
  });

  it('an abort stops before the next piece and closes the realm still open', async () => {
    const { log, openRealm } = fakeRealms();
    const { count, stretch } = fakeStretcher();
    const stop = new AbortController();
    let writes = 0;
    await expect(renderExport(program, loadTrack, { sampleRate: RATE, pieceSec: 20, include: 'music', openRealm, signal: stop.signal, stretch }, async () => {
      writes += 1;
      if (writes === 3) stop.abort(new Error('cancelled'));
    })).rejects.toThrow('cancelled');
    expect(writes).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log.closed).toBe(log.opened);
    expect(log.opened).toBeLessThanOrEqual(5);
    expect(count.closed).toBe(count.opened);
  });
});
