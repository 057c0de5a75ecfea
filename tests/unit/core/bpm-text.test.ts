import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bpmRangeWords, formatBpm, formatBpmRange } from '../../../src/core/bpm-text';

describe('BPM text', () => {
  it('writes whole tempos bare and others to the tenth, never "153.0"', () => {
    expect(formatBpm(128)).toBe('128');
    expect(formatBpm(153.04)).toBe('153');
    expect(formatBpm(152.96)).toBe('153');
    expect(formatBpm(153.46)).toBe('153.5');
    expect(formatBpm(85.25)).toBe('85.3');
    expect(formatBpm(-0.01)).toBe('0');
  });

  it('never ends in ".0" and reads back within a twentieth of a BPM', () => {
    fc.assert(fc.property(fc.double({ min: 20, max: 400, noNaN: true }), (bpm) => {
      const text = formatBpm(bpm);
      expect(text).toMatch(/^\d+(\.[1-9])?$/);
      expect(Math.abs(Number(text) - bpm)).toBeLessThanOrEqual(0.05 + 1e-9);
    }));
  });

  it('says "at 120 BPM" for a range whose ends read the same, "between" otherwise', () => {
    expect(bpmRangeWords(120, 120)).toBe('at 120 BPM');
    expect(bpmRangeWords(120, 120.02)).toBe('at 120 BPM');
    expect(bpmRangeWords(120, 130)).toBe('between 120 and 130 BPM');
    expect(formatBpmRange(120, 120)).toBe('120 BPM');
    expect(formatBpmRange(82.5, 90)).toBe('82.5–90 BPM');
  });
});
