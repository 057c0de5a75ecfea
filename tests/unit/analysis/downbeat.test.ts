import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../../src/analysis/analyze-track';
import { beatChroma, chromaChange } from '../../../src/analysis/chroma';
import { beatTimes, drumGroove, mixAt } from '../../helpers/signals';

const RATE = 22050;
/** C, Am, F, G as MIDI note numbers (root position triads around middle C). */
const PROGRESSION = [
  [60, 64, 67],
  [57, 60, 64],
  [53, 57, 60],
  [55, 59, 62],
];

const hz = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);

/** Returns a chord held for `seconds`: each note with two harmonics and a slow decay. */
function chord(notes: number[], seconds: number, sampleRate: number): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * sampleRate) }, (_, i) => {
    const t = i / sampleRate;
    let x = 0;
    for (const note of notes) for (const [harmonic, gain] of [[1, 1], [2, 0.4], [3, 0.2]]) x += gain * Math.sin(2 * Math.PI * hz(note) * harmonic * t);
    return 0.08 * x * Math.exp(-t / 2) * Math.min(1, t / 0.005);
  });
}

/**
 * Returns a groove whose kick pattern cannot tell beat 1 from beat 3 (kick on both, snare on 2 and
 * 4) with chords changing every bar on beat `barStart` of the drum pattern (0 or 2).
 */
function chordGroove(bpm: number, seconds: number, firstBeat: number, barStart: number): { pcm: Float32Array; downbeats: number[] } {
  const pcm = drumGroove({ bpm, seconds, sampleRate: RATE, firstBeat });
  const beats = beatTimes(bpm, firstBeat, seconds);
  const downbeats = beats.filter((_, i) => i % 4 === barStart);
  downbeats.forEach((t, bar) => mixAt(pcm, chord(PROGRESSION[bar % 4], (4 * 60) / bpm, RATE), t, RATE));
  return { pcm, downbeats };
}

describe('downbeats from chord changes', () => {
  for (const barStart of [0, 2]) {
    for (const bpm of [96, 132]) {
      it(`puts the one where the chords change (beat ${barStart + 1} of the drum pattern, ${bpm} BPM)`, () => {
        const { pcm, downbeats } = chordGroove(bpm, 24, 0.3, barStart);
        const result = analyzeTrack(pcm, RATE);
        expect(result.bpm).toBeCloseTo(bpm, 0);
        expect(result.beatsPerBar).toBe(4);
        const inner = downbeats.slice(1, -1);
        const hits = inner.filter((t) => result.downbeats.some((d) => Math.abs(d - t) < 0.05));
        expect(hits.length / inner.length).toBeGreaterThan(0.9);
      });
    }
  }
});

describe('beatChroma', () => {
  it('puts an A major triad into A, C♯ and E', () => {
    const pcm = chord([57, 61, 64], 1, 11025);
    const chroma = beatChroma(pcm, 11025, [0]);
    const ranked = [...chroma].map((v, p) => [v, p]).sort((a, b) => b[0] - a[0]).map(([, p]) => p);
    expect(ranked.slice(0, 3).sort((a, b) => a - b)).toEqual([1, 4, 9]);
    expect(Math.hypot(...chroma)).toBeCloseTo(1, 5);
  });

  it('gives zeros for silence and beats past the end', () => {
    const chroma = beatChroma(new Float32Array(4000), 11025, [0, 10000]);
    expect([...chroma].every((v) => v === 0)).toBe(true);
  });

  it('measures chord change where the chord changes and not elsewhere', () => {
    const beat = 5000; // samples
    const pcm = new Float32Array(8 * beat);
    mixAt(pcm, chord(PROGRESSION[0], (4 * beat) / 11025, 11025), 0, 11025);
    mixAt(pcm, chord(PROGRESSION[2], (4 * beat) / 11025, 11025), (4 * beat) / 11025, 11025);
    const change = chromaChange(beatChroma(pcm, 11025, [0, 1, 2, 3, 4, 5, 6, 7].map((i) => i * beat)), 1);
    expect(change[4]).toBeGreaterThan(0.2);
    for (const i of [1, 2, 3, 5, 6, 7]) expect(change[i]).toBeLessThan(0.05);
  });
});
