import { describe, expect, it } from 'vitest';
import { planWorkout } from '../../../src/core/program';
import { jobOf, prestretchProgram } from '../../../src/core/prestretch';
import { wholeReader } from '../../../src/core/track-reader';
import { beatsBetween } from '../../../src/core/beat-grid';
import { openStretchedTrack } from '../../../src/audio/stretched-track';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';
import type { Step, Workout } from '../../../src/core/workout';
import { poolTrack } from '../../helpers/tracks';
import { clickTrack } from '../../helpers/signals';
import { attackErrorsMs } from '../../helpers/beat-attacks';
import { inProcessStretcher } from '../../helpers/offline-stretch';

// A tempo-matched segment of an export is stretched once, whole, by the real signalsmith processor (run here as in
// the export's worker), and the pieces read its output: the same samples however the reads are cut, every beat
// where the plan puts it.

const SR = 44100;
const FADE = 0.05;
const step = (id: string, sec: number): Step => ({
  type: 'step', id, kind: 'work', name: id, duration: { unit: 'seconds', value: sec }, intensity: 3,
  tempo: { minBpm: 124, maxBpm: 128, allowHalfDouble: false }, build: null, hr: null, voice: null,
});
const workout: Workout = { id: 'w', name: 'Sped up', updatedAt: 0, nodes: [step('one', 24)] };
// 120 BPM clicks from 0 s (mono), played at 124–128 BPM: sped up about 5 %.
const track = poolTrack({ id: 'clicks', bpm: 120, durationSec: 40 });
const samples = Float32Array.from(clickTrack({ bpm: 120, seconds: 40, sampleRate: SR, accentEvery: 4 }));

async function stretched(plan = workout, music = track, audio = samples) {
  const program = planWorkout(plan, { library: [music], demo: demoTrackInfos(), maxTempoChangePct: 8 }, { quantize: 'bar', countdownBeats: 0, metronome: false });
  const { program: played, jobs } = prestretchProgram(program, { fileStartSec: 0, sampleRate: SR, crossfadeSec: FADE });
  const stretcher = inProcessStretcher();
  const job = jobOf(jobs, played.segments[0].trackId)!;
  const reader = await openStretchedTrack(job, wholeReader(SR, [audio]), stretcher, FADE);
  return { program, played, job, reader, stretcher };
}

describe('a tempo-matched segment stretched once for the export', () => {
  it('plays at rate 1 in the program the pieces render, and the job starts on a frame a moment before it', async () => {
    const { program, played, job } = await stretched();
    const [planned] = program.segments;
    expect(planned.playbackRate).toBeGreaterThan(1.03);
    const [seg] = played.segments;
    expect(seg).toMatchObject({ playbackRate: 1, tempoMap: null, tailLoop: null, loop: false, startSec: planned.startSec, endSec: planned.endSec });
    expect(job.clockStartSec).toBeLessThan(planned.startSec);
    expect(Number.isInteger(Math.round(job.clockStartSec * SR * 1e6) / 1e6)).toBe(true);
    expect(seg.trackOffsetSec).toBeCloseTo(planned.startSec - job.clockStartSec, 9);
  });

  it('gives the same samples read in overlapping pieces as read at once, and every beat on its planned time', { timeout: 30_000 }, async () => {
    const whole = await stretched();
    const all = (await whole.reader.read(0, whole.reader.length))[0].slice();
    const cut = await stretched();
    const bounds = [0, 9 * SR, 5 * SR, 17 * SR, 13 * SR, cut.reader.length];
    const pieces: Float32Array[] = [];
    for (let k = 0; k + 1 < bounds.length; k += 2) pieces.push((await cut.reader.read(bounds[k], bounds[k + 1]))[0].slice());
    // Read [0, 9 s), then [5 s, 17 s) — going back 4 s, as a piece's preroll does — then [13 s, end).
    expect(pieces[0]).toEqual(all.subarray(0, 9 * SR));
    expect(pieces[1]).toEqual(all.subarray(5 * SR, 17 * SR));
    expect(pieces[2]).toEqual(all.subarray(13 * SR));
    // Ten seconds are kept behind the last read, no more.
    await expect(cut.reader.read(cut.reader.length - 12 * SR, cut.reader.length)).rejects.toThrow(/behind what it keeps/);

    const seg = whole.program.segments[0];
    const beats = beatsBetween(seg.grid, seg.startSec + 0.1, seg.endSec - 0.1).map((b) => b.timeSec);
    const errors = attackErrorsMs({ samples: all, sampleRate: SR, startSec: -whole.job.clockStartSec, beatsSec: beats });
    expect(beats.length).toBeGreaterThan(40);
    // The stretcher's blocks smear a click's attack a little ahead of it (as live: `npm run bench -- stretch`).
    expect(Math.max(...errors.map(Math.abs))).toBeLessThan(3);
    expect(Math.abs(errors.reduce((a, e) => a + e, 0) / errors.length)).toBeLessThan(1.5);
    whole.reader.close?.();
    cut.reader.close?.();
    expect(whole.stretcher.openRuns() + cut.stretcher.openRuns()).toBe(0);
  });

  it('repeats the last bar of a track that runs out, on the beat, with no silence', { timeout: 30_000 }, async () => {
    // 16 s of clicks sped up to about 1.05x for 16 s: the track runs out near 15.3 s of the segment.
    const short = poolTrack({ id: 'short', bpm: 120, durationSec: 16 });
    const audio = Float32Array.from(clickTrack({ bpm: 120, seconds: 16, sampleRate: SR, accentEvery: 4 }));
    const { program, job, reader } = await stretched({ ...workout, nodes: [step('one', 16)] }, short, audio);
    const seg = program.segments[0];
    expect(seg.tailLoop).not.toBeNull();
    const all = (await reader.read(0, reader.length))[0];
    const beats = beatsBetween(seg.grid, seg.endSec - 2, seg.endSec - 0.1).map((b) => b.timeSec);
    const errors = attackErrorsMs({ samples: all, sampleRate: SR, startSec: -job.clockStartSec, beatsSec: beats });
    expect(beats.length).toBeGreaterThan(3);
    expect(Math.max(...errors.map(Math.abs))).toBeLessThan(3);
    // Every beat of the last two seconds is heard (a click as loud as the track's).
    for (const t of beats) {
      const at = Math.round((t - job.clockStartSec) * SR);
      expect(Math.max(...all.subarray(at - 200, at + 400).map(Math.abs))).toBeGreaterThan(0.2);
    }
    reader.close?.();
  });
});
