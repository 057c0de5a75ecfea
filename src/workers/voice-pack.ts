/**
 * The offline voice's data: eSpeak NG's Emscripten build expects its whole data package (every language, 24 MB),
 * laid out as one file. Montage ships the English part of it only (scripts/voice-files.ts makes it at build time):
 * the files it keeps, each with its place in the full package. `unpackVoice` lays them out where the build expects
 * them; the rest of the package stays zero (and untouched, so the browser never commits its memory).
 */

/** The header of a pack: the full package's size and, per kept file, its place in the package. */
export interface VoicePackHeader {
  packageSize: number;
  parts: [start: number, end: number][];
}

/** Returns a pack of `parts` of `data` (the full package): a length, the header as JSON, then the parts' bytes. */
export function packVoice(data: Uint8Array, parts: [number, number][]): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify({ packageSize: data.length, parts } satisfies VoicePackHeader));
  const size = parts.reduce((n, [a, b]) => n + b - a, 0);
  const out = new Uint8Array(4 + header.length + size);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  let at = 4 + header.length;
  for (const [a, b] of parts) {
    out.set(data.subarray(a, b), at);
    at += b - a;
  }
  return out;
}

/** Returns the full package's layout with the pack's parts in their places; throws on a pack that is not one. */
export function unpackVoice(pack: ArrayBuffer): ArrayBuffer {
  const bytes = new Uint8Array(pack);
  const length = bytes.length >= 4 ? new DataView(pack).getUint32(0, true) : -1;
  let header: VoicePackHeader;
  try {
    if (length < 0 || 4 + length > bytes.length) throw new Error('short');
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as VoicePackHeader;
  } catch {
    throw new Error('The offline voice data is damaged (reload Montage to fetch it again).');
  }
  const out = new Uint8Array(header.packageSize);
  let at = 4 + length;
  for (const [a, b] of header.parts) {
    if (b > header.packageSize || at + b - a > bytes.length) throw new Error('The offline voice data is damaged (reload Montage to fetch it again).');
    out.set(bytes.subarray(at, at + b - a), a);
    at += b - a;
  }
  return out.buffer;
}
