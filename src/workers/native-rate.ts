/**
 * The sample rate a file's audio is stored at, read from its container header, so the browser can decode
 * it at that rate (decodeAudioData resamples to its context's rate) and the analysis worker downsamples
 * it once, as the CLI does. Reads only headers; every offset is bounds-checked (files may lie).
 */
import { sniffAudio } from '../storage/sniff-audio';

/** Lowest and highest context rates used for decoding, Hz (Chromium accepts 3 000–768 000). */
const MIN_RATE = 8000;
const MAX_RATE = 192000;

/** Returns the sample rate in Hz stored in the header of `bytes` (the whole file), or null when unknown. */
export function nativeSampleRate(bytes: Uint8Array): number | null {
  const sniffed = sniffAudio(bytes.subarray(0, 64 * 1024), bytes.length);
  if (!sniffed.ok) return null;
  let rate: number | null = null;
  if (sniffed.kind === 'wav') rate = sniffed.wav?.sampleRate ?? null;
  else if (sniffed.kind === 'flac') rate = flacRate(bytes);
  else if (sniffed.kind === 'ogg-opus') rate = 48000; // Opus always decodes at 48 kHz
  else if (sniffed.kind === 'ogg-vorbis') rate = vorbisRate(bytes);
  else if (sniffed.kind === 'm4a') rate = mp4Rate(bytes);
  return rate !== null && rate >= MIN_RATE && rate <= MAX_RATE ? rate : null;
}

function flacRate(bytes: Uint8Array): number | null {
  // "fLaC", then the STREAMINFO block: 4-byte block header, 10 bytes, then 20 bits of sample rate.
  if (bytes.length < 4 + 4 + 13 || (bytes[4] & 0x7f) !== 0) return null;
  return (bytes[18] << 12) | (bytes[19] << 4) | (bytes[20] >> 4);
}

function vorbisRate(bytes: Uint8Array): number | null {
  // The identification packet: 0x01 "vorbis", version (4), channels (1), rate (4, little-endian).
  const payload = 27 + (bytes[26] ?? 0);
  const at = payload + 12;
  if (at + 4 > bytes.length) return null;
  return new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0, true);
}

/** The media timescale of the first audio track (moov/trak/mdia with a 'soun' handler), which is its sample rate. */
function mp4Rate(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = (at: number) => String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
  /** Returns the [start, end) of each child box of [from, to) named `name`. */
  const children = (from: number, to: number, name: string): [number, number][] => {
    const found: [number, number][] = [];
    for (let at = from; at + 8 <= to && found.length < 64; ) {
      let size = view.getUint32(at);
      let header = 8;
      if (size === 1 && at + 16 <= to) {
        size = view.getUint32(at + 8) * 2 ** 32 + view.getUint32(at + 12);
        header = 16;
      } else if (size === 0) size = to - at;
      if (size < header || at + size > to) break;
      if (type(at + 4) === name) found.push([at + header, at + size]);
      at += size;
    }
    return found;
  };
  for (const [moovStart, moovEnd] of children(0, bytes.length, 'moov')) {
    for (const [trakStart, trakEnd] of children(moovStart, moovEnd, 'trak')) {
      for (const [mdiaStart, mdiaEnd] of children(trakStart, trakEnd, 'mdia')) {
        const [hdlr] = children(mdiaStart, mdiaEnd, 'hdlr');
        const [mdhd] = children(mdiaStart, mdiaEnd, 'mdhd');
        if (!hdlr || !mdhd || hdlr[0] + 12 > hdlr[1] || type(hdlr[0] + 8) !== 'soun') continue;
        // mdhd: version (1) + flags (3), then creation/modification times (4 or 8 bytes each), then the timescale.
        const at = mdhd[0] + (bytes[mdhd[0]] === 1 ? 20 : 12);
        return at + 4 <= mdhd[1] ? view.getUint32(at) : null;
      }
    }
  }
  return null;
}
