import { describe, expect, it } from 'vitest';
import { parseRenderArgs } from '../../../scripts/render-args';

describe('npm run render: its command line', () => {
  it('takes a workout file, a music folder and an output whose extension sets the format', () => {
    expect(parseRenderArgs(['run.zwo', '--music', 'songs', '-o', 'out.MP3'])).toEqual({
      workout: 'run.zwo', music: 'songs', out: 'out.MP3', format: 'mp3', includeCues: true, includeVoice: true, port: undefined,
    });
    expect(parseRenderArgs(['-o', 'x.opus', 'w.txt', '--no-voice', '--no-cues', '--port', '5000'])).toMatchObject({ format: 'opus', includeCues: false, includeVoice: false, port: 5000, music: '' });
  });

  it('says what is wrong with a command line', () => {
    const problem = (argv: string[]) => {
      try {
        parseRenderArgs(argv);
        return null;
      } catch (e) {
        return [(e as Error).name, (e as Error).message];
      }
    };
    expect(problem(['-o', 'a.mp3'])).toEqual(['UsageError', 'no workout file given']);
    expect(problem(['w.txt'])).toEqual(['UsageError', 'no output file given (-o out.mp3)']);
    expect(problem(['w.txt', '-o', 'a.flac'])).toEqual(['UsageError', 'a.flac: the output must end in .mp3, .wav or .opus']);
    expect(problem(['w.txt', '--music'])).toEqual(['UsageError', '--music needs a value']);
    expect(problem(['w.txt', '--loud', '-o', 'a.wav'])).toEqual(['UsageError', 'unknown option --loud']);
    expect(problem(['a.txt', 'b.txt', '-o', 'a.wav'])).toEqual(['UsageError', 'one workout file, not 2']);
    expect(problem(['w.txt', '-o', 'a.wav', '--port', '80'])).toEqual(['UsageError', '--port 80: a port from 1024 to 65535']);
  });
});
