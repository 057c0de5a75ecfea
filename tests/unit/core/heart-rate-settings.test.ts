import { describe, expect, it } from 'vitest';
import { DEFAULT_HEART_RATE_PREFS, checkMaxHr, checkNudgeInterval, checkThresholdHr, sanitizeHeartRatePrefs, zonesProblem } from '../../../src/core/heart-rate-settings';
import { sanitizePlayerSettings } from '../../../src/core/player-settings';

describe('heart-rate settings', () => {
  it('accepts whole numbers in range, and an empty heart rate as not known', () => {
    expect(checkMaxHr('186')).toEqual({ ok: true, value: 186 });
    expect(checkMaxHr(' 186 ')).toEqual({ ok: true, value: 186 });
    expect(checkMaxHr('')).toEqual({ ok: true, value: null });
    expect(checkThresholdHr('165')).toEqual({ ok: true, value: 165 });
    expect(checkNudgeInterval('90')).toEqual({ ok: true, value: 90 });
  });

  it('says what is wrong with a typed value, naming the field, the unit and the limits', () => {
    expect(checkMaxHr('300')).toEqual({ ok: false, message: 'The maximum heart rate must be from 100 to 240 bpm.' });
    expect(checkMaxHr('18.5')).toEqual({ ok: false, message: 'The maximum heart rate must be a whole number of bpm.' });
    expect(checkMaxHr('fast')).toEqual({ ok: false, message: 'The maximum heart rate must be a whole number of bpm.' });
    expect(checkThresholdHr('60')).toEqual({ ok: false, message: 'The threshold heart rate must be from 80 to 230 bpm.' });
    expect(checkNudgeInterval('')).toEqual({ ok: false, message: 'Enter the time between nudges.' });
    expect(checkNudgeInterval('5')).toEqual({ ok: false, message: 'The time between nudges must be from 15 to 600 seconds.' });
  });

  it('says when the zones cannot be worked out', () => {
    expect(zonesProblem({ maxHr: null, thresholdHr: 170, basis: 'max' })).toMatch(/maximum heart rate/);
    expect(zonesProblem({ maxHr: 190, thresholdHr: null, basis: 'threshold' })).toMatch(/threshold heart rate/);
    expect(zonesProblem({ maxHr: 190, thresholdHr: null, basis: 'max' })).toBeNull();
  });

  it('keeps valid stored values, and settings stored before heart rate existed read as the defaults', () => {
    const prefs = { zones: { maxHr: 190, thresholdHr: 168, basis: 'threshold' }, nudges: false, nudgeIntervalSec: 120 };
    expect(sanitizeHeartRatePrefs(prefs)).toEqual(prefs);
    expect(sanitizeHeartRatePrefs({ zones: { maxHr: 999, thresholdHr: 'x', basis: 'pulse' }, nudges: 1, nudgeIntervalSec: 2 })).toEqual(DEFAULT_HEART_RATE_PREFS);
    expect(sanitizePlayerSettings({ quantize: 'beat' }).heartRate).toEqual(DEFAULT_HEART_RATE_PREFS);
  });
});
