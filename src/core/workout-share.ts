/** Share links: a workout as compact JSON, UTF-8, base64url, read back through the same validation as files. */
import type { Workout, WorkoutNode } from './workout';
import { parseWorkoutJson, type ParseOptions, type WorkoutParseResult } from './workout-schema';

/** Longest share fragment accepted, in characters. */
export const MAX_FRAGMENT_CHARS = 200_000;
const SHARE_SOURCE = 'shared link';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Returns the UTF-8 bytes of `text`; lone surrogates become U+FFFD. */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    let cp = text.codePointAt(i) ?? 0xfffd;
    if (cp > 0xffff) i += 1;
    else if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}

/** Returns the text of strict UTF-8 `bytes`, or null when they are not valid UTF-8 (overlong, surrogate, truncated). */
export function utf8Decode(bytes: Uint8Array): string | null {
  const chars: string[] = [];
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0 || i + extra >= bytes.length) return null;
    let cp = extra === 0 ? b : b & (0x3f >> extra);
    for (let k = 1; k <= extra; k += 1) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 63);
    }
    const min = [0, 0x80, 0x800, 0x10000][extra];
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    chars.push(String.fromCodePoint(cp));
    i += extra + 1;
  }
  return chars.join('');
}

/** Returns `bytes` in base64url without padding. */
export function base64UrlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k += 1) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Returns the bytes of unpadded base64url `text`, or null when it has other characters or an impossible length. */
export function base64UrlDecode(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < text.length; i += 1) {
    const v = ALPHABET.indexOf(text[i]);
    if (v < 0) return null;
    value = ((value << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o] = (value >> bits) & 0xff;
      o += 1;
    }
  }
  return out;
}

// Nodes without ids: the receiver's copy gets fresh ones, and the link gets shorter.
const stripIds = (n: WorkoutNode): object => n.type === 'repeat'
  ? { type: 'repeat', times: n.times, children: n.children.map(stripIds) }
  : { type: 'step', kind: n.kind, name: n.name, duration: n.duration, intensity: n.intensity, tempo: n.tempo, build: n.build, hr: n.hr, voice: n.voice };

/** Returns `workout` as a URL-fragment-safe string (base64url of compact JSON without ids). */
export function workoutToShareFragment(workout: Workout): string {
  const file = { format: 'montage-workout', version: 1, workout: { name: workout.name, nodes: workout.nodes.map(stripIds) } };
  return base64UrlEncode(utf8Encode(JSON.stringify(file)));
}

/** Reads a share fragment (a leading `#` is ignored) into a workout with fresh ids; never throws. */
export function workoutFromShareFragment(fragment: string, opts: ParseOptions = {}): WorkoutParseResult {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (body.length > MAX_FRAGMENT_CHARS) return { ok: false, error: `${SHARE_SOURCE}: is too long` };
  const bytes = base64UrlDecode(body);
  const json = bytes && utf8Decode(bytes);
  if (json === null || json === undefined) return { ok: false, error: `${SHARE_SOURCE}: is damaged (not a Montage workout link)` };
  return parseWorkoutJson(json, SHARE_SOURCE, opts);
}
