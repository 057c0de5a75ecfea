import { describe, expect, it } from 'vitest';
import { parseBuffer } from 'music-metadata';
import { id3Problem, id3Tag, MAX_ID3_CHAPTERS, type Id3Input } from '../../../src/core/id3-tag';

const input: Id3Input = {
  title: 'Pyramid — 5 × 3 min',
  artist: 'Montage',
  durationMs: 90_000,
  chapters: [
    { title: 'Warm-up', startMs: 0, endMs: 30_000 },
    { title: 'Hard ★ 1', startMs: 30_000, endMs: 60_000 },
    { title: 'Cool-down', startMs: 60_000, endMs: 90_000 },
  ],
};

describe('id3Tag', () => {
  it('writes an ID3v2.3 tag whose title, artist, length and chapters music-metadata reads back', async () => {
    const tag = id3Tag(input);
    expect(String.fromCharCode(...tag.subarray(0, 3))).toBe('ID3');
    expect(tag[3]).toBe(3);
    const size = (tag[6] << 21) | (tag[7] << 14) | (tag[8] << 7) | tag[9];
    expect(10 + size).toBe(tag.length);
    const meta = await parseBuffer(tag, { mimeType: 'audio/mpeg' }, { duration: false, includeChapters: true });
    expect(meta.common.title).toBe(input.title);
    expect(meta.common.artist).toBe('Montage');
    const native = meta.native['ID3v2.3'];
    expect(native.find((t) => t.id === 'TLEN')?.value).toBe('90000');
    const toc = native.find((t) => t.id === 'CTOC')?.value as { flags: { topLevel: boolean; ordered: boolean }; childElementIds: string[] };
    expect(toc.flags).toMatchObject({ topLevel: true, ordered: true });
    expect(toc.childElementIds).toEqual(['ch0', 'ch1', 'ch2']);
    expect(meta.format.chapters?.map((c) => [c.title, c.start, c.end])).toEqual([
      ['Warm-up', 0, 30],
      ['Hard ★ 1', 30, 60],
      ['Cool-down', 60, 90],
    ]);
  });

  it('writes a tag without artist or chapters', async () => {
    const meta = await parseBuffer(id3Tag({ title: 'Easy', durationMs: 1000, chapters: [] }), { mimeType: 'audio/mpeg' }, { duration: false });
    expect(meta.common.title).toBe('Easy');
    expect(meta.common.artist).toBeUndefined();
    expect(meta.format.chapters).toBeUndefined();
  });

  it('names the problem when the chapters cannot be written', () => {
    const many = { ...input, chapters: Array.from({ length: MAX_ID3_CHAPTERS + 1 }, (_, i) => ({ title: `${i}`, startMs: i, endMs: i + 1 })) };
    expect(id3Problem(many)).toMatch(/256 chapters \(at most 255 fit\)/);
    expect(id3Problem({ ...input, chapters: [{ title: 'Back', startMs: 10, endMs: 5 }] })).toMatch(/chapter 1 \("Back"\) ends before it starts/);
    expect(() => id3Tag(many)).toThrow(/at most 255/);
    expect(id3Problem(input)).toBeNull();
  });
});
