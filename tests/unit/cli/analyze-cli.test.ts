/**
 * The analysis CLI end to end, as users run it: `npm run -s analyze -- <files…>` (bundled by esbuild,
 * then run by node) in a child process: one JSON line per file on stdout, in order, with errors as
 * lines and never a crash of the run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drumGroove, encodeWav } from '../../helpers/signals';

const repo = path.resolve(import.meta.dirname, '../../..');
const fixtures = path.join(repo, 'tests/fixtures/bad');
let dir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'montage-cli-'));
  const groove = drumGroove({ bpm: 128, seconds: 20, sampleRate: 44100, firstBeat: 0.25, accentDownbeats: true });
  fs.writeFileSync(path.join(dir, 'groove 128.wav'), encodeWav([groove, groove], 44100));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI on `files` and returns its parsed stdout lines and exit status. */
function analyze(files: string[]): { lines: Record<string, unknown>[]; status: number | null } {
  const run = spawnSync('npm', ['run', '-s', 'analyze', '--', ...files], { encoding: 'utf8', cwd: repo, timeout: 60_000 });
  const lines = run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { lines, status: run.status };
}

describe('npm run analyze', () => {
  it('prints one line per file, in order: results for audio, clear errors for the rest', () => {
    const files = [
      path.join(dir, 'groove 128.wav'),
      path.join(fixtures, 'a-empty.mp3'),
      path.join(fixtures, 'a-random-bytes.mp3'),
      path.join(dir, 'missing.mp3'),
      path.join(fixtures, 'a-html-tags.mp3'),
      path.join(fixtures, 'a-one-sample.wav'),
    ];
    const { lines, status } = analyze(files);
    expect(status).toBe(0);
    expect(lines.map((l) => l.file)).toEqual(files);

    const groove = lines[0];
    expect(Object.keys(groove)).toEqual(['file', 'bpm', 'firstBeat', 'beats', 'downbeats', 'beatsPerBar', 'confidence', 'timeMs']);
    expect(groove.bpm as number).toBeCloseTo(128, 0);
    expect(Math.abs((groove.firstBeat as number) - 0.25)).toBeLessThan(0.03);
    expect((groove.beats as number[]).length).toBeGreaterThan(38);
    expect(groove.beatsPerBar).toBe(4);
    expect(groove.confidence as number).toBeGreaterThan(0.5);
    expect(groove.timeMs as number).toBeGreaterThan(0);

    expect(lines[1]).toEqual({ file: files[1], error: 'empty file' });
    expect(lines[2].error).toMatch(/not an audio file/);
    expect(lines[3].error).toMatch(/not found/);
    expect(typeof lines[4].bpm).toBe('number'); // real music behind an HTML-laden tag
    expect(lines[5].error).toMatch(/too short/);
  });

  it('prints usage and fails without files', () => {
    const { lines, status } = analyze([]);
    expect(lines).toEqual([]);
    expect(status).toBe(2);
  });
});
