import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../../src/analysis/analyze-track';
import { beatTimes, clickTrack, drumGroove, noise, silence, sine, tempoChangeBeats } from '../../helpers/signals';

const RATE = 22050;

/** Returns true when `bpm` is `truth` or a ×2 / ×½ reading of it, within 2 %. */
const matchesOctave = (bpm: number | null, truth: number): boolean =>
  bpm !== null && [1, 2, 0.5].some((k) => Math.abs(bpm - truth * k) <= 0.02 * truth * k);

/** Returns the share of `truth` beats with a detected beat within `toleranceSec`. */
function recall(detected: number[], truth: number[], toleranceSec = 0.03): number {
  const hits = truth.filter((t) => detected.some((d) => Math.abs(d - t) <= toleranceSec));
  return hits.length / truth.length;
}

describe('analyzeTrack on click tracks', () => {
  for (const bpm of [60, 75, 90, 120, 128, 150, 175, 200]) {
    it(`finds ${bpm} BPM and its beats within 30 ms`, () => {
      const firstBeat = 0.37;
      const result = analyzeTrack(clickTrack({ bpm, seconds: 20, sampleRate: RATE, firstBeat }), RATE);
      expect(matchesOctave(result.bpm, bpm)).toBe(true);
      expect(result.confidence).toBeGreaterThan(0.5);
      const truth = beatTimes(bpm, firstBeat, 20).slice(1, -1);
      const ratio = (result.bpm as number) / bpm;
      // At half tempo only every other click is a beat; at double tempo every click is one.
      expect(recall(result.beats, truth)).toBeGreaterThanOrEqual(ratio < 0.75 ? 0.45 : 0.95);
    });
  }

  it('reports 60–180 BPM clicks at their own tempo', () => {
    for (const bpm of [80, 100, 140, 170]) {
      const result = analyzeTrack(clickTrack({ bpm, seconds: 20, sampleRate: RATE }), RATE);
      expect(result.bpm).toBeCloseTo(bpm, 0);
    }
  });

  it('works at 44.1 kHz and 8 kHz input', () => {
    for (const rate of [44100, 8000]) {
      const result = analyzeTrack(clickTrack({ bpm: 120, seconds: 15, sampleRate: rate, firstBeat: 0.2 }), rate);
      expect(result.bpm).toBeCloseTo(120, 0);
      expect(recall(result.beats, beatTimes(120, 0.2, 15).slice(1, -1))).toBeGreaterThan(0.95);
    }
  });

  it('finds the accented click as the downbeat', () => {
    const result = analyzeTrack(clickTrack({ bpm: 110, seconds: 20, sampleRate: RATE, firstBeat: 0.5, accentEvery: 4 }), RATE);
    expect(result.beatsPerBar).toBe(4);
    const bars = beatTimes(110 / 4, 0.5, 20).slice(1, -1);
    expect(recall(result.downbeats, bars)).toBeGreaterThan(0.9);
  });

  it('finds three beats per bar in an accented waltz', () => {
    const result = analyzeTrack(clickTrack({ bpm: 150, seconds: 24, sampleRate: RATE, firstBeat: 0.2, accentEvery: 3 }), RATE);
    expect(result.beatsPerBar).toBe(3);
    expect(recall(result.downbeats, beatTimes(50, 0.2, 24).slice(1, -1))).toBeGreaterThan(0.9);
  });
});

