import { describe, expect, it } from 'vitest';
import { cadenceBpmRange, cadenceFromTaps, cadenceRules, currentTaps, paceToCadence, parsePace } from '../../../src/core/cadence';

describe('cadence', () => {
  it('averages the last eight taps like a tap-tempo, restarting after a pause', () => {
    expect(cadenceFromTaps([])).toBeNull();
    expect(cadenceFromTaps([1000])).toBeNull();
    // 170 steps/min = one step every 352.9 ms.
    const taps = Array.from({ length: 12 }, (_, i) => 5000 + i * (60000 / 170));
    expect(cadenceFromTaps(taps)).toBeCloseTo(170, 6);
    // Old, slower taps before a 3 s pause do not count.
    const old = [0, 500, 1000];
    expect(currentTaps([...old, ...taps])).toEqual(taps);
    expect(cadenceFromTaps([...old, ...taps])).toBeCloseTo(170, 6);
    // Only the last 8 taps: a change of rhythm shows at once.
    const faster = [...taps, ...Array.from({ length: 8 }, (_, i) => taps[11] + (i + 1) * (60000 / 180))];
    expect(cadenceFromTaps(faster)).toBeCloseTo(180, 6);
  });

  it('estimates cadence from pace with the documented model', () => {
    expect(parsePace('6:00')).toBe(360);
    expect(parsePace(' 4:05 ')).toBe(245);
    expect(parsePace('5')).toBe(300);
    expect(parsePace('1:00')).toBeNull();
    expect(parsePace('abc')).toBeNull();
    expect(paceToCadence(360)).toBeCloseTo(165, 6);
    expect(paceToCadence(240)).toBeCloseTo(180, 6);
    expect(paceToCadence(120)).toBe(200);
    expect(paceToCadence(900)).toBe(150);
  });

  it('turns a cadence into a ±3 % BPM range with half-time music allowed', () => {
    expect(cadenceBpmRange(170)).toEqual({ minBpm: 164.9, maxBpm: 175.1 });
    expect(cadenceRules(170)).toEqual({ bpmMin: 164.9, bpmMax: 175.1, allowHalfDouble: true });
  });
});
