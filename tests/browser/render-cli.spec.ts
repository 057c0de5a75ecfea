import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drumGroove } from '../helpers/signals';
import { encodeMp3 } from '../helpers/mp3';
import { checkAudio, wavMono } from '../helpers/export-check';

// `npm run render`: the export from the command line, run here on the app already built for these tests
// (MONTAGE_DIST), with a music folder of one generated MP3 and a workout in the text syntax.

const run = (args: string[]) =>
  spawnSync('npx', ['tsx', 'scripts/render.ts', ...args], { encoding: 'utf8', timeout: 180_000, env: { ...process.env, MONTAGE_DIST: process.env.MONTAGE_DIST ?? 'dist' } });

test('npm run render: a workout file and a music folder in, the WAV and its cue sheet out', async () => {
  test.setTimeout(200_000);
  const dir = mkdtempSync(join(tmpdir(), 'montage-cli-'));
  mkdirSync(join(dir, 'music'));
  const groove = drumGroove({ bpm: 150, seconds: 40, sampleRate: 44100 }).map((v, i) => v + 0.05 * Math.sin((2 * Math.PI * 110 * i) / 44100));
  writeFileSync(join(dir, 'music', 'groove-150.mp3'), await encodeMp3([groove, groove], 44100));
  writeFileSync(join(dir, 'music', 'notes.txt'), 'not music');
  writeFileSync(join(dir, 'intervals.txt'), '20s warmup 150bpm; 30s run 150bpm; 20s cooldown 150bpm');
  const out = join(dir, 'intervals.wav');
  const r = run([join(dir, 'intervals.txt'), '--music', join(dir, 'music'), '-o', out, '--no-voice']);
  expect(r.status, r.stderr + r.stdout).toBe(0);
  expect(r.stdout).toMatch(/groove-150: 1[45]\d\.\d BPM/);
  const sheet = JSON.parse(readFileSync(join(dir, 'intervals.cues.json'), 'utf8'));
  for (const s of sheet.segments) expect(s.title).toBe('groove-150');
  checkAudio(wavMono(new Uint8Array(readFileSync(out))), 44100, sheet, 3);
});

test('npm run render: a bad command line or a missing file is named, without starting anything', () => {
  const missing = run(['no-such-workout.zwo', '-o', 'x.mp3']);
  expect(missing.status).toBe(1);
  expect(missing.stderr).toContain('montage render: no-such-workout.zwo: no such file');
  const bad = run(['w.txt', '-o', 'x.flac']);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain('x.flac: the output must end in .mp3, .wav or .opus');
  expect(bad.stderr).toContain('usage: npm run render');
});
