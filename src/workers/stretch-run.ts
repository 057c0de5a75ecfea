/**
 * signalsmith-stretch's own AudioWorklet processor run outside an audio thread — in the export's worker, and in
 * Node for tests and benchmarks — one 128-frame render quantum at a time. The globals of an
 * AudioWorkletGlobalScope that the processor uses (`sampleRate`, `currentTime`, `registerProcessor`,
 * `AudioWorkletProcessor` with a `port`) are stood in for. It is the same code that stretches a track live, with
 * the same settings and time map, so a track sounds the same in a file as in the player; here one stretcher
 * plays a whole segment, so its state runs on unbroken across the export's pieces.
 *
 * The processor reads the track from the buffers it holds. Here it holds one window of the track at a time,
 * moved along as it plays (`render`'s `input`), so a long track is never held whole.
 */

import type { InputWindow } from '../core/prestretch';

interface Processor {
  wasmReady: boolean;
  port: { onmessage: (event: { data: unknown[] }) => void; reply: unknown };
  audioBuffers: Float32Array[][];
  audioBuffersStart: number;
  audioBuffersEnd: number;
  process(inputs: Float32Array[][], outputs: Float32Array[][], parameters: object): boolean;
}
type ProcessorClass = new (options: object) => Processor;

/** Frames per render quantum. */
export const QUANTUM = 128;
const scope = globalThis as unknown as Record<string, unknown>;

let loaded: Promise<ProcessorClass> | null = null;

/** Returns the package's processor class, registered by its module when first loaded into a stand-in worklet scope. */
export function processorClass(): Promise<ProcessorClass> {
  loaded ??= loadProcessorClass();
  return loaded;
}

async function loadProcessorClass(): Promise<ProcessorClass> {
  let found: ProcessorClass | null = null;
  scope.sampleRate = 44100;
  scope.currentTime = 0;
  scope.AudioWorkletProcessor = class {
    // Only the last reply is kept: the processor posts its position every tenth of a second.
    port = { onmessage: null, reply: undefined as unknown, postMessage(message: unknown[]) { this.reply = message[1]; } };
  };
  scope.registerProcessor = (_name: string, cls: ProcessorClass) => { found = cls; };
  await import('signalsmith-stretch');
  if (!found) throw new Error('signalsmith-stretch registered no processor');
  return found;
}

/** One stretcher: messages in, quanta out, on a clock of its own that starts at 0. */
export interface StretchRun {
  readonly sampleRate: number;
  /** Sends a message to the processor (`configure`, `schedule`, `latency`…) and returns its reply. */
  call(method: string, ...args: unknown[]): unknown;
  /** Reads the track from `input` from now on (until the next window). */
  setInput(input: InputWindow): void;
  /** Renders the next quantum into `out` (one array of 128 samples per channel) and advances the clock. */
  renderQuantum(out: Float32Array[]): void;
  /** Renders the next `frames` frames (whole quanta), one array per channel. */
  render(frames: number): Float32Array<ArrayBuffer>[];
}

/**
 * Returns a stretcher of `channels` channels at `sampleRate` Hz, set up with `config` (null: the package default),
 * its clock at 0, holding `input` when given.
 */
export async function startStretchRun(channels: number, sampleRate: number, config: object | null, input?: InputWindow): Promise<StretchRun> {
  const Stretch = await processorClass();
  // Each run keeps its own rate: the globals are set before every call into the processor.
  const enter = (): void => {
    scope.sampleRate = sampleRate;
  };
  enter();
  // One unconnected input, as the app makes its node.
  const processor = new Stretch({ numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [channels] });
  while (!processor.wasmReady) await new Promise((resolve) => setTimeout(resolve, 1));
  const call = (method: string, ...args: unknown[]): unknown => {
    enter();
    processor.port.onmessage({ data: [0, method, ...args] });
    return processor.port.reply;
  };
  if (config) call('configure', config);
  const setInput = ({ fromFrame, channels: data }: InputWindow): void => {
    processor.audioBuffers = [data];
    processor.audioBuffersStart = fromFrame;
    processor.audioBuffersEnd = fromFrame + (data[0]?.length ?? 0);
  };
  if (input) setInput(input);
  let quantum = 0;
  const renderQuantum = (out: Float32Array[]): void => {
    enter();
    scope.currentTime = (quantum++ * QUANTUM) / sampleRate;
    processor.process([[]], [out], {});
  };
  return {
    sampleRate,
    call,
    setInput,
    renderQuantum,
    render: (frames) => {
      const out = Array.from({ length: channels }, () => new Float32Array(frames));
      const block = Array.from({ length: channels }, () => new Float32Array(QUANTUM));
      for (let at = 0; at < frames; at += QUANTUM) {
        renderQuantum(block);
        out.forEach((o, c) => o.set(block[c].subarray(0, Math.min(QUANTUM, frames - at)), at));
      }
      return out;
    },
  };
}
