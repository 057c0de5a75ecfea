/** The Music plan chart's scales: the BPM range drawn, and a few round ticks on each axis that fit a phone's width. */
import type { MusicSegment } from '../../core/music-plan';
import type { TimelineStep } from '../../core/workout';

/** The BPM range the chart draws, padded to round tens. */
export interface BpmScale {
  lo: number;
  hi: number;
  /** BPM values to label, inside lo..hi. */
  ticks: number[];
}

const TIME_STEPS_SEC = [10, 15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10_800];

/** Returns round times from 0 up to `totalSec`, seconds: at most six ("m:ss"), or five once labels read "h:mm:ss". */
export function timeTicks(totalSec: number): number[] {
  const most = totalSec >= 3600 ? 4 : 5;
  const step = TIME_STEPS_SEC.find((s) => totalSec / s <= most) ?? Math.ceil(totalSec / most / 3600) * 3600;
  const ticks: number[] = [];
  for (let t = 0; t <= totalSec + 1e-9; t += step) ticks.push(t);
  return ticks;
}

/** Returns the BPM range of the steps' targets and the music as drawn, padded by at least 5 BPM, with 3–5 round ticks. */
export function bpmScale(steps: readonly TimelineStep[], segments: readonly MusicSegment[]): BpmScale {
  const bpms = [
    ...steps.flatMap((s) => (s.step.tempo ? [s.step.tempo.minBpm, s.step.tempo.maxBpm] : [])),
    ...segments.map((s) => s.targetBpm ?? s.musicBpm),
  ];
  const lo = Math.floor((Math.min(...bpms, 200) - 5) / 10) * 10;
  const hi = Math.ceil((Math.max(...bpms, 60) + 5) / 10) * 10;
  const step = [10, 20, 25, 50, 100].find((s) => (hi - lo) / s <= 4) ?? 200;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push(t);
  return { lo, hi, ticks };
}
