import { describe, expect, it } from 'vitest';
import { cadenceToFollow, type CadenceSample } from '../../../src/core/cadence-follow';

const run = (spms: (number | null)[], from = 0): CadenceSample[] => spms.map((spm, i) => ({ tSec: from + i, spm }));

describe('cadenceToFollow', () => {
  it('follows a cadence that has held for the settle time, rounded', () => {
    expect(cadenceToFollow(run([171.2, 170.6, 171.4]), 2, null)).toBe(171);
  });
  it('waits while the cadence still moves, or a reading has no rhythm', () => {
    expect(cadenceToFollow(run([160, 166, 171]), 2, null)).toBeNull();
    expect(cadenceToFollow(run([170, null, 170]), 2, null)).toBeNull();
    expect(cadenceToFollow(run([170, 170]), 1, null)).toBeNull();
  });
  it('keeps the tempo for small changes and follows larger ones', () => {
    expect(cadenceToFollow(run([172, 172, 172]), 2, 170)).toBeNull();
    expect(cadenceToFollow(run([176, 176, 176]), 2, 170)).toBe(176);
  });
  it('does not follow walking or standing', () => {
    expect(cadenceToFollow(run([96, 96, 96]), 2, null)).toBeNull();
  });
  it('reads only the last seconds', () => {
    expect(cadenceToFollow(run([150, 150, 150, 180, 180, 180]), 5, 150)).toBe(180);
  });
});
