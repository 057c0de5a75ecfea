/** The player's settings: how cues are placed and what the player does around them. */
import type { QuantizeMode } from './cue-plan';
import { DEFAULT_HEART_RATE_PREFS, sanitizeHeartRatePrefs, type HeartRatePrefs } from './heart-rate-settings';

/** Settings a user can change; stored on the device. */
export interface PlayerSettings {
  /** Where step changes land: the music's downbeat, its beat, or exactly on time. */
  quantize: QuantizeMode;
  /** Beats counted down before each change (0 = none). */
  countdownBeats: number;
  /** A click at the step's target cadence. */
  metronome: boolean;
  /** Spoken announcements (Web Speech). */
  voice: boolean;
  /** Keep the screen on while a workout runs. */
  wakeLock: boolean;
  /** The voice says everything needed (time left, what comes next) and the screen goes dark. */
  audioOnly: boolean;
  /** Maximum and threshold heart rate, the zones' basis, and the voice nudges. */
  heartRate: HeartRatePrefs;
}

/** The settings a new user gets. */
export const DEFAULT_PLAYER_SETTINGS: PlayerSettings = {
  quantize: 'bar',
  countdownBeats: 3,
  metronome: false,
  voice: true,
  wakeLock: true,
  audioOnly: false,
  heartRate: DEFAULT_HEART_RATE_PREFS,
};

/** Returns settings with every field valid: unknown or broken values fall back to the defaults. */
export function sanitizePlayerSettings(raw: unknown): PlayerSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_PLAYER_SETTINGS;
  const bool = (k: Exclude<keyof PlayerSettings, 'heartRate'>) => (typeof r[k] === 'boolean' ? (r[k] as boolean) : (d[k] as boolean));
  const beats = Number(r.countdownBeats);
  return {
    quantize: r.quantize === 'bar' || r.quantize === 'beat' || r.quantize === 'exact' ? r.quantize : d.quantize,
    countdownBeats: Number.isInteger(beats) && beats >= 0 && beats <= 8 ? beats : d.countdownBeats,
    metronome: bool('metronome'),
    voice: bool('voice'),
    wakeLock: bool('wakeLock'),
    audioOnly: bool('audioOnly'),
    heartRate: sanitizeHeartRatePrefs(r.heartRate),
  };
}

/** Returns the words the voice says at a step start; in audio-only mode they include the length and what follows. */
export function stepAnnouncement(name: string, voice: string | null, durationSec: number, nextName: string | null, audioOnly: boolean): string {
  const base = voice ?? name;
  if (!audioOnly) return base;
  const length = durationSec >= 60 ? `${Math.round(durationSec / 6) / 10} minutes` : `${Math.round(durationSec)} seconds`;
  const stop = /[.!?]$/.test(base) ? ' ' : '. ';
  return `${base}${stop}${length}.${nextName ? ` Then ${nextName}.` : ' Last one.'}`;
}
