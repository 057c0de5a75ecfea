/**
 * The user's heart-rate settings, validated: maximum and threshold heart rate, what the zones come from, and the
 * voice nudges (on or off, and how often at most). Typed values are checked here, with a message that says what
 * is wrong; stored values that fail the check fall back to the defaults. Pure.
 */
import type { HeartRateSettings, ZoneBasis } from './heart-rate';
import type { Seconds } from './units';

/** The heart-rate part of the player settings. */
export interface HeartRatePrefs {
  zones: HeartRateSettings;
  /** Say "ease off" or "pick it up" when the heart rate stays out of a step's zone. */
  nudges: boolean;
  /** Shortest time between two nudges, seconds. */
  nudgeIntervalSec: Seconds;
}

/** The lowest and highest maximum heart rate accepted, beats per minute. */
export const MAX_HR_LIMITS = { min: 100, max: 240 } as const;
/** The lowest and highest threshold heart rate accepted, beats per minute. */
export const THRESHOLD_HR_LIMITS = { min: 80, max: 230 } as const;
/** The shortest and longest time between nudges accepted, seconds. */
export const NUDGE_INTERVAL_LIMITS = { min: 15, max: 600 } as const;

/** What a new user has: no figures entered (zones unknown), zones from the maximum, nudges on, at most one a minute. */
export const DEFAULT_HEART_RATE_PREFS: HeartRatePrefs = {
  zones: { maxHr: null, thresholdHr: null, basis: 'max' },
  nudges: true,
  nudgeIntervalSec: 60,
};

/** The result of checking a typed value: the value (null: left empty), or a message saying what is wrong. */
export type InputCheck = { ok: true; value: number | null } | { ok: false; message: string };

const whole = (text: string, label: string, unit: string, limits: { min: number; max: number }, optional: boolean): InputCheck => {
  const t = text.trim();
  if (t === '') return optional ? { ok: true, value: null } : { ok: false, message: `Enter the ${label}.` };
  const n = Number(t);
  if (!/^\d+$/.test(t) || !Number.isInteger(n)) return { ok: false, message: `The ${label} must be a whole number of ${unit}.` };
  if (n < limits.min || n > limits.max) return { ok: false, message: `The ${label} must be from ${limits.min} to ${limits.max} ${unit}.` };
  return { ok: true, value: n };
};

/** Checks a typed maximum heart rate (empty is allowed: not known). */
export const checkMaxHr = (text: string): InputCheck => whole(text, 'maximum heart rate', 'bpm', MAX_HR_LIMITS, true);
/** Checks a typed threshold heart rate (empty is allowed: not known). */
export const checkThresholdHr = (text: string): InputCheck => whole(text, 'threshold heart rate', 'bpm', THRESHOLD_HR_LIMITS, true);
/** Checks a typed time between nudges, seconds (required). */
export const checkNudgeInterval = (text: string): InputCheck => whole(text, 'time between nudges', 'seconds', NUDGE_INTERVAL_LIMITS, false);

/** Returns a message when the zones cannot be worked out (the figure the basis needs is missing), else null. */
export function zonesProblem(zones: HeartRateSettings): string | null {
  if (zones.basis === 'max' && zones.maxHr === null) return 'Enter your maximum heart rate to use heart-rate zones.';
  if (zones.basis === 'threshold' && zones.thresholdHr === null) return 'Enter your threshold heart rate to use heart-rate zones.';
  return null;
}

const within = (x: unknown, limits: { min: number; max: number }): number | null =>
  typeof x === 'number' && Number.isInteger(x) && x >= limits.min && x <= limits.max ? x : null;

/** Returns stored heart-rate preferences with every field valid: unknown or broken values become the defaults. */
export function sanitizeHeartRatePrefs(raw: unknown): HeartRatePrefs {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const z = (typeof r.zones === 'object' && r.zones !== null ? r.zones : {}) as Record<string, unknown>;
  const d = DEFAULT_HEART_RATE_PREFS;
  const basis: ZoneBasis = z.basis === 'threshold' ? 'threshold' : 'max';
  return {
    zones: { maxHr: within(z.maxHr, MAX_HR_LIMITS), thresholdHr: within(z.thresholdHr, THRESHOLD_HR_LIMITS), basis },
    nudges: typeof r.nudges === 'boolean' ? r.nudges : d.nudges,
    nudgeIntervalSec: within(r.nudgeIntervalSec, NUDGE_INTERVAL_LIMITS) ?? d.nudgeIntervalSec,
  };
}
