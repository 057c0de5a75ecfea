/** A tiny 16-bit PCM WAV encoder for tests (used until tests/helpers/signals.ts provides one). */

/** Returns the bytes of a 16-bit PCM WAV file holding `channels` (one Float32Array per channel, -1..1). */
export function encodeWav(channels: Float32Array[], sampleRate: number): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  const blockAlign = channels.length * 2;
  const dataBytes = frames * blockAlign;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < frames; i++) {
    channels.forEach((samples, c) => {
      const s = Math.max(-1, Math.min(1, samples[i]));
      view.setInt16(44 + i * blockAlign + c * 2, Math.round(s * 32767), true);
    });
  }
  return bytes;
}

/** Returns a mono sine of `seconds` at `hz`, amplitude 0.5 — distinct `hz` give distinct file contents. */
export function sine(seconds: number, sampleRate: number, hz: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < out.length; i++) out[i] = 0.5 * Math.sin((2 * Math.PI * hz * i) / sampleRate);
  return out;
}

/** Returns a File holding a short mono WAV; `hz` makes its content (and so its content id) unique. */
export function wavFile(name: string, hz = 440, seconds = 0.25, sampleRate = 8000): File {
  return new File([encodeWav([sine(seconds, sampleRate, hz)], sampleRate) as BlobPart], name, { type: 'audio/wav' });
}
