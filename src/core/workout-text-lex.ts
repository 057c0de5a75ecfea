/** The lexer and duration words of the workout text syntax (see workout-text.ts); linear time, no backtracking regexes. */
import type { StepDuration } from './workout';

/** One token of workout text, with its position (0-based character index). */
export interface Token {
  t: 'word' | 'voice' | 'name' | '(' | ')' | 'sep';
  v: string;
  pos: number;
}

const UNIT_WORDS: Record<string, string> = {
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's', m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  h: 'h', hr: 'h', hour: 'h', hours: 'h', bar: 'bars', bars: 'bars', bpm: 'bpm', spm: 'spm',
};
const STRUCTURE = new Set([';', ',', '\n', '(', ')', '"']);

/** Splits `text` into tokens; `fail` builds the error thrown for an unclosed quote. "30 s" and "8 bars" become one word. */
export function lexWorkoutText(text: string, fail: (message: string, pos: number) => Error): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n' || c === ';' || c === ',') { out.push({ t: 'sep', v: c, pos: i }); i += 1; continue; }
    if (c === '(' || c === ')') { out.push({ t: c, v: c, pos: i }); i += 1; continue; }
    if (/\s/.test(c)) { i += 1; continue; }
    if (c === '"' || c === "'") {
      let v = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j += 1) {
        if (text[j] === '\\' && j + 1 < text.length) j += 1;
        v += text[j];
      }
      if (j >= text.length) throw fail(c === '"' ? 'voice text is missing its closing "' : "quoted name is missing its closing '", i);
      out.push({ t: c === '"' ? 'voice' : 'name', v, pos: i });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < text.length && !STRUCTURE.has(text[j]) && !/\s/.test(text[j])) j += 1;
    const word = text.slice(i, j);
    const prev = out[out.length - 1];
    const unit = Object.hasOwn(UNIT_WORDS, word.toLowerCase()) ? UNIT_WORDS[word.toLowerCase()] : null;
    if (unit && prev?.t === 'word' && /^\d+(\.\d+)?$/.test(prev.v)) prev.v += unit;
    else out.push({ t: 'word', v: word, pos: i });
    i = j;
  }
  return out;
}

const HMS = /^(?:(\d{1,6})h)?(?:(\d{1,6})(?:m|min|mins))?(?:(\d{1,6}(?:\.\d+)?)(?:s|sec|secs))?$/;
const CLOCK = /^(\d{1,6}):([0-5]\d)(?::([0-5]\d))?$/;
const BARS = /^(\d{1,6})bars?$/;

/** Returns the duration a lower-case word means (30s, 10m, 1m30s, 1h, 1:30, 1:02:03, 8bars), or null. */
export function parseDurationWord(w: string): StepDuration | null {
  const bars = BARS.exec(w);
  if (bars) return { unit: 'bars', value: Number(bars[1]) };
  const clock = CLOCK.exec(w);
  if (clock) {
    const [a, b, c] = [Number(clock[1]), Number(clock[2]), clock[3] === undefined ? null : Number(clock[3])];
    return { unit: 'seconds', value: c === null ? a * 60 + b : a * 3600 + b * 60 + c };
  }
  const hms = HMS.exec(w);
  if (!hms || (!hms[1] && !hms[2] && !hms[3])) return null;
  return { unit: 'seconds', value: Number(hms[1] ?? 0) * 3600 + Number(hms[2] ?? 0) * 60 + Number(hms[3] ?? 0) };
}

/** Returns a duration as the syntax writes it: 45s, 10m, 1m30s, 12.5s, 8 bars. */
export function formatDuration(d: StepDuration): string {
  if (d.unit === 'bars') return `${d.value} ${d.value === 1 ? 'bar' : 'bars'}`;
  const s = d.value;
  if (!Number.isInteger(s) || s < 60) return `${s}s`;
  const minutes = Math.floor(s / 60);
  return s % 60 === 0 ? `${minutes}m` : `${minutes}m${s % 60}s`;
}

/**
 * Returns the duration typed into a duration field: anything the text syntax takes (5:00, 5m, 90s, 1m30s,
 * 8 bars, "5 min"), or a bare number in `bareUnit`; null when it is not a duration.
 */
export function parseDurationInput(text: string, bareUnit: StepDuration['unit']): StepDuration | null {
  const w = text.trim().toLowerCase().replace(/(\d)\s+(?=[a-z])/g, '$1').replace(/\s+/g, '');
  if (w === '') return null;
  if (/^\d+(\.\d+)?$/.test(w)) return { unit: bareUnit, value: Number(w) };
  return parseDurationWord(w);
}
