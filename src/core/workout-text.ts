/**
 * The short workout syntax people type: `10m warmup 120bpm; 6x(30s sprint 175bpm, 30s easy 150bpm); 5m cooldown`.
 * A step is a duration (30s, 10m, 1m30s, 1:30, 8 bars) plus optional name words, `#kind`, tempo (175bpm, 160-170bpm,
 * ~170bpm or 170spm = half/double time allowed), a tempo that builds (`build 150-170bpm`, or eases: `build 170-150bpm`),
 * a heart-rate target (`z2`, `hr 150-160`), effort `@1`..`@5` and "voice text". A quoted 'name' may hold any text.
 */
import type { HeartRateTarget, HeartRateZone, StepKind, TempoBuild, TempoTarget, WorkoutNode, StepDuration } from './workout';
import {
  KIND_INTENSITY, KIND_LABELS, MAX_BPM, MAX_HEART_RATE, MAX_NAME_LENGTH, MIN_HEART_RATE, MAX_REPEAT_TIMES, MAX_STEP_BARS, MAX_STEP_SECONDS,
  MAX_VOICE_LENGTH, MIN_BPM, MIN_STEP_SECONDS, randomId, type IdFactory,
} from './workout-defaults';
import { MAX_NESTING_DEPTH } from './workout-timeline';
import { checkPlayable } from './workout-schema';
import { formatDuration, lexWorkoutText, parseDurationWord, type Token } from './workout-text-lex';

/** Longest workout text accepted, in characters. */
export const MAX_TEXT_CHARS = 100_000;

/** Parsed nodes, or an error that says where (line and column) and what is wrong. */
export type TextParseResult = { ok: true; nodes: WorkoutNode[] } | { ok: false; error: string };

const KIND_WORDS: Record<string, StepKind> = {
  warmup: 'warmup', 'warm-up': 'warmup', work: 'work', sprint: 'work', hard: 'work', run: 'work',
  recover: 'recover', recovery: 'recover', easy: 'recover', jog: 'recover', walk: 'recover',
  rest: 'rest', cooldown: 'cooldown', 'cool-down': 'cooldown',
};

/** Returns the kind the first keyword in `name` implies (warmup, sprint, easy, rest, cool-down...), or null. */
export function inferKind(name: string): StepKind | null {
  for (const word of name.toLowerCase().split(/\s+/)) {
    const key = word.replace(/[^a-z-]/g, '');
    if (Object.hasOwn(KIND_WORDS, key)) return KIND_WORDS[key];
  }
  return null;
}

type WordClass = { c: 'duration'; d: StepDuration } | { c: 'tempo'; t: TempoTarget; reversed: boolean } | { c: 'effort'; n: number }
  | { c: 'kind'; k: StepKind } | { c: 'hr'; hr: HeartRateTarget } | { c: 'name' } | { c: 'bad'; why: string };

const TEMPO = /^(~?)(\d{1,4}(?:\.\d+)?)(?:-(\d{1,4}(?:\.\d+)?))?(bpm|spm)$/;
const HEART_RANGE = /^(\d{2,3})-(\d{2,3})$/;
/** Words that say the next word is a tempo that builds (`build`) or a heart-rate range (`hr`). */
const LEAD_WORDS = new Set(['build', 'hr']);

// Decides what one word of a step means.
function classifyWord(word: string): WordClass {
  const w = word.toLowerCase();
  const shown = word.length > 40 ? `${word.slice(0, 40)}…` : word;
  const tempo = TEMPO.exec(w);
  if (tempo) {
    const a = Number(tempo[2]);
    const b = tempo[3] ? Number(tempo[3]) : a;
    return { c: 'tempo', t: { minBpm: Math.min(a, b), maxBpm: Math.max(a, b), allowHalfDouble: tempo[1] === '~' || tempo[4] === 'spm' }, reversed: a > b };
  }
  if (/^z[1-5]$/.test(w)) return { c: 'hr', hr: { type: 'zone', zone: Number(w[1]) as HeartRateZone } };
  const d = parseDurationWord(w);
  if (d) return { c: 'duration', d };
  if (/^[0-9~.]/.test(w)) return { c: 'bad', why: `"${shown}" is not a duration (30s, 10m, 1:30, 8 bars) or tempo (175bpm)` };
  if (w.startsWith('@')) return /^@[1-5]$/.test(w) ? { c: 'effort', n: Number(w[1]) } : { c: 'bad', why: `effort must be @1 to @5 (it is "${shown}")` };
  if (w.startsWith('#')) {
    const k = w.slice(1);
    return Object.hasOwn(KIND_WORDS, k) ? { c: 'kind', k: KIND_WORDS[k] } : { c: 'bad', why: `unknown kind "${shown}" (use #warmup, #work, #recover, #rest or #cooldown)` };
  }
  return { c: 'name' };
}

