/**
 * The offline voice: eSpeak NG (its Emscripten build, @echogarden/espeak-ng-emscripten, GPL-3.0) saying each
 * cue's words as a mono clip at the export's sample rate. The synthesiser speaks at 22,050 Hz; the clip is trimmed
 * of the silence around the words and resampled with a windowed sinc (wave-resampler; no extra low-pass: upsampling adds no aliases). The build is passed in, so
 * the worker (voice.worker.ts) and the Node tests load it each their own way.
 */
import { resample } from 'wave-resampler';
import { unpackVoice } from './voice-pack';

/** The parts of eSpeak NG's Emscripten module the voice uses. */
interface EspeakWorker {
  set_voice(name: string): unknown;
  set_rate(wordsPerMinute: number): void;
  get_samplerate(): number;
  synthesize(text: string, onChunk: (samples: Int16Array, events: unknown) => boolean): unknown;
}
export interface EspeakModule {
  eSpeakNGWorker: new () => EspeakWorker;
}
/** The build's default export: makes a module from its options. */
export type EspeakFactory = (options: Record<string, unknown>) => Promise<EspeakModule>;

/** A voice ready to speak. */
export interface OfflineVoice {
  /** Returns `text` said at `rate` (1: the voice's usual speed) as mono samples at `sampleRate`. */
  say(text: string, options: { sampleRate: number; rate?: number }): Float32Array;
}

/** The voice's usual speed, words per minute (eSpeak's default). */
const USUAL_WPM = 175;
/** A sample quieter than this (of full scale) is silence around the words. */
const SILENT = 0.004;
/** Kept either side of the words, seconds: the breath before and the fall after them. */
const MARGIN_SEC = 0.01;

/** Returns the part of `samples` from a little before its first sound to a little after its last. */
export function trimSilence(samples: Float32Array, sampleRate: number): Float32Array {
  let first = 0;
  while (first < samples.length && Math.abs(samples[first]) < SILENT) first++;
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last]) < SILENT) last--;
  if (first >= samples.length) return new Float32Array(0);
  const margin = Math.round(MARGIN_SEC * sampleRate);
  return samples.slice(Math.max(0, first - margin), Math.min(samples.length, last + 1 + margin));
}

/** Starts the synthesiser on the English data `pack` (voice-pack.ts); throws with a message saying what failed. */
export async function openVoice(factory: EspeakFactory, pack: ArrayBuffer): Promise<OfflineVoice> {
  const data = unpackVoice(pack);
  const quiet = () => {};
  let espeak: EspeakModule;
  try {
    // The data comes from the pack, never fetched; the build is wasm2js (JavaScript), so an empty binary stands for
    // its WebAssembly and nothing is fetched for that either.
    espeak = await factory({ getPreloadedPackage: () => data, wasmBinary: new Uint8Array(0), print: quiet, printErr: quiet });
  } catch (e) {
    throw new Error(`The offline voice could not start: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const worker = new espeak.eSpeakNGWorker();
  worker.set_voice('en-us');
  const nativeRate = worker.get_samplerate();
  return {
    say(text, { sampleRate, rate = 1 }) {
      worker.set_rate(Math.round(USUAL_WPM * rate));
      const chunks: Int16Array[] = [];
      worker.synthesize(text, (samples) => (chunks.push(samples), false));
      const native = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const chunk of chunks) for (let i = 0; i < chunk.length; i++) native[at++] = chunk[i] / 32768;
      const words = trimSilence(native, nativeRate);
      if (nativeRate === sampleRate || words.length === 0) return words;
      return Float32Array.from(resample(words, nativeRate, sampleRate, { method: 'sinc', LPF: false }));
    },
  };
}
