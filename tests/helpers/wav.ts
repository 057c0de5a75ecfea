/** Tiny WAV files for storage tests, built on the signal generators. */
import { encodeWav, sine as sineWave } from './signals';

export { encodeWav };

/** Returns a mono sine of `seconds` at `hz`, amplitude 0.5 — distinct `hz` give distinct file contents. */
export function sine(seconds: number, sampleRate: number, hz: number): Float32Array {
  return sineWave(seconds, hz, sampleRate, 0.5);
}

/** Returns a File holding a short mono WAV; `hz` makes its content (and so its content id) unique. */
export function wavFile(name: string, hz = 440, seconds = 0.25, sampleRate = 8000): File {
  return new File([encodeWav([sine(seconds, sampleRate, hz)], sampleRate) as BlobPart], name, { type: 'audio/wav' });
}