class TextError extends Error {
  constructor(message: string, readonly pos: number) { super(message); }
}

const where = (text: string, pos: number): string => {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return `line ${line}, column ${pos - before.lastIndexOf('\n')}`;
};

/** Parses workout text into nodes with fresh ids; never throws, and enforces the same limits as workout files. */
export function parseWorkoutText(text: string, newId: IdFactory = randomId): TextParseResult {
  if (text.length > MAX_TEXT_CHARS) return { ok: false, error: `workout text is too long (at most ${MAX_TEXT_CHARS} characters)` };
  try {
    const tokens = lexWorkoutText(text, (msg, pos) => new TextError(msg, pos));
    let i = 0;
    const peek = (k = 0): Token | undefined => tokens[i + k];
    const isRepeatStart = (): number | null => {
      const a = peek();
      if (a?.t !== 'word') return null;
      let m = /^(\d+)[x×*]$/i.exec(a.v);
      if (m && peek(1)?.t === '(') return 2;
      m = /^\d+$/.exec(a.v);
      const b = peek(1);
      return m && b?.t === 'word' && /^[x×*]$/i.test(b.v) && peek(2)?.t === '(' ? 3 : null;
    };
    const parseStep = (): WorkoutNode => {
      const start = peek()!.pos;
      let duration: StepDuration | null = null;
      let tempo: TempoTarget | null = null;
      let build: TempoBuild = null;
      let hr: HeartRateTarget | null = null;
      let effort: number | null = null;
      let kind: StepKind | null = null;
      let voice: string | null = null;
      let quotedName: string | null = null;
      const words: string[] = [];
      const once = <T>(current: T | null, what: string, pos: number): void => {
        if (current !== null) throw new TextError(`${what} given twice in one step`, pos);
      };
      for (let tok = peek(); tok && tok.t !== 'sep' && tok.t !== ')'; tok = peek()) {
        i += 1;
        if (tok.t === '(') throw new TextError('unexpected "(" (write a repeat as 3x( ... ))', tok.pos);
        if (tok.t === 'voice') { once(voice, 'voice text', tok.pos); voice = tok.v; continue; }
        if (tok.t === 'name') { once(quotedName, 'a quoted name', tok.pos); quotedName = tok.v; continue; }
        const lead = tok.v.toLowerCase();
        const next = peek();
        if (lead === 'build' && next?.t === 'word' && TEMPO.test(next.v.toLowerCase())) {
          i += 1;
          const w = classifyWord(next.v) as Extract<WordClass, { c: 'tempo' }>;
          once(tempo, 'a tempo', next.pos);
          if (w.t.minBpm === w.t.maxBpm) throw new TextError('build needs a tempo range to move across, like build 150-170bpm', next.pos);
          tempo = w.t;
          build = w.reversed ? 'down' : 'up';
          continue;
        }
        if (lead === 'hr' && next?.t === 'word' && HEART_RANGE.test(next.v)) {
          i += 1;
          const [, a, b] = HEART_RANGE.exec(next.v)!;
          once(hr, 'a heart-rate target', next.pos);
          hr = { type: 'range', min: Number(a), max: Number(b) };
          if (!(hr.min >= MIN_HEART_RATE && hr.max <= MAX_HEART_RATE && hr.min <= hr.max)) {
            throw new TextError(`heart rate must be from ${MIN_HEART_RATE} to ${MAX_HEART_RATE} bpm, lowest first`, next.pos);
          }
          continue;
        }
        const w = classifyWord(tok.v);
        if (w.c === 'bad') throw new TextError(w.why, tok.pos);
        if (w.c === 'duration') { once(duration, 'a duration', tok.pos); duration = w.d; }
        if (w.c === 'tempo') {
          once(tempo, 'a tempo', tok.pos);
          if (w.reversed) throw new TextError(`tempo must be lowest first (write build ${tok.v} for a tempo that eases down)`, tok.pos);
          tempo = w.t;
        }
        if (w.c === 'hr') { once(hr, 'a heart-rate target', tok.pos); hr = w.hr; }
        if (w.c === 'effort') { once(effort, 'an effort', tok.pos); effort = w.n; }
        if (w.c === 'kind') { once(kind, 'a #kind', tok.pos); kind = w.k; }
        if (w.c === 'name') words.push(tok.v);
      }
      if (quotedName !== null && words.length > 0) throw new TextError('write the name either quoted or as words, not both', start);
      if (!duration) throw new TextError('step has no duration (like 30s, 5m, 1:30 or 8 bars)', start);
      if (duration.unit === 'seconds' && !(duration.value >= MIN_STEP_SECONDS && duration.value <= MAX_STEP_SECONDS)) {
        throw new TextError(`duration must be from ${MIN_STEP_SECONDS} s to ${MAX_STEP_SECONDS / 3600} h`, start);
      }
      if (duration.unit === 'bars' && !(duration.value >= 1 && duration.value <= MAX_STEP_BARS)) {
        throw new TextError(`duration must be from 1 to ${MAX_STEP_BARS} bars`, start);
      }
      if (tempo && !(tempo.minBpm >= MIN_BPM && tempo.maxBpm <= MAX_BPM && tempo.minBpm <= tempo.maxBpm)) {
        throw new TextError(`tempo must be from ${MIN_BPM} to ${MAX_BPM} BPM, lowest first`, start);
      }
      const name = quotedName ?? words.join(' ');
      const finalKind = kind ?? inferKind(name) ?? 'work';
      if (name.length > MAX_NAME_LENGTH) throw new TextError(`name must be at most ${MAX_NAME_LENGTH} characters`, start);
      if (voice !== null && voice.length > MAX_VOICE_LENGTH) throw new TextError(`voice text must be at most ${MAX_VOICE_LENGTH} characters`, start);
      return {
        type: 'step', id: newId(), kind: finalKind, name: quotedName !== null || words.length ? name : KIND_LABELS[finalKind],
        duration, intensity: effort ?? KIND_INTENSITY[finalKind], tempo, build, hr, voice,
      };
    };
    const parseList = (depth: number, openPos: number | null): WorkoutNode[] => {
      const out: WorkoutNode[] = [];
      for (;;) {
        const tok = peek();
        if (!tok) {
          if (openPos !== null) throw new TextError('this "(" is never closed', openPos);
          return out;
        }
        if (tok.t === ')') {
          if (openPos === null) throw new TextError('unexpected ")"', tok.pos);
          i += 1;
          return out;
        }
        if (tok.t === 'sep') { i += 1; continue; }
        const headLength = isRepeatStart();
        if (headLength === null) { out.push(parseStep()); continue; }
        const times = parseInt(tok.v, 10);
        if (!(times >= 1 && times <= MAX_REPEAT_TIMES)) throw new TextError(`a repeat must play 1 to ${MAX_REPEAT_TIMES} times`, tok.pos);
        if (depth >= MAX_NESTING_DEPTH) throw new TextError(`repeats are nested too deeply (at most ${MAX_NESTING_DEPTH} levels)`, tok.pos);
        const open = tokens[i + headLength - 1].pos;
        i += headLength;
        const id = newId();
        out.push({ type: 'repeat', id, times, children: parseList(depth + 1, open) });
      }
    };
    const nodes = parseList(0, null);
    const unplayable = checkPlayable(nodes);
    return unplayable ? { ok: false, error: `workout ${unplayable}` } : { ok: true, nodes };
  } catch (e) {
    if (e instanceof TextError) return { ok: false, error: `${where(text, e.pos)}: ${e.message}` };
    throw e;
  }
}

