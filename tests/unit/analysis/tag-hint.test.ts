import { describe, expect, it } from 'vitest';
import { parseBpmTag, pickWithTag } from '../../../src/analysis/tag-hint';

describe('parseBpmTag', () => {
  it('accepts plausible numbers and numeric strings', () => {
    expect(parseBpmTag(128)).toBe(128);
    expect(parseBpmTag('128')).toBe(128);
    expect(parseBpmTag('128.00')).toBe(128);
    expect(parseBpmTag(' 95.5 ')).toBe(95.5);
  });

  it('rejects nonsense', () => {
    for (const raw of ['-5', 'abc', '99999', '', '12', 0, NaN, Infinity, null, undefined, {}, '1e2', '128bpm']) {
      expect(parseBpmTag(raw)).toBeNull();
    }
  });
});

describe('pickWithTag', () => {
  const candidates = [
    { periodFrames: 40, bpm: 130, salience: 0.6, score: 0.5 },
    { periodFrames: 80, bpm: 65, salience: 0.7, score: 0.45 },
    { periodFrames: 20, bpm: 260, salience: 0.2, score: 0.05 },
  ];

  it('breaks a near tie toward the tagged octave', () => {
    expect(pickWithTag(candidates, 65)).toBe(1);
  });

  it('never follows a tag against clear evidence', () => {
    expect(pickWithTag(candidates, 260)).toBe(0);
    expect(pickWithTag(candidates, 100)).toBe(0);
    expect(pickWithTag(candidates, null)).toBe(0);
  });
});
