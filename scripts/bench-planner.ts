/**
 * Planner benchmark: plans a 60-minute interval workout from a generated 10,000-track library and builds the
 * cue plan of a 30-minute one; reports median milliseconds. Run alone with `npx tsx scripts/bench-planner.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { planMusic } from '../src/core/music-plan';
import type { PoolTrack } from '../src/core/music-pool';
import { steadyGrid } from '../src/core/beat-grid';
import { buildCuePlan } from '../src/core/cue-plan';
import type { StepKind, TempoTarget, TimelineStep } from '../src/core/workout';

const RUNS = 9;

// Deterministic pseudo-random numbers in [0, 1), so every run plans the same library.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function library(count: number, seed: number): PoolTrack[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `track-${i}`,
    title: `Track ${i}`,
    artist: 'Bench',
    durationSec: 120 + rand() * 300,
    grid: steadyGrid(Math.round((70 + rand() * 120) * 10) / 10, rand() * 0.5, rand() * 3, rand() < 0.05 ? 3 : 4),
    status: 'ready' as const,
  }));
}

function intervalWorkout(rounds: number, workSec: number, recoverSec: number, edgeSec: number): TimelineStep[] {
  const run: TempoTarget = { minBpm: 160, maxBpm: 180, allowHalfDouble: true };
  const jog: TempoTarget = { minBpm: 120, maxBpm: 130, allowHalfDouble: false };
  const specs: [StepKind, number, TempoTarget | null][] = [['warmup', edgeSec, null]];
  for (let r = 0; r < rounds; r += 1) specs.push(['work', workSec, run], ['recover', recoverSec, jog]);
  specs.push(['cooldown', edgeSec, null]);
  let clock = 0;
  return specs.map(([kind, sec, tempo], index) => {
    const step = { type: 'step' as const, id: `s${index}`, kind, name: kind, duration: { unit: 'seconds' as const, value: sec }, intensity: 3, tempo, build: null, hr: null, voice: null };
    const out = { index, step, startSec: clock, durationSec: sec, repeatLabels: [] };
    clock += sec;
    return out;
  });
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

// Median wall-clock and CPU time of `run`; CPU time is what to compare when other jobs share the cores.
function median(run: () => void): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    wall.push(performance.now() - t0);
    cpu.push(process.cpuUsage(c0).user / 1000);
  }
  const mid = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wallMs: mid(wall), cpuMs: mid(cpu) };
}

const show = (t: Timing): string => `median ${t.wallMs.toFixed(1)} ms wall, ${t.cpuMs.toFixed(1)} ms CPU over ${RUNS} runs`;

/** Returns report lines: median planning time for 60 minutes from 10,000 tracks, and cue-plan time for 30 minutes. */
export async function benchPlanner(): Promise<string[]> {
  const pool = library(10_000, 42);
  const hour = intervalWorkout(16, 90, 60, 600);
  const options = { maxTempoChangePct: 8 };
  const plan = planMusic(hour, pool, options);
  const planTime = median(() => planMusic(hour, pool, options));
  const half = intervalWorkout(8, 90, 60, 300);
  const halfPlan = planMusic(half, pool, options);
  const cueOptions = { quantize: 'bar' as const, countdownBeats: 4, metronome: true };
  const cues = buildCuePlan(half, halfPlan, cueOptions);
  const cueTime = median(() => buildCuePlan(half, halfPlan, cueOptions));
  return [
    `planner: 60-min workout (${hour.length} steps) from 10,000 tracks: ${show(planTime)} ` +
      `(${plan.segments.length} segments, cost ${plan.cost.toFixed(2)}, ${plan.warnings.length} warnings; budget 50 ms)`,
    `cue plan: 30-min workout (${half.length} steps, ${cues.cues.length} cues with metronome): ${show(cueTime)}`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await benchPlanner()) console.log(line);
}
