/**
 * A pitch-preserving time stretcher on the audio clock: a signalsmith-stretch AudioWorklet node (MIT, WASM)
 * that plays a track from memory along a time map — at audio time `output` it plays the track from `input`
 * at `rate` — and compensates its own latency, so a beat at track time t plays exactly where the map puts
 * it. The worklet module is loaded from this origin (the strict CSP allows no blob: script); its WASM is
 * compiled in the worklet, which the CSP allows with 'wasm-unsafe-eval'.
 */
import type * as Tone from 'tone';
import { nativeContextOf } from './native-audio';

/** One point of the time map: from audio time `outputSec` on, the track plays from `inputSec` at `rate` (or is silent). */
export interface StretchChange {
  outputSec: number;
  inputSec: number;
  rate: number;
  active: boolean;
}

/** A stretcher node with the track loaded; `dispose()` disconnects it and frees its buffers in the worklet. */
export interface Stretcher {
  /** The worklet node (Tone's kind), to connect onwards: its output carries the stretched track. */
  readonly node: Tone.ToneAudioNode['output'] & AudioWorkletNode;
  /** Appends changes to the time map; they must come in time order, all later than the ones sent before. */
  schedule(changes: readonly StretchChange[]): void;
  /** Silences the node at once (within its latency) and drops every change planned after now. */
  stop(): void;
  dispose(): void;
}

const PROCESSOR = 'signalsmith-stretch';

/**
 * The stretcher's settings: the package's default blocks (120 ms, every 30 ms) with the work of each block
 * spread over the render quanta between blocks. Unspread, one quantum in ten does it all, and on a phone that
 * quantum can overrun its 2.9 ms; spread, the worst quantum costs about a fifth as much (`npm run bench`),
 * for 30 ms more latency, which the time map absorbs.
 */
export const STRETCH_CONFIG = { blockMs: 120, intervalMs: 30, splitComputation: true } as const;
const modules = new WeakMap<BaseAudioContext, Promise<void>>();

type Reply = [id: number | 'ready' | 'time', value: unknown];

/** Returns a stretcher on `context` playing `buffer` (the worklet module at `moduleUrl` is loaded once per context). */
export async function createStretcher(context: Tone.BaseContext, moduleUrl: string, buffer: AudioBuffer): Promise<Stretcher> {
  const native = nativeContextOf(context);
  let loading = modules.get(native);
  if (!loading) {
    loading = native.audioWorklet.addModule(moduleUrl);
    modules.set(native, loading);
  }
  await loading;
  const channels = buffer.numberOfChannels;
  // No input: the node plays the buffers it holds, not live audio.
  const node = context.createAudioWorkletNode(PROCESSOR, { numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [channels] });
  const port = node.port;
  const waiting = new Map<number | 'ready', (value: unknown) => void>();
  let nextId = 0;
  port.onmessage = (event: MessageEvent<Reply>) => {
    const [id, value] = event.data;
    if (id === 'time') return;
    waiting.get(id)?.(value);
    waiting.delete(id);
  };
  const ready = new Promise((resolve) => waiting.set('ready', resolve));
  const call = (method: string, ...args: unknown[]): Promise<unknown> => {
    const id = nextId++;
    const reply = new Promise((resolve) => waiting.set(id, resolve));
    port.postMessage([id, method, ...args]);
    return reply;
  };
  await ready;
  await call('configure', STRETCH_CONFIG);
  await call('addBuffers', Array.from({ length: channels }, (_, c) => buffer.getChannelData(c).slice()));
  const send = (change: Partial<StretchChange> & { outputSec: number; active: boolean }): void => {
    // The worklet drops every change at or after `outputTime` and forgets every one before it, which suits a
    // change made "now" but not a plan sent ahead (offline, all of it before the first sample). NaN compares
    // false with both, so the change is appended as it is: callers send the map in time order.
    const { outputSec, inputSec, rate, active } = change;
    void call('schedule', { outputTime: NaN, output: outputSec, active, ...(inputSec === undefined ? {} : { input: inputSec }), ...(rate === undefined ? {} : { rate }) });
  };
  return {
    node,
    schedule: (changes) => changes.forEach(send),
    // Without `outputTime` the worklet takes its own clock: the change applies now, whatever was planned after.
    stop: () => void call('schedule', { active: false }),
    dispose: () => {
      void call('dropBuffers');
      node.disconnect();
      port.onmessage = null;
      port.close();
    },
  };
}
