/**
 * signalsmith-stretch's own AudioWorklet processor run in Node, one 128-frame render quantum at a time, to
 * measure what no offline render shows: the CPU of each quantum. A quantum must finish within its 2.9 ms
 * (at 44.1 kHz) or the audio drops out, so the worst quanta matter more than the mean. The globals of an
 * AudioWorkletGlobalScope that the processor uses (`sampleRate`, `currentTime`, `registerProcessor`,
 * `AudioWorkletProcessor` with a `port`) are stood in for; CPU is the process's own time (`cpuUsage`),
 * not wall time, so other load on the machine does not count.
 */

/** One processor configuration's CPU per quantum, ms (mean per second of audio, and percentiles per quantum). */
export interface QuantumCost {
  label: string;
  latencySec: number;
  meanMsPerSec: number;
  p99Ms: number;
  p999Ms: number;
  worstMs: number;
}

interface Processor {
  wasmReady: boolean;
  port: { onmessage: (event: { data: unknown[] }) => void; sent: unknown[][] };
  process(inputs: Float32Array[][], outputs: Float32Array[][], parameters: object): boolean;
}
type ProcessorClass = new (options: object) => Processor;

/** Frames per render quantum. */
export const QUANTUM = 128;
/** The stand-in scope's sample rate, Hz. */
export const SAMPLE_RATE = 44100;
const scope = globalThis as unknown as Record<string, unknown>;

let loaded: Promise<ProcessorClass> | null = null;

/** Returns the package's processor class, registered by its module when first loaded into a stand-in worklet scope. */
function processorClass(): Promise<ProcessorClass> {
  loaded ??= loadProcessorClass();
  return loaded;
}

async function loadProcessorClass(): Promise<ProcessorClass> {
  let found: ProcessorClass | null = null;
  scope.sampleRate = SAMPLE_RATE;
  scope.currentTime = 0;
  scope.AudioWorkletProcessor = class {
    port = { onmessage: null, sent: [] as unknown[][], postMessage(message: unknown[]) { this.sent.push(message); } };
  };
  scope.registerProcessor = (_name: string, cls: ProcessorClass) => { found = cls; };
  await import('signalsmith-stretch');
  if (!found) throw new Error('signalsmith-stretch registered no processor');
  return found;
}

/** The package's processor on the stand-in scope: `call` sends it a message and returns its reply, `render` runs quanta. */
export interface NodeStretcher {
  call(method: string, ...args: unknown[]): unknown;
  /** Renders the next quantum into `out` (one array of 128 samples per channel) and advances the clock. */
  renderQuantum(out: Float32Array[]): void;
}

/** Returns a processor holding the track `channels`, set up with `config` (null: the package default), its clock at 0. */
export async function nodeStretcher(channels: Float32Array[], config: object | null): Promise<NodeStretcher> {
  const Stretch = await processorClass();
  // One unconnected input, as the app makes its node.
  const processor = new Stretch({ numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [channels.length] });
  while (!processor.wasmReady) await new Promise((resolve) => setTimeout(resolve, 5));
  const call = (method: string, ...args: unknown[]): unknown => {
    processor.port.onmessage({ data: [0, method, ...args] });
    return processor.port.sent.at(-1)?.[1];
  };
  if (config) call('configure', config);
  call('addBuffers', channels);
  let quantum = 0;
  scope.currentTime = 0;
  return {
    call,
    renderQuantum: (out) => {
      scope.currentTime = (quantum++ * QUANTUM) / SAMPLE_RATE;
      processor.process([[]], [out], {});
    },
  };
}

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
