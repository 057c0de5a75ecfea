import { describe, expect, it } from 'vitest';
import { addNotice, addNotices, dismissNotice, MAX_NOTICES, SHOWN_NOTICES, shownNotices } from '../../../src/core/notices';

describe('notices', () => {
  it('counts the same notice again instead of repeating it, and moves it to the newest place', () => {
    let list = addNotice([], 'error', 'a.mp3: not an audio file');
    list = addNotice(list, 'ok', 'Saved "Hill".');
    list = addNotice(list, 'error', 'a.mp3: not an audio file');
    expect(list).toEqual([
      { tone: 'ok', text: 'Saved "Hill".', count: 1 },
      { tone: 'error', text: 'a.mp3: not an audio file', count: 2 },
    ]);
  });

  it('keeps a few, dropping the oldest successes before any error', () => {
    let list = addNotices([], 'error', ['e1', 'e2']);
    for (let i = 0; i < 20; i++) list = addNotice(list, 'ok', `ok ${i}`);
    expect(list).toHaveLength(MAX_NOTICES);
    expect(list.slice(0, 2).map((n) => n.text)).toEqual(['e1', 'e2']);
    expect(list.at(-1)!.text).toBe('ok 19');
    // Only errors: the oldest error goes.
    const errors = addNotices([], 'error', Array.from({ length: 15 }, (_, i) => `e${i}`));
    expect(errors.map((n) => n.text)).toEqual(Array.from({ length: MAX_NOTICES }, (_, i) => `e${i + 15 - MAX_NOTICES}`));
  });

  it('shows the newest few and says how many are hidden; dismiss removes one', () => {
    const list = addNotices([], 'error', ['1', '2', '3', '4', '5', '6']);
    const { shown, hidden } = shownNotices(list, false);
    expect(shown.map((s) => s.notice.text)).toEqual(['4', '5', '6']);
    expect(shown.map((s) => s.index)).toEqual([3, 4, 5]);
    expect(hidden).toBe(6 - SHOWN_NOTICES);
    expect(shownNotices(list, true)).toMatchObject({ hidden: 0 });
    expect(shownNotices(list, true).shown).toHaveLength(6);
    expect(dismissNotice(list, 4).map((n) => n.text)).toEqual(['1', '2', '3', '4', '6']);
  });
});
