import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../../src/analysis/analyze-track';
import { ANALYSIS_RATE, computeNovelty } from '../../../src/analysis/novelty';
import { beatTimes, blip, drumGroove, kick, mixAt, snare } from '../../helpers/signals';

const RATE = 22050;
const SECONDS = 24;

/** Returns a four-on-the-floor groove: kick on every beat, snare on 2 and 4, hats on the off-beats, a bass note on the one. */
function fourOnTheFloor(bpm: number, firstBeat: number): Float32Array {
  const out = new Float32Array(SECONDS * RATE);
  const bass = blip(55, 0.25, RATE, 0.5);
  beatTimes(bpm, firstBeat, SECONDS).forEach((t, i) => {
    mixAt(out, kick(RATE), t, RATE, 0.8);
    if (i % 2 === 1) mixAt(out, snare(RATE, 3), t, RATE, 0.6);
    mixAt(out, snare(RATE, 4, 0.02, 0), t + 30 / bpm, RATE, 0.2);
    if (i % 4 === 0) mixAt(out, bass, t, RATE, 0.5);
  });
  return out;
}

/** Returns the positions in the bar (0 = the one) of the detected downbeats that fall on a true beat. */
function barPositions(downbeats: number[], bpm: number, firstBeat: number): number[] {
  const beats = beatTimes(bpm, firstBeat, SECONDS);
  return downbeats.flatMap((d) => {
    const i = beats.findIndex((b) => Math.abs(b - d) < 0.04);
    return i >= 0 ? [i % 4] : [];
  });
}

describe('downbeats of drum grooves', () => {
  for (const bpm of [90, 120, 150]) {
    for (const firstBeat of [0.1, 0.45]) {
      it(`never puts the one on the backbeat of an unaccented groove (${bpm} BPM from ${firstBeat} s)`, () => {
        const result = analyzeTrack(drumGroove({ bpm, seconds: SECONDS, sampleRate: RATE, firstBeat }), RATE);
        expect(result.beatsPerBar).toBe(4);
        const positions = barPositions(result.downbeats, bpm, firstBeat);
        expect(positions.length).toBeGreaterThan(0.9 * result.downbeats.length);
        // Kick on 1 and 3, snare on 2 and 4: 1 and 3 are equally likely, 2 and 4 are wrong.
        expect(positions.every((p) => p === 0 || p === 2)).toBe(true);
      });
    }
  }

  it('puts the one on the bass note of a groove without crashes', () => {
    for (const [bpm, firstBeat] of [[96, 0.2], [128, 0.6], [140, 0.35]]) {
      const pcm = drumGroove({ bpm, seconds: SECONDS, sampleRate: RATE, firstBeat });
      beatTimes(bpm, firstBeat, SECONDS).forEach((t, i) => i % 4 === 0 && mixAt(pcm, blip(55, 0.25, RATE, 0.5), t, RATE, 0.5));
      const positions = barPositions(analyzeTrack(pcm, RATE).downbeats, bpm, firstBeat);
      expect(positions.filter((p) => p === 0).length).toBeGreaterThan(0.9 * positions.length);
    }
  });

  it('finds the one of four-on-the-floor grooves with the bass on the one in most tempi and phases', () => {
    // Kick on every beat: only the bass note marks the bar, and the snare's body must not pass for a kick.
    let found = 0;
    const cases = [96, 104, 120, 128, 140].flatMap((bpm) => [0.1, 0.8].map((firstBeat) => [bpm, firstBeat]));
    for (const [bpm, firstBeat] of cases) {
      const positions = barPositions(analyzeTrack(fourOnTheFloor(bpm, firstBeat), RATE).downbeats, bpm, firstBeat);
      if (positions.length > 0 && positions.filter((p) => p === 0).length > 0.9 * positions.length) found++;
    }
    expect(found).toBeGreaterThanOrEqual(cases.length - 2);
  });
});

describe('low-band flux', () => {
  /** Returns the summed low-band flux of tone bursts at `hz`, every half second. */
  function lowFluxOf(hz: number): number {
    const pcm = new Float32Array(4 * ANALYSIS_RATE);
    const burst = blip(hz, 0.08, ANALYSIS_RATE, 0.3);
    // An 18 ms fade-in, so that the click of a sine starting at full level does not spread into every band.
    for (let i = 0; i < 200; i++) burst[i] *= i / 200;
    for (let t = 0.25; t < 3.8; t += 0.5) mixAt(pcm, burst, t, ANALYSIS_RATE, 0.5);
    return computeNovelty(pcm).lowFlux.reduce((a, b) => a + b, 0);
  }

  it('hears a kick-range tone and not a snare-body tone', () => {
    // Snare drums ring at 170–250 Hz; counting them as kicks made backbeats pass for downbeats.
    expect(lowFluxOf(210)).toBeLessThan(0.4 * lowFluxOf(70));
  });
});
