/** What the lock screen shows during a workout: the step and the workout, the track and its tempo. */
import type { Program } from '../core/program';
import { segmentIndexAt } from '../core/program';
import { stepAt } from '../core/program-view';
import { formatBpm } from '../core/bpm-text';
import type { Seconds } from '../core/units';
import type { DeviceService } from './services';

/** Shows the step playing at `positionSec`, its music and the workout's position on the lock screen, with the workout's buttons. */
export function showNowPlaying(
  device: DeviceService,
  program: Program,
  positionSec: Seconds,
  paused: boolean,
  handlers: { play(): void; pause(): void; next(): void; stop(): void },
): void {
  const k = stepAt(program, positionSec);
  const step = program.steps[Math.min(Math.max(0, k), program.steps.length - 1)];
  if (!step) return;
  const seg = program.segments[segmentIndexAt(program, positionSec)];
  const title = k < 0 ? `Get ready · ${program.workoutName}` : `${step.step.name} · ${program.workoutName}`;
  const artist = seg ? `${seg.title} · ${formatBpm(seg.musicBpm)} BPM` : 'Montage';
  // The lock screen's bar runs over the workout itself: the count-in shows as its start.
  const durationSec = Math.max(0, program.endSec);
  const position = Math.min(durationSec, Math.max(0, positionSec));
  device.setNowPlaying({ title, artist, album: program.workoutName, positionSec: position, durationSec }, handlers, !paused);
}