describe('analyzeTrack on drum grooves', () => {
  for (const bpm of [70, 95, 120, 140, 165]) {
    it(`tracks a ${bpm} BPM groove`, () => {
      const firstBeat = 0.25;
      const result = analyzeTrack(drumGroove({ bpm, seconds: 24, sampleRate: RATE, firstBeat }), RATE);
      expect(matchesOctave(result.bpm, bpm)).toBe(true);
      if ((result.bpm as number) >= bpm * 0.9) expect(recall(result.beats, beatTimes(bpm, firstBeat, 24).slice(1, -1))).toBeGreaterThan(0.9);
      expect(result.constantTempo).toBe(true);
    });
  }

  it('finds the downbeat of a groove with crashes on the one', () => {
    const result = analyzeTrack(drumGroove({ bpm: 128, seconds: 24, sampleRate: RATE, firstBeat: 0.3, accentDownbeats: true }), RATE);
    expect(result.bpm).toBeCloseTo(128, 0);
    expect(result.firstDownbeat).not.toBeNull();
    expect(Math.abs((result.firstDownbeat as number) - 0.3)).toBeLessThan(0.03);
  });

  it('keeps the beat of a swung groove', () => {
    const result = analyzeTrack(drumGroove({ bpm: 100, seconds: 24, sampleRate: RATE, firstBeat: 0.1, swing: 0.66 }), RATE);
    expect(result.bpm).toBeCloseTo(100, 0);
    expect(recall(result.beats, beatTimes(100, 0.1, 24).slice(1, -1))).toBeGreaterThan(0.9);
  });

  it('follows a tempo change from 120 to 140 BPM', () => {
    const truth = tempoChangeBeats(120, 140, 12, 28, 0.2);
    const result = analyzeTrack(drumGroove({ bpm: 120, seconds: 28, sampleRate: RATE, beats: truth }), RATE);
    expect(result.constantTempo).toBe(false);
    expect(result.bpmMin as number).toBeLessThan(125);
    expect(result.bpmMax as number).toBeGreaterThan(135);
    expect(recall(result.beats, truth.slice(1, -1), 0.05)).toBeGreaterThan(0.85);
  });

  it('analyses a 5-second clip', () => {
    const result = analyzeTrack(drumGroove({ bpm: 124, seconds: 5, sampleRate: RATE, firstBeat: 0.1 }), RATE);
    expect(matchesOctave(result.bpm, 124)).toBe(true);
    expect(result.beats.length).toBeGreaterThan(4);
  });

  it('lets the caller prefer a range of octaves', () => {
    const groove = drumGroove({ bpm: 90, seconds: 20, sampleRate: RATE });
    expect(analyzeTrack(groove, RATE, { preferredBpm: { min: 160, max: 190 } }).bpm).toBeCloseTo(180, 0);
  });
});

/** Returns the sum of sines at `hz`, amplitude 0.3 overall. */
function tones(seconds: number, hz: number[]): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * RATE) }, (_, i) => (0.3 / hz.length) * hz.reduce((sum, f) => sum + Math.sin((2 * Math.PI * f * i) / RATE), 0));
}

describe('analyzeTrack without a beat', () => {
  const hiss = noise(20, RATE, 0.01, 3);
  const cases: [string, Float32Array][] = [
    ['silence', silence(20, RATE)],
    ['white noise', noise(20, RATE)],
    ['a sine', sine(20, 440, RATE)],
    ['a sine in quiet noise', sine(20, 220, RATE).map((x, i) => x + hiss[i])],
    ['a 1-second clip', clickTrack({ bpm: 120, seconds: 1, sampleRate: RATE })],
    // Steady tones leave a tiny regular ripple in the flux (a low sine beats against the analysis
    // frames): periodic, but without attacks. Each of these was once read as music, confidence 1.
    ['a 60 Hz sine', sine(20, 60, RATE)],
    ['a held major chord', tones(20, [220, 277.18, 329.63])],
    ['octaves held together', tones(20, [110, 220, 440])],
    ['a sine with vibrato', Float32Array.from({ length: 20 * RATE }, (_, i) => 0.3 * Math.sin(2 * Math.PI * 440 * (i / RATE) + 3 * Math.sin(2 * Math.PI * 5.5 * (i / RATE))))],
    ['a slow sine sweep', Float32Array.from({ length: 20 * RATE }, (_, i) => 0.5 * Math.sin(2 * Math.PI * (100 * (i / RATE) + 30 * (i / RATE) ** 2)))],
  ];
  for (const [name, pcm] of cases) {
    it(`rejects ${name}`, () => {
      const result = analyzeTrack(pcm, RATE);
      expect(result.bpm === null || result.confidence < 0.1).toBe(true);
    });
  }

  it('rejects an invalid sample rate', () => {
    expect(analyzeTrack(noise(5, RATE), 0).bpm).toBeNull();
  });

  it('is deterministic', () => {
    const groove = drumGroove({ bpm: 133, seconds: 12, sampleRate: RATE });
    expect(analyzeTrack(groove, RATE)).toEqual(analyzeTrack(groove, RATE));
  });
});
