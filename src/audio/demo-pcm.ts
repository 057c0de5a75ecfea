/** Rendered audio as plain bytes to keep between visits: a small header, then each channel's 32-bit float samples. */

const MAGIC = 0x4d445043; // "MDPC"
const FORMAT = 1;
const HEADER_WORDS = 5;

/** Returns the buffer's samples as bytes (header: magic, format, sample rate, channels, length). */
export function audioBufferToBytes(buffer: AudioBuffer): ArrayBuffer {
  const { numberOfChannels: channels, length, sampleRate } = buffer;
  const bytes = new ArrayBuffer(4 * (HEADER_WORDS + channels * length));
  new Uint32Array(bytes, 0, HEADER_WORDS).set([MAGIC, FORMAT, sampleRate, channels, length]);
  for (let c = 0; c < channels; c++) buffer.copyFromChannel(new Float32Array(bytes, 4 * (HEADER_WORDS + c * length), length), c);
  return bytes;
}

/** Returns the audio the bytes hold, or null when they are not in this format (or cut short). */
export function bytesToAudioBuffer(bytes: ArrayBuffer): AudioBuffer | null {
  if (bytes.byteLength < 4 * HEADER_WORDS || bytes.byteLength % 4 !== 0) return null;
  const [magic, format, sampleRate, channels, length] = new Uint32Array(bytes, 0, HEADER_WORDS);
  if (magic !== MAGIC || format !== FORMAT || channels < 1 || channels > 8 || length < 1) return null;
  if (bytes.byteLength !== 4 * (HEADER_WORDS + channels * length) || sampleRate < 8000 || sampleRate > 192000) return null;
  const buffer = new AudioBuffer({ length, numberOfChannels: channels, sampleRate });
  for (let c = 0; c < channels; c++) buffer.copyToChannel(new Float32Array(bytes, 4 * (HEADER_WORDS + c * length), length), c);
  return buffer;
}
