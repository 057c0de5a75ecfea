/** Recognises an audio container from its first bytes (magic numbers), before anything tries to decode it. */

/** The containers Montage accepts. */
export type AudioKind = 'mp3' | 'aac' | 'wav' | 'flac' | 'ogg-opus' | 'ogg-vorbis' | 'ogg' | 'm4a' | 'webm';

/** What a WAV header says, with the data size clamped to the bytes that exist. */
export interface WavInfo {
  /** 1 = PCM, 3 = float, 0xfffe = extensible... */
  formatTag: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Bytes of sample data actually present (the header's claim, clamped to the file size). */
  dataBytes: number;
}

/** The verdict on a file's first bytes; `error` is the problem in words ("empty file", "not an audio file"). */
export type SniffResult =
  | { ok: true; kind: AudioKind; mimeType: string; wav?: WavInfo }
  | { ok: false; error: string };

/** How many leading bytes `sniffAudio` wants (enough to walk a WAV header past LIST chunks). */
export const SNIFF_BYTES = 64 * 1024;

const NOT_AUDIO: SniffResult = { ok: false, error: 'not an audio file' };
// ISO-BMFF brands of still images, which also start with "ftyp".
const IMAGE_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis', 'crx ']);

/** Identifies the container of a file from `head` (its first bytes) and its total size in bytes. */
export function sniffAudio(head: Uint8Array, fileSizeBytes: number = head.length): SniffResult {
  if (fileSizeBytes === 0 || head.length === 0) return { ok: false, error: 'empty file' };
  const at = (offset: number, magic: string) => ascii(head, offset, magic.length) === magic;
  if (at(0, 'ID3') && head.length >= 10 && head[3] >= 2 && head[3] <= 4) return { ok: true, kind: 'mp3', mimeType: 'audio/mpeg' };
  if ((at(0, 'RIFF') || at(0, 'RF64')) && at(8, 'WAVE')) return sniffWav(head, fileSizeBytes);
  if (at(0, 'fLaC')) return { ok: true, kind: 'flac', mimeType: 'audio/flac' };
  if (at(0, 'OggS')) {
    // The first page's payload starts after 27 header bytes and the segment table.
    const payload = 27 + (head[26] ?? 0);
    if (at(payload, 'OpusHead')) return { ok: true, kind: 'ogg-opus', mimeType: 'audio/ogg; codecs=opus' };
    if (head[payload] === 1 && at(payload + 1, 'vorbis')) return { ok: true, kind: 'ogg-vorbis', mimeType: 'audio/ogg; codecs=vorbis' };
    if (at(payload, '\x7fFLAC')) return { ok: true, kind: 'ogg', mimeType: 'audio/ogg; codecs=flac' };
    return at(payload, '\x80theora') ? NOT_AUDIO : { ok: true, kind: 'ogg', mimeType: 'audio/ogg' };
  }
  if (at(4, 'ftyp')) return IMAGE_BRANDS.has(ascii(head, 8, 4)) ? NOT_AUDIO : { ok: true, kind: 'm4a', mimeType: 'audio/mp4' };
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return { ok: true, kind: 'webm', mimeType: 'audio/webm' };
  return sniffFrameSync(head);
}

/** Reads the first bytes of `blob` and identifies it (see `sniffAudio`). */
export async function sniffBlob(blob: Blob): Promise<SniffResult> {
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  return sniffAudio(head, blob.size);
}

function sniffFrameSync(head: Uint8Array): SniffResult {
  if (head.length < 4 || head[0] !== 0xff || (head[1] & 0xe0) !== 0xe0) return NOT_AUDIO;
  const version = (head[1] >> 3) & 3;
  const layer = (head[1] >> 1) & 3;
  // Layer bits 00 with MPEG-4/2 ids is an ADTS AAC stream, not MPEG audio.
  if (layer === 0) return version >= 2 && ((head[2] >> 2) & 0xf) < 13 ? { ok: true, kind: 'aac', mimeType: 'audio/aac' } : NOT_AUDIO;
  const bitrateIndex = head[2] >> 4;
  const rateIndex = (head[2] >> 2) & 3;
  if (version === 1 || bitrateIndex === 15 || rateIndex === 3) return NOT_AUDIO;
  return { ok: true, kind: 'mp3', mimeType: 'audio/mpeg' };
}

function sniffWav(head: Uint8Array, fileSizeBytes: number): SniffResult {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let fmt: Omit<WavInfo, 'dataBytes'> | null = null;
  let offset = 12;
  const found = (dataBytes: number): SniffResult => {
    if (!fmt || fmt.channels === 0 || fmt.sampleRate === 0 || fmt.bitsPerSample === 0) return { ok: false, error: 'damaged WAV header' };
    return { ok: true, kind: 'wav', mimeType: 'audio/wav', wav: { ...fmt, dataBytes } };
  };
  // Walk the chunks; sizes come from the file and may lie, so every step is bounds-checked.
  while (offset + 8 <= head.length) {
    const id = ascii(head, offset, 4);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ' && body + 16 <= head.length) {
      fmt = {
        formatTag: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      // RF64 and streamed WAVs write 0xffffffff; a lying size is clamped to the bytes present.
      return found(Math.max(0, Math.min(size, fileSizeBytes - body)));
    }
    offset = body + size + (size % 2);
  }
  // The data chunk starts beyond the bytes read: at most the rest of the file is audio.
  if (fmt && offset >= head.length && offset < fileSizeBytes) return found(fileSizeBytes - offset);
  return { ok: false, error: fmt ? 'WAV file without audio data' : 'damaged WAV header' };
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (offset + length > bytes.length) return '';
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
