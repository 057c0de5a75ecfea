/** Words and dates for the Progress screen. */

/** Returns "16 Mar" for a local date written "2026-03-16". */
export function shortDate(isoDay: string): string {
  return new Date(`${isoDay}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** Returns "Mon 16 Mar 2026, 10:00" for an instant (milliseconds since the epoch), in local time. */
export function dateTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Returns "1 workout" / "3 workouts". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Returns minutes as "42 min" (with a tenth below 10: "0.4 min"). */
export const minutesText = (minutes: number): string => `${minutes < 10 ? Math.round(minutes * 10) / 10 : Math.round(minutes)} min`;
