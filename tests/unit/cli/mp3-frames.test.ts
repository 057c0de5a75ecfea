import { describe, expect, it } from 'vitest';
import { id3v2Length, indexFrames, readFrameHeader } from '../../../scripts/mp3-frames';

/** Returns one Layer III frame: MPEG-1 128 kbit/s 44.1 kHz (417 bytes, 418 padded) or MPEG-2.5 8 kbit/s 8 kHz (72 bytes). */
function frame(kind: 'mpeg1' | 'mpeg25', padded = false): Uint8Array {
  const header = kind === 'mpeg1' ? [0xff, 0xfb, 0x90 | (padded ? 2 : 0), 0x64] : [0xff, 0xe3, 0x18 | (padded ? 2 : 0), 0xc4];
  const length = kind === 'mpeg1' ? 417 + (padded ? 1 : 0) : 72 + (padded ? 1 : 0);
  const bytes = new Uint8Array(length);
  bytes.set(header);
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function id3v2(size: number): Uint8Array {
  const tag = new Uint8Array(10 + size);
  tag.set([0x49, 0x44, 0x33, 4, 0, 0, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  tag.fill(0xff, 10); // sync-like bytes inside the tag must not be taken for frames
  return tag;
}

describe('readFrameHeader', () => {
  it('reads length, samples and rate of MPEG-1 and MPEG-2.5 Layer III headers', () => {
    expect(readFrameHeader(frame('mpeg1'), 0)).toEqual({ bytes: 417, samples: 1152, sampleRate: 44100 });
    expect(readFrameHeader(frame('mpeg1', true), 0)).toEqual({ bytes: 418, samples: 1152, sampleRate: 44100 });
    expect(readFrameHeader(frame('mpeg25'), 0)).toEqual({ bytes: 72, samples: 576, sampleRate: 8000 });
  });

  it('refuses reserved versions, other layers, free format and bad indices', () => {
    expect(readFrameHeader(Uint8Array.of(0xff, 0xeb, 0x90, 0x64), 0)).toBeNull(); // reserved version
    expect(readFrameHeader(Uint8Array.of(0xff, 0xfd, 0x90, 0x64), 0)).toBeNull(); // layer II
    expect(readFrameHeader(Uint8Array.of(0xff, 0xfb, 0x00, 0x64), 0)).toBeNull(); // free format
    expect(readFrameHeader(Uint8Array.of(0xff, 0xfb, 0xf0, 0x64), 0)).toBeNull(); // bitrate 15
    expect(readFrameHeader(Uint8Array.of(0xff, 0xfb, 0x9c, 0x64), 0)).toBeNull(); // sample rate 3
    expect(readFrameHeader(Uint8Array.of(0xff, 0xfb, 0x90), 0)).toBeNull(); // cut short
  });
});

describe('id3v2Length', () => {
  it('measures a tag, and falls back to the header alone when the size runs past the end', () => {
    expect(id3v2Length(concat(id3v2(100), frame('mpeg1')))).toBe(110);
    expect(id3v2Length(id3v2(100).subarray(0, 50))).toBe(10);
    expect(id3v2Length(frame('mpeg1'))).toBe(0);
  });
});

describe('indexFrames', () => {
  it('walks frames after a tag, through garbage, and keeps the last frame before an ID3v1 tag', () => {
    const garbage = Uint8Array.of(0, 0x12, 0xff, 0xfb, 0x90, 0x64, 1, 2, 3); // loses sync, then a false sync with no frame after it
    const id3v1 = concat(new TextEncoder().encode('TAG'), new Uint8Array(125));
    const data = concat(id3v2(300), frame('mpeg1'), frame('mpeg1', true), garbage, frame('mpeg1'), frame('mpeg1'), id3v1);
    const index = indexFrames(data);
    expect(index).not.toBeNull();
    const starts = Array.from(index!.starts);
    expect(index!.count).toBe(4);
    expect(starts).toEqual([310, 727, 1145 + garbage.length, 1562 + garbage.length, 1979 + garbage.length]);
    expect(index!.samplesPerFrame).toBe(1152);
    expect(index!.sampleRate).toBe(44100);
  });

  it('returns null for data without frames and for a stream that changes sample rate', () => {
    expect(indexFrames(new Uint8Array(1000).fill(0x55))).toBeNull();
    expect(indexFrames(concat(frame('mpeg1'), frame('mpeg1'), frame('mpeg25'), frame('mpeg25')))).toBeNull();
  });
});
