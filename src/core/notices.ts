/**
 * Notices: what happened to the user's last actions ("Saved "Hill".", "broken.json: is not JSON"). One shape for
 * every screen. The same notice again is not a second line: it moves to the newest place and counts. Only a few
 * are kept, successes dropped before errors, so they never pile up.
 */

/** One notice on a screen. */
export interface Notice {
  tone: 'ok' | 'error';
  text: string;
  /** How many times it happened (the same text again counts, it is not repeated). */
  count: number;
}

/** At most this many notices are kept per screen. */
export const MAX_NOTICES = 12;
/** A screen shows this many (the newest); the rest sit behind "N earlier". */
export const SHOWN_NOTICES = 3;

/** Returns `list` with the notice added as the newest; an identical one is merged into it. */
export function addNotice(list: readonly Notice[], tone: Notice['tone'], text: string, max = MAX_NOTICES): Notice[] {
  const same = list.find((n) => n.tone === tone && n.text === text);
  const next = [...list.filter((n) => n !== same), { tone, text, count: (same?.count ?? 0) + 1 }];
  while (next.length > max) {
    // The oldest success goes first; an error only when there are no successes left to drop.
    const ok = next.findIndex((n) => n.tone === 'ok');
    next.splice(ok >= 0 && ok < next.length - 1 ? ok : 0, 1);
  }
  return next;
}

/** Returns `list` with every text added, in order. */
export const addNotices = (list: readonly Notice[], tone: Notice['tone'], texts: readonly string[]): Notice[] =>
  texts.reduce<Notice[]>((acc, t) => addNotice(acc, tone, t), [...list]);

/** Returns `list` without the notice at `index`. */
export const dismissNotice = (list: readonly Notice[], index: number): Notice[] => list.filter((_, i) => i !== index);

/** Splits the notices into those shown (newest `SHOWN_NOTICES`, oldest first) and how many are hidden. */
export function shownNotices(list: readonly Notice[], expanded: boolean): { shown: { notice: Notice; index: number }[]; hidden: number } {
  const indexed = list.map((notice, index) => ({ notice, index }));
  if (expanded || list.length <= SHOWN_NOTICES) return { shown: indexed, hidden: 0 };
  return { shown: indexed.slice(-SHOWN_NOTICES), hidden: list.length - SHOWN_NOTICES };
}
