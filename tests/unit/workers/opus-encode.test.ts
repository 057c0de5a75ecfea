import { describe, expect, it } from 'vitest';
import { createEncoder } from '../../../src/workers/audio-encode';
import { chapterComments, chapterTime } from '../../../src/workers/opus-encode';

describe('Opus export', () => {
  it('writes chapters as Vorbis comments, CHAPTERnnn at HH:MM:SS.mmm with its NAME', () => {
    expect(chapterTime(0)).toBe('00:00:00.000');
    expect(chapterTime(3_723_004.4)).toBe('01:02:03.004');
    expect(chapterComments([{ title: 'warmup', startMs: 0 }, { title: 'sprint 1/8', startMs: 90_500 }])).toEqual({
      CHAPTER001: '00:00:00.000', CHAPTER001NAME: 'warmup', CHAPTER002: '00:01:30.500', CHAPTER002NAME: 'sprint 1/8',
    });
  });

  it('is refused, saying why, where there is no WebCodecs Opus encoder (Node has none) or too many channels', async () => {
    expect(await createEncoder({ format: 'opus', sampleRate: 44100, channels: 2, frames: 100 })).toEqual({
      ok: false, error: 'Opus export: this browser has no Opus encoder for 2 channels at 44100 Hz (WebCodecs)',
    });
    expect(await createEncoder({ format: 'opus', sampleRate: 44100, channels: 3, frames: 100 })).toEqual({ ok: false, error: 'Opus export: 3 channels (mono or stereo only)' });
  });
});