const quote = (s: string, q: string): string => q + s.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`) + q;

// A name can be written as bare words only if parsing the words gives it back exactly.
const isBareName = (name: string): boolean => name !== '' && name.split(' ').every(
  (w) => w !== '' && !/[\s;,()"]/.test(w) && !w.startsWith("'") && !LEAD_WORDS.has(w.toLowerCase()) && classifyWord(w).c === 'name',
);

/** Returns `nodes` written in the workout syntax; `parseWorkoutText` gives the same nodes back (with new ids). */
export function workoutToText(nodes: readonly WorkoutNode[]): string {
  const node = (n: WorkoutNode): string => {
    if (n.type === 'repeat') return `${n.times}x(${n.children.map(node).join(', ')})`;
    const parts = [formatDuration(n.duration), isBareName(n.name) ? n.name : quote(n.name, "'")];
    if ((inferKind(n.name) ?? 'work') !== n.kind) parts.push(`#${n.kind}`);
    if (n.tempo) {
      const { minBpm, maxBpm, allowHalfDouble } = n.tempo;
      const range = minBpm === maxBpm ? `${minBpm}` : n.build === 'down' ? `${maxBpm}-${minBpm}` : `${minBpm}-${maxBpm}`;
      parts.push(`${n.build ? 'build ' : ''}${range}${allowHalfDouble ? 'spm' : 'bpm'}`);
    }
    if (n.hr) parts.push(n.hr.type === 'zone' ? `z${n.hr.zone}` : `hr ${n.hr.min}-${n.hr.max}`);
    if (n.intensity !== KIND_INTENSITY[n.kind]) parts.push(`@${n.intensity}`);
    if (n.voice !== null) parts.push(quote(n.voice, '"'));
    return parts.join(' ');
  };
  return nodes.map(node).join('; ');
}
