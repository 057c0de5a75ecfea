/**
 * How far ahead of the audio clock the engine places its sounds. Every cue and track start is placed at an exact
 * audio-clock time, so a sound placed early needs no timer to fire on time; what matters is that the next
 * scheduling wake-up comes before the window runs out. A visible page wakes 20 times a second, so a short
 * window keeps pause and skip cheap. A hidden page may wake once a minute (Chromium's intensive throttling) or
 * not at all while iOS holds its JavaScript, so it places the next minute and a half.
 */
import type { Seconds } from './units';

/** Whether the page can be seen: a hidden page's timers may be throttled to one wake-up a minute. */
export type PageVisibility = 'visible' | 'hidden';

/** The longest gap between two timer wake-ups of a hidden page in Chromium (intensive wake-up throttling), seconds. */
export const HIDDEN_WAKE_GAP_SEC: Seconds = 60;
/** Placement window of a visible page, seconds (the engine wakes every 50 ms). */
export const VISIBLE_AHEAD_SEC: Seconds = 0.3;
/** Time a track needs to load and decode before it can be placed, seconds. */
export const LOAD_AHEAD_SEC: Seconds = 8;

/** How far ahead the engine works: sounds are placed `placeSec` ahead, music loaded `prepareSec` ahead. */
export interface ScheduleAhead {
  /** Cues and track starts up to this many seconds past the current position are placed on the audio clock. */
  placeSec: Seconds;
  /** Tracks that start within this many seconds are loaded and decoded, so they are ready when placed. */
  prepareSec: Seconds;
}

/**
 * Returns the placement and load windows for a page's visibility. Hidden: one full throttled gap plus half of
 * one again, so a wake-up that comes late (a busy machine, a timer aligned to the next minute) still finds every
 * sound of the next gap placed. Music is loaded a load time before it must be placed.
 */
export function scheduleAheadFor(visibility: PageVisibility, wakeGapSec: Seconds = HIDDEN_WAKE_GAP_SEC): ScheduleAhead {
  const placeSec = visibility === 'hidden' ? wakeGapSec * 1.5 : VISIBLE_AHEAD_SEC;
  return { placeSec, prepareSec: placeSec + LOAD_AHEAD_SEC };
}

