/** Checks of an exported workout file made here, not by the app: its step chimes on their downbeats, no gap in the music. */
import { expect } from '@playwright/test';
import { renderCueSound } from '../../src/audio/cue-sounds';
import type { CueSheet } from '../../src/core/cue-sheet';

const CHIMES = (['start', 'work', 'rest'] as const).map((sound) => renderCueSound(sound, 44100).subarray(0, Math.round(0.3 * 44100)));

/**
 * Where a step's chime starts in the file near `atSec`: the lag within ±6 ms at which the file best matches one
 * of the step chimes (a matched filter over their first 0.3 s, three notes, which the music does not imitate).
 */
function chimeNear(samples: Float32Array, rate: number, atSec: number): number {
  const at = Math.round(atSec * rate);
  const reach = Math.round(0.006 * rate);
  let best = 0;
  let bestLag = 0;
  for (const chime of CHIMES) {
    for (let lag = -reach; lag <= reach; lag++) {
      let dot = 0;
      let energy = 0;
      for (let i = 0; i < chime.length; i++) {
        const x = samples[at + lag + i] ?? 0;
        dot += x * chime[i];
        energy += x * x;
      }
      const score = dot / Math.sqrt(energy + 1e-12);
      if (score > best) {
        best = score;
        bestLag = lag;
      }
    }
  }
  return (at + bestLag) / rate;
}

/** Checks the decoded file against its cue sheet: its length, each of its `steps` step changes (±2 ms), no 50 ms gap. */
export function checkAudio(mono: Float32Array, rate: number, sheet: CueSheet, steps = 6) {
  expect(Math.abs(mono.length / rate - sheet.durationSec)).toBeLessThan(0.03);
  // Every step change (a step-start cue) on its planned downbeat, ±2 ms of the cue sheet, found in the file.
  const starts = sheet.cues.filter((c) => c.kind === 'step-start');
  expect(starts.length).toBe(steps);
  for (const c of starts) {
    const found = chimeNear(mono, rate, c.timeSec);
    expect(Math.abs(found - c.timeSec) * 1000, `step change at ${c.timeSec} s`).toBeLessThan(2);
  }
  // No gap in the music: no 50 ms without sound from the first step to the end of the music.
  const from = Math.round(sheet.segments[0].startSec * rate);
  const to = Math.round(sheet.segments.at(-1)!.endSec * rate) - Math.round(0.1 * rate);
  let quiet = 0;
  let longest = 0;
  for (let i = from; i < to; i++) {
    quiet = Math.abs(mono[i]) < 1e-4 ? quiet + 1 : 0;
    longest = Math.max(longest, quiet);
  }
  expect(longest / rate).toBeLessThan(0.05);
}

/** Returns the WAV's samples as mono, after checking its header. */
export function wavMono(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('RIFF');
  expect(view.getUint16(22, true)).toBe(2);
  expect(view.getUint32(24, true)).toBe(44100);
  const frames = view.getUint32(40, true) / 4;
  expect(bytes.length).toBe(44 + frames * 4);
  const mono = new Float32Array(frames);
  for (let i = 0; i < frames; i++) mono[i] = (view.getInt16(44 + 4 * i, true) + view.getInt16(46 + 4 * i, true)) / 65536;
  return mono;
}
