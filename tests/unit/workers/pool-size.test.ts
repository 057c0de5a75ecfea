import { describe, expect, it } from 'vitest';
import { defaultWorkers } from '../../../src/workers/analysis-client';

describe('analysis pool size', () => {
  it('uses every core but one for analysis, at least one worker and at most eight', () => {
    expect([1, 2, 3, 4, 8, 16, 64].map((n) => defaultWorkers(n))).toEqual([1, 1, 2, 3, 7, 8, 8]);
  });
});
