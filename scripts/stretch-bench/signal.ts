/**
 * The stretcher bench's test signal: a 123 BPM drum groove (kick on 1 and 3, snare on 2 and 4, hi-hat on
 * every eighth) under a melody of plucked notes with harmonics, generated sample by sample from a seeded
 * noise source, so every run hears the same audio and knows where every drum hit starts.
 */

/** A generated test signal and the sample-exact start of each kick and snare hit, seconds. */
export interface TestSignal {
  samples: Float32Array<ArrayBuffer>;
  sampleRate: number;
  /** Start of every kick or snare hit, seconds from the start of `samples`. */
  onsetsSec: number[];
  /** Start of every melody note (every eighth), seconds. */
  notesSec: number[];
}

// Not a divisor-friendly tempo: the hits fall at every phase of a 100 ms grain, as a real track's do.
const BPM = 123;
/** The melody, one MIDI note per eighth (a C major line that leaves no pitch class out for long). */
const MELODY = [60, 64, 67, 72, 71, 67, 64, 62, 65, 69, 72, 77, 76, 72, 69, 67];

/** Returns a deterministic uniform noise source in [-1, 1). */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

/** Adds one kick (a 150 → 50 Hz sine sweep, 250 ms) starting at sample `at`. */
function addKick(out: Float32Array, at: number, rate: number): void {
  let phase = 0;
  for (let i = 0; i < rate * 0.25 && at + i < out.length; i++) {
    const t = i / rate;
    phase += (2 * Math.PI * (50 + 100 * Math.exp(-t / 0.03))) / rate;
    out[at + i] += 0.8 * Math.exp(-t / 0.06) * Math.sin(phase);
  }
}

/** Adds one snare (noise burst over a 200 Hz body, 180 ms) or hi-hat (differenced noise, 40 ms) at `at`. */
function addNoiseHit(out: Float32Array, at: number, rate: number, kind: 'snare' | 'hat', rand: () => number): void {
  let last = 0;
  const lengthSec = kind === 'snare' ? 0.18 : 0.04;
  for (let i = 0; i < rate * lengthSec && at + i < out.length; i++) {
    const t = i / rate;
    const n = rand();
    if (kind === 'hat') out[at + i] += 0.25 * Math.exp(-t / 0.012) * (n - last);
    else out[at + i] += 0.45 * Math.exp(-t / 0.05) * n + 0.3 * Math.exp(-t / 0.04) * Math.sin(2 * Math.PI * 200 * t);
    last = n;
  }
}

/** Adds one plucked note (fundamental and three harmonics, 5 ms attack) of `lengthSec` at `at`. */
function addNote(out: Float32Array, at: number, rate: number, midi: number, lengthSec: number): void {
  const hz = 440 * 2 ** ((midi - 69) / 12);
  for (let i = 0; i < rate * lengthSec && at + i < out.length; i++) {
    const t = i / rate;
    const env = Math.min(1, t / 0.005) * Math.exp(-t / 0.35) * Math.min(1, (lengthSec - t) / 0.01);
    let v = 0;
    for (let h = 1; h <= 4; h++) v += Math.sin(2 * Math.PI * hz * h * t) / h;
    out[at + i] += 0.12 * env * v;
  }
}

/** Returns `seconds` of the drum groove and melody at `sampleRate`, with its drum and note onsets. */
export function drumsAndMelody(seconds: number, sampleRate: number): TestSignal {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  const rand = noise(14);
  const beatSec = 60 / BPM;
  const onsetsSec: number[] = [];
  const notesSec: number[] = [];
  // Half a beat of silence first: the stretchers' own start-up is not what the bench measures.
  for (let eighth = 1; (eighth * beatSec) / 2 < seconds - 0.3; eighth++) {
    const sec = (eighth * beatSec) / 2;
    const at = Math.round(sec * sampleRate);
    const onBeat = eighth % 2 === 0;
    const beat = eighth / 2;
    if (onBeat && beat % 2 === 1) addKick(samples, at, sampleRate);
    if (onBeat && beat % 2 === 0) addNoiseHit(samples, at, sampleRate, 'snare', rand);
    if (onBeat) onsetsSec.push(at / sampleRate);
    addNoiseHit(samples, at, sampleRate, 'hat', rand);
    addNote(samples, at, sampleRate, MELODY[(eighth - 1) % MELODY.length], beatSec / 2);
    notesSec.push(at / sampleRate);
  }
  return { samples, sampleRate, onsetsSec, notesSec };
}
