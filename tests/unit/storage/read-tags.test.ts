import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_TAG_CHARS, cleanTag, fileNameTags, plausibleBpm, rasterImageType, readTags } from '../../../src/storage/read-tags';
import { badFile } from './make-track';

// MPEG frames without a tag: a-header-only.mp3 after its own 45-byte ID3 tag.
const mpegFrames = readFileSync(new URL('../../fixtures/bad/a-header-only.mp3', import.meta.url)).subarray(45);
const latin1 = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0) & 0xff));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};
const be32 = (n: number) => new Uint8Array([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
const syncsafe = (n: number) => new Uint8Array([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);
const frame = (id: string, body: Uint8Array) => concat(latin1(id), be32(body.length), new Uint8Array(2), body);
const text = (id: string, value: string) => frame(id, concat(new Uint8Array([0]), latin1(value)));
/** UTF-16 text frame (encoding 1, little-endian BOM). */
const unicode = (id: string, value: string) => {
  const units = Array.from({ length: value.length }, (_, i) => value.charCodeAt(i));
  const body = new Uint8Array(3 + units.length * 2);
  body.set([1, 0xff, 0xfe]);
  units.forEach((u, i) => new DataView(body.buffer).setUint16(3 + i * 2, u, true));
  return frame(id, body);
};
const picture = (mime: string, data: Uint8Array) => frame('APIC', concat(new Uint8Array([0]), latin1(mime), new Uint8Array([0, 3, 0]), data));
/** An MP3 file with an ID3v2.3 tag made of `frames`. */
const mp3 = (name: string, ...frames: Uint8Array[]) => {
  const body = concat(...frames);
  return new File([concat(latin1('ID3'), new Uint8Array([3, 0, 0]), syncsafe(body.length), body, mpegFrames) as BlobPart], name);
};
const png = concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), new Uint8Array(32));
const svg = latin1('<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"/>');

describe('readTags on made files', () => {
  it('reads title, artist, album, a plausible BPM and ReplayGain', async () => {
    const file = mp3('x.mp3', text('TIT2', 'Run'), text('TPE1', 'Band'), text('TALB', 'LP'), text('TBPM', '128'),
      frame('TXXX', concat(new Uint8Array([0]), latin1('REPLAYGAIN_TRACK_GAIN'), new Uint8Array([0]), latin1('-6.50 dB'))));
    const tags = await readTags(file);
    expect(tags).toMatchObject({ title: 'Run', artist: 'Band', album: 'LP', tagBpm: 128, gainDb: -6.5, cover: null });
    expect(tags.durationSec).toBeGreaterThan(0);
  });

  it('uses the file name without extension when there is no title', async () => {
    expect((await readTags(mp3('My Song.v2.mp3', text('TPE1', 'Band')))).title).toBe('My Song.v2');
  });

  it('keeps a raster cover typed by its bytes, not by what the tag claims', async () => {
    const tags = await readTags(mp3('c.mp3', picture('image/jpeg', png)));
    expect(tags.cover?.mimeType).toBe('image/png');
    expect(tags.cover?.bytes).toEqual(png);
  });

  it('drops an SVG cover even when the tag calls it a JPEG', async () => {
    expect((await readTags(mp3('s.mp3', picture('image/jpeg', svg)))).cover).toBeNull();
  });

  it('cuts a 100,000-character title to MAX_TAG_CHARS with an ellipsis', async () => {
    const tags = await readTags(mp3('long.mp3', text('TIT2', 'W'.repeat(100_000)), unicode('TPE1', 'ab🏃'.repeat(50_000))));
    expect(tags.title).toHaveLength(MAX_TAG_CHARS);
    expect(tags.title.endsWith('…')).toBe(true);
    expect(tags.artist.length).toBeLessThanOrEqual(MAX_TAG_CHARS);
    expect(tags.artist).not.toMatch(/[\ud800-\udbff]…$/);
  });

  it('falls back to file-name tags when parsing never finishes', async () => {
    let reads = 0;
    const never = () => {
      reads++;
      return new Promise<never>(() => undefined);
    };
    const file = new File([new Uint8Array(100)], 'stuck.mp3');
    Object.assign(file, { stream: () => new ReadableStream({ pull: never }), arrayBuffer: never, slice: () => file });
    expect(await readTags(file, 20)).toEqual(fileNameTags('stuck.mp3'));
    expect(reads).toBeGreaterThan(0);
  });
});

describe('readTags on the bad-file corpus', () => {
  it.each(['a-tbpm--5.mp3', 'a-tbpm-abc.mp3', 'a-tbpm-99999.mp3'])('%s: the nonsense BPM tag is ignored', async (name) => {
    expect((await readTags(badFile(name))).tagBpm).toBeNull();
  });

  it('a-svg-cover.mp3 gives no cover', async () => {
    expect((await readTags(badFile('a-svg-cover.mp3'))).cover).toBeNull();
  });

  it('a-html-tags.mp3: markup is returned as literal text', async () => {
    const tags = await readTags(badFile('a-html-tags.mp3'));
    expect(tags.title).toBe('<img src=x onerror="window.__pwned=1">');
    expect(tags.artist).toBe('<script>window.__pwned=1</script>');
    expect(tags.album).toBe('"><svg onload=window.__pwned=1>');
  });

  it('a-unicode-tags.mp3: RTL, emoji and combining text come through', async () => {
    const tags = await readTags(badFile('a-unicode-tags.mp3'));
    expect(tags.title).toContain('🏃‍♀️');
    expect(tags.title).toContain('\u202e');
    expect(tags.artist).toContain('محمد');
  });

  it.each(['a-id3-huge-size.mp3', 'a-random-bytes.mp3', 'a-text-renamed.m4a', 'a-truncated.ogg', 'a-empty.mp3'])(
    '%s: unreadable tags give file-name tags, no throw', async (name) => {
      expect(await readTags(badFile(name))).toEqual(fileNameTags(name));
    });

  it.each(['a-cut-mid.mp3', 'a-header-only.mp3', 'a-truncated.flac', 'a-lying-size.wav', 'a-one-sample.wav', 'a-silence.mp3'])(
    '%s: damaged audio still gives tags with a title', async (name) => {
      const tags = await readTags(badFile(name));
      expect(tags.title.length).toBeGreaterThan(0);
      expect(tags.cover).toBeNull();
    });
});

describe('tag cleaning', () => {
  it('plausibleBpm keeps 30..300 and refuses nonsense', () => {
    expect([plausibleBpm(128), plausibleBpm('174'), plausibleBpm(' 90.5 ')]).toEqual([128, 174, 90.5]);
    for (const bad of [-5, '-5', 'abc', 99999, '99999', 0, NaN, Infinity, null, undefined, '120abc', 29.9, 300.1]) {
      expect(plausibleBpm(bad)).toBeNull();
    }
  });

  it('cleanTag trims, removes control characters and refuses non-strings', () => {
    expect(cleanTag('  a\u0000b\nc  ')).toBe('a b c');
    expect(cleanTag(42)).toBe('');
    expect(cleanTag('<b>x</b>')).toBe('<b>x</b>');
  });

  it('rasterImageType knows JPEG, PNG, GIF and WebP by their bytes only', () => {
    expect(rasterImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(rasterImageType(png)).toBe('image/png');
    expect(rasterImageType(latin1('GIF89a...'))).toBe('image/gif');
    expect(rasterImageType(latin1('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(rasterImageType(svg)).toBeNull();
  });
});
