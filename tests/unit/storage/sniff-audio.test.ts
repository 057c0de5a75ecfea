import { describe, expect, it } from 'vitest';
import { sniffAudio, sniffBlob } from '../../../src/storage/sniff-audio';
import { encodeWav, sine } from '../../helpers/wav';
import { badFile } from './make-track';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe('sniffAudio', () => {
  it('recognises each container by its magic bytes', () => {
    const kind = (head: Uint8Array) => {
      const r = sniffAudio(head, 100_000);
      return r.ok ? r.kind : r.error;
    };
    expect(kind(bytes('ID3', 4, 0, 0, 0, 0, 0, 0))).toBe('mp3');
    expect(kind(bytes(0xff, 0xfb, 0x90, 0x00))).toBe('mp3');
    expect(kind(bytes(0xff, 0xf1, 0x50, 0x80))).toBe('aac');
    expect(kind(bytes('fLaC', 0, 0, 0, 0x22))).toBe('flac');
    const oggPage = (payload: string) => bytes('OggS', ...new Array(22).fill(0), 1, 30, payload);
    expect(kind(oggPage('OpusHead'))).toBe('ogg-opus');
    expect(kind(oggPage('\x01vorbis'))).toBe('ogg-vorbis');
    expect(kind(oggPage('\x80theora'))).toBe('not an audio file');
    expect(kind(bytes(0, 0, 0, 0x20, 'ftypM4A ', 0, 0, 0, 0))).toBe('m4a');
    expect(kind(bytes(0, 0, 0, 0x18, 'ftypheic', 0, 0, 0, 0))).toBe('not an audio file');
    expect(kind(bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f))).toBe('webm');
  });

  it('reads a WAV header: channels, sample rate, bits and data size', () => {
    const wav = encodeWav([sine(0.5, 8000, 440), sine(0.5, 8000, 660)], 8000);
    const r = sniffAudio(wav, wav.length);
    expect(r).toEqual({
      ok: true, kind: 'wav', mimeType: 'audio/wav',
      wav: { formatTag: 1, channels: 2, sampleRate: 8000, bitsPerSample: 16, dataBytes: 16000 },
    });
  });

  it('clamps a WAV data size that claims more bytes than the file has', () => {
    const wav = encodeWav([sine(0.1, 8000, 440)], 8000);
    new DataView(wav.buffer).setUint32(40, 0x7ffffff0, true);
    const r = sniffAudio(wav, wav.length);
    expect(r.ok && r.wav?.dataBytes).toBe(wav.length - 44);
  });

  it('rejects empty files, random bytes, text and damaged WAV headers with a reason', () => {
    expect(sniffAudio(new Uint8Array(0), 0)).toEqual({ ok: false, error: 'empty file' });
    expect(sniffAudio(bytes('hello, this is text'))).toEqual({ ok: false, error: 'not an audio file' });
    expect(sniffAudio(bytes(0xff, 0xff, 0xff, 0xff))).toEqual({ ok: false, error: 'not an audio file' });
    const noChannels = encodeWav([sine(0.1, 8000, 440)], 8000);
    new DataView(noChannels.buffer).setUint16(22, 0, true);
    expect(sniffAudio(noChannels)).toEqual({ ok: false, error: 'damaged WAV header' });
    expect(sniffAudio(bytes('RIFF', 4, 0, 0, 0, 'WAVE'))).toEqual({ ok: false, error: 'damaged WAV header' });
  });
});

describe('sniffBlob on the bad-file corpus', () => {
  it.each([
    ['a-empty.mp3', 'empty file'],
    ['a-random-bytes.mp3', 'not an audio file'],
    ['a-text-renamed.m4a', 'not an audio file'],
  ])('%s is refused: %s', async (name, error) => {
    expect(await sniffBlob(badFile(name))).toEqual({ ok: false, error });
  });

  it.each([
    ['a-cut-mid.mp3', 'mp3'], ['a-header-only.mp3', 'mp3'], ['a-id3-huge-size.mp3', 'mp3'], ['a-html-tags.mp3', 'mp3'],
    ['a-silence.mp3', 'mp3'], ['a-svg-cover.mp3', 'mp3'], ['a-unicode-tags.mp3', 'mp3'], ['a-tbpm-abc.mp3', 'mp3'],
    ['a-truncated.flac', 'flac'], ['a-truncated.ogg', 'ogg-vorbis'], ['a-one-sample.wav', 'wav'], ['a-lying-size.wav', 'wav'],
  ])('%s is recognised as %s (decoding decides the rest)', async (name, kind) => {
    const r = await sniffBlob(badFile(name));
    expect(r.ok && r.kind).toBe(kind);
  });

  it('a-lying-size.wav: the 2 GB data claim is clamped to the bytes present', async () => {
    const file = badFile('a-lying-size.wav');
    const r = await sniffBlob(file);
    expect(r.ok && r.wav).toMatchObject({ channels: 1, sampleRate: 44100, bitsPerSample: 16 });
    expect(r.ok && r.wav!.dataBytes).toBeLessThanOrEqual(file.size);
    expect(r.ok && r.wav!.dataBytes).toBeGreaterThan(file.size - 200);
  });
});
