/**
 * 16-bit PCM WAV writing in two parts, so a long render can be streamed to a file: the 44-byte header
 * (its sizes come from the frame count, known up front) and then any number of interleaved PCM chunks.
 */

/** Bytes of the canonical PCM WAV header (RIFF, fmt, data chunk headers). */
export const WAV_HEADER_BYTES = 44;

/** Frame count, rate and channels of a WAV file. */
export interface WavFormat {
  sampleRate: number;
  channels: number;
  /** Sample frames (one sample per channel) the data chunk will hold. */
  frames: number;
}

/** Returns the largest frame count a WAV of `channels` can hold (RIFF sizes are 32-bit). */
export function maxWavFrames(channels: number): number {
  return Math.floor((0xffffffff - (WAV_HEADER_BYTES - 8)) / (channels * 2));
}

/** Returns the 44-byte header of a 16-bit PCM WAV holding `frames` frames; throws when the format cannot be written. */
export function wavHeader({ sampleRate, channels, frames }: WavFormat): Uint8Array {
  if (!Number.isInteger(channels) || channels < 1 || channels > 8) throw new Error(`WAV: ${channels} channels (1 to 8 are written)`);
  if (!Number.isInteger(sampleRate) || sampleRate < 1) throw new Error(`WAV: sample rate ${sampleRate} is not a whole number of Hz`);
  if (!Number.isInteger(frames) || frames < 0 || frames > maxWavFrames(channels)) throw new Error(`WAV: ${frames} frames do not fit a WAV file`);
  const blockAlign = channels * 2;
  const dataBytes = frames * blockAlign;
  const bytes = new Uint8Array(WAV_HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string): void => {
    for (let i = 0; i < s.length; i++) bytes[at + i] = s.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, WAV_HEADER_BYTES - 8 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true); // byte rate
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, 16, true); // bits per sample
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  return bytes;
}

/**
 * Returns the channels interleaved as little-endian 16-bit PCM: clamped to [-1, 1], scaled by 32768 below
 * zero and 32767 above (so -1 and 1 both reach full scale), rounded to nearest, no dither (same input, same bytes).
 * Every channel must hold the same number of frames; NaN is written as 0.
 */
export function floatToPcm16(channels: Float32Array[]): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  if (channels.some((c) => c.length !== frames)) throw new Error('WAV: channels of different lengths');
  const count = channels.length;
  const bytes = new Uint8Array(frames * count * 2);
  const view = new DataView(bytes.buffer);
  for (let c = 0; c < count; c++) {
    const channel = channels[c];
    for (let i = 0, at = c * 2; i < frames; i++, at += count * 2) {
      const x = channel[i];
      const clamped = x > 1 ? 1 : x < -1 ? -1 : x === x ? x : 0;
      view.setInt16(at, Math.round(clamped < 0 ? clamped * 32768 : clamped * 32767), true);
    }
  }
  return bytes;
}
