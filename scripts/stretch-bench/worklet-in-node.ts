/**
 * signalsmith-stretch's own AudioWorklet processor run in Node, one 128-frame render quantum at a time, to
 * measure what no offline render shows: the CPU of each quantum. A quantum must finish within its 2.9 ms
 * (at 44.1 kHz) or the audio drops out, so the worst quanta matter more than the mean. The globals of an
 * AudioWorkletGlobalScope that the processor uses (`sampleRate`, `currentTime`, `registerProcessor`,
 * `AudioWorkletProcessor` with a `port`) are stood in for (src/workers/stretch-run.ts); CPU is the process's own time (`cpuUsage`),
 * not wall time, so other load on the machine does not count.
 */

import { QUANTUM, startStretchRun, type StretchRun } from '../../src/workers/stretch-run';

/** One processor configuration's CPU per quantum, ms (mean per second of audio, and percentiles per quantum). */
export interface QuantumCost {
  label: string;
  latencySec: number;
  meanMsPerSec: number;
  p99Ms: number;
  p999Ms: number;
  worstMs: number;
}

/** Frames per render quantum. */
export { QUANTUM };
/** The sample rate the processor runs at here, Hz. */
export const SAMPLE_RATE = 44100;

/** The package's processor on the stand-in scope: `call` sends it a message and returns its reply, `render` runs quanta. */
export type NodeStretcher = StretchRun;

/** Returns a processor holding the track `channels`, set up with `config` (null: the package default), its clock at 0. */
export const nodeStretcher = (channels: Float32Array[], config: object | null): Promise<NodeStretcher> =>
  startStretchRun(channels.length, SAMPLE_RATE, config, { fromFrame: 0, channels });

/** Returns the CPU per quantum of playing stereo `samples` at `rate` with `config` (null: the package default). */
export async function quantumCost(label: string, config: object | null, samples: Float32Array, rate: number): Promise<QuantumCost> {
  const stretcher = await nodeStretcher([samples, samples], config);
  stretcher.call('schedule', { active: true, input: 0, output: 0, rate });
  const out = [new Float32Array(QUANTUM), new Float32Array(QUANTUM)];
  const costs: number[] = [];
  const quanta = Math.floor(samples.length / rate / QUANTUM);
  for (let q = 0; q < quanta; q++) {
    const before = process.cpuUsage();
    stretcher.renderQuantum(out);
    const used = process.cpuUsage(before);
    costs.push((used.user + used.system) / 1000);
  }
  // The first second warms the JIT and fills the stretcher's buffers.
  const steady = costs.slice(Math.ceil(SAMPLE_RATE / QUANTUM)).sort((a, b) => a - b);
  const at = (p: number) => steady[Math.min(steady.length - 1, Math.floor(steady.length * p))];
  return {
    label,
    latencySec: stretcher.call('latency') as number,
    meanMsPerSec: (steady.reduce((s, v) => s + v, 0) / steady.length) * (SAMPLE_RATE / QUANTUM),
    p99Ms: at(0.99),
    p999Ms: at(0.999),
    worstMs: steady[steady.length - 1],
  };
}
