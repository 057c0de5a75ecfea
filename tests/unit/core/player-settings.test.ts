import { describe, it, expect } from 'vitest';
import { DEFAULT_PLAYER_SETTINGS, sanitizePlayerSettings, stepAnnouncement } from '../../../src/core/player-settings';
import { DEFAULT_HEART_RATE_PREFS } from '../../../src/core/heart-rate-settings';

describe('player settings', () => {
  it('keeps valid values and replaces broken ones with the defaults', () => {
    expect(sanitizePlayerSettings({ quantize: 'beat', countdownBeats: 4, metronome: true, voice: false, wakeLock: false, audioOnly: true }))
      .toEqual({ quantize: 'beat', countdownBeats: 4, metronome: true, voice: false, wakeLock: false, audioOnly: true, heartRate: DEFAULT_HEART_RATE_PREFS });
    expect(sanitizePlayerSettings({ quantize: 'bogus', countdownBeats: 99, metronome: 'yes' })).toEqual(DEFAULT_PLAYER_SETTINGS);
    expect(sanitizePlayerSettings(null)).toEqual(DEFAULT_PLAYER_SETTINGS);
    expect(sanitizePlayerSettings(JSON.parse('{"__proto__": {"polluted": 1}}'))).toEqual(DEFAULT_PLAYER_SETTINGS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('announces the step; in audio-only mode also its length and what follows', () => {
    expect(stepAnnouncement('Sprint', null, 30, 'Easy', false)).toBe('Sprint');
    expect(stepAnnouncement('Sprint', 'Go hard!', 30, 'Easy', false)).toBe('Go hard!');
    expect(stepAnnouncement('Sprint', 'Go hard!', 30, 'Easy', true)).toBe('Go hard! 30 seconds. Then Easy.');
    expect(stepAnnouncement('Cool-down', null, 120, null, true)).toBe('Cool-down. 2 minutes. Last one.');
  });
});
