/**
 * Keys, chord progressions and voicings for the generated arrangements: diatonic triads and
 * sevenths in a random key, voiced near a centre pitch, so parts sound like music, not noise.
 */
import type { Rng } from './rng';

/** A key: tonic pitch class (0 = C) and the scale's semitone steps from it. */
export interface Key {
  tonic: number;
  mode: 'major' | 'minor' | 'dorian' | 'mixolydian';
  scale: number[];
}

/** A chord: its root pitch class and all its pitch classes (root first). */
export interface Chord {
  root: number;
  tones: number[];
}

const SCALES: Record<Key['mode'], number[]> = {
  major: [0, 2, 4, 5, 7, 9, 11],
  minor: [0, 2, 3, 5, 7, 8, 10],
  dorian: [0, 2, 3, 5, 7, 9, 10],
  mixolydian: [0, 2, 4, 5, 7, 9, 10],
};

// Scale degrees (0 = tonic) of common four-chord loops.
const PROGRESSIONS: Record<'bright' | 'dark', number[][]> = {
  bright: [[0, 4, 5, 3], [0, 5, 3, 4], [0, 3, 4, 3], [1, 4, 0, 0], [0, 3, 0, 4], [5, 3, 0, 4], [0, 0, 3, 4]],
  dark: [[0, 5, 2, 6], [0, 3, 4, 0], [0, 6, 5, 6], [0, 0, 5, 6], [0, 3, 6, 2], [0, 5, 3, 4]],
};

/** Returns a random key in one of `modes`. */
export function makeKey(rng: Rng, modes: Key['mode'][]): Key {
  const mode = rng.pick(modes);
  return { tonic: rng.int(0, 11), mode, scale: SCALES[mode] };
}

/** Returns the diatonic chord on scale degree `degree` (triad, or seventh when `seventh`). */
export function chordOn(key: Key, degree: number, seventh = false): Chord {
  const steps = seventh ? [0, 2, 4, 6] : [0, 2, 4];
  const tones = steps.map((s) => (key.tonic + key.scale[(degree + s) % 7]) % 12);
  return { root: tones[0], tones };
}

/** Returns a progression of `length` chords (a loop repeated) suited to the key's mode. */
export function makeProgression(rng: Rng, key: Key, length: number, sevenths = false): Chord[] {
  const loops = key.mode === 'major' || key.mode === 'mixolydian' ? PROGRESSIONS.bright : PROGRESSIONS.dark;
  const loop = rng.pick(loops);
  return Array.from({ length }, (_, i) => chordOn(key, loop[i % loop.length], sevenths));
}

/** Returns the twelve-bar blues in the key (I7 IV7 V7 as dominant sevenths). */
export function bluesProgression(key: Key): Chord[] {
  const dom = (offset: number): Chord => {
    const root = (key.tonic + offset) % 12;
    return { root, tones: [0, 4, 7, 10].map((s) => (root + s) % 12) };
  };
  return [0, 5, 0, 0, 5, 5, 0, 0, 7, 5, 0, 7].map(dom);
}

/** Returns the chord's pitches voiced closely just above `low` (MIDI note numbers). */
export function voice(chord: Chord, low: number): number[] {
  return chord.tones.map((pc) => low + ((pc - low + 1200) % 12));
}

/** Returns the lowest pitch of pitch class `pc` at or above `low`. */
export function pitchAbove(pc: number, low: number): number {
  return low + ((pc - low + 1200) % 12);
}

/** Returns the MIDI pitch of scale step `step` (any integer) counted from the tonic at or above `low`. */
export function scalePitch(key: Key, step: number, low: number): number {
  const octave = Math.floor(step / 7);
  const index = ((step % 7) + 7) % 7;
  return pitchAbove(key.tonic, low) + 12 * octave + key.scale[index];
}
