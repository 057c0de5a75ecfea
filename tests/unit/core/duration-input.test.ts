import { describe, expect, it } from 'vitest';
import { parseDurationInput } from '../../../src/core/workout-text-lex';

describe('parseDurationInput', () => {
  it('reads durations as people type them', () => {
    const cases: [string, unknown][] = [
      ['5:00', { unit: 'seconds', value: 300 }], ['1:02:03', { unit: 'seconds', value: 3723 }], ['5m', { unit: 'seconds', value: 300 }],
      ['90s', { unit: 'seconds', value: 90 }], [' 1m30s ', { unit: 'seconds', value: 90 }], ['10 min', { unit: 'seconds', value: 600 }],
      ['8 bars', { unit: 'bars', value: 8 }], ['1 BAR', { unit: 'bars', value: 1 }], ['12.5s', { unit: 'seconds', value: 12.5 }],
      ['45', { unit: 'seconds', value: 45 }],
    ];
    for (const [text, want] of cases) expect(parseDurationInput(text, 'seconds'), text).toEqual(want);
  });

  it('counts a bare number in the chosen unit', () => {
    expect(parseDurationInput('16', 'bars')).toEqual({ unit: 'bars', value: 16 });
  });

  it('refuses what is not a duration', () => {
    for (const text of ['', 'abc', '5:', '5:7', '-3', '5 apples', '1e3', 'm']) expect(parseDurationInput(text, 'seconds'), text).toBeNull();
  });
});
