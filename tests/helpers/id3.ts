/** Writes ID3v2.3 text tags in front of an MP3's audio, for tag-handling tests (long, odd or hostile tags). */

/** Returns `mp3` with its ID3v2 tag (if any) replaced by one holding `tags` (frame id → Latin-1 text, e.g. TIT2, TPE1, TALB). */
export function withId3Tags(mp3: Uint8Array, tags: Record<string, string>): Uint8Array {
  const audio = mp3.subarray(id3Length(mp3));
  const frames = Object.entries(tags).map(([id, text]) => {
    const body = Uint8Array.from([0, ...[...text].map((c) => c.charCodeAt(0) & 0xff)]);
    const frame = new Uint8Array(10 + body.length);
    frame.set([...id].map((c) => c.charCodeAt(0)), 0);
    new DataView(frame.buffer).setUint32(4, body.length);
    frame.set(body, 10);
    return frame;
  });
  const size = frames.reduce((n, f) => n + f.length, 0);
  const out = new Uint8Array(10 + size + audio.length);
  out.set([0x49, 0x44, 0x33, 3, 0, 0, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  let at = 10;
  for (const f of frames) {
    out.set(f, at);
    at += f.length;
  }
  out.set(audio, at);
  return out;
}

function id3Length(bytes: Uint8Array): number {
  if (bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  const size = (bytes[6] << 21) | (bytes[7] << 14) | (bytes[8] << 7) | bytes[9];
  const footer = bytes[5] & 0x10 ? 10 : 0;
  return 10 + size + footer;
}
