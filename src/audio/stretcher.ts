/**
 * A pitch-preserving time stretcher on the audio clock: a signalsmith-stretch AudioWorklet node (MIT, WASM)
 * that plays a track from memory along a time map — at audio time `output` it plays the track from `input`
 * at `rate` — and compensates its own latency, so a beat at track time t plays exactly where the map puts
 * it. The worklet module is loaded from this origin (the strict CSP allows no blob: script); its WASM is
 * compiled in the worklet, which the CSP allows with 'wasm-unsafe-eval'.
 */
import type * as Tone from 'tone';
import { nativeContextOf } from './native-audio';
import { STRETCH_CONFIG, scheduleMessage, type StretchChange, type StretchConfig } from '../core/stretch-map';

export { STRETCH_CONFIG, scheduleMessage, type StretchChange, type StretchConfig };

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
/** The error of a stretcher whose worklet never said it was ready. */
export const STRETCHER_DID_NOT_START = 'The tempo stretcher did not start.';
/** How long the worklet may take to compile its WebAssembly and say it is ready (a slow phone, a busy page). */
const READY_TIMEOUT_MS = 15_000;

/**
 * The least time ahead of its first sound that a stretched track's start may be sent. The worklet makes each
 * output block from blocks of input before it: started sooner, its first 30–40 ms come out softer, rising from
 * silence (measured with the app's settings: sent 50 ms ahead, the first 10 ms play at 4 % of the level and the
 * next at 24 %; sent 100 ms ahead, at full level). A resume, skip or seek waits this long.
 */
export const STRETCH_LEAD_SEC = 0.12;

const modules = new WeakMap<BaseAudioContext, Promise<void>>();
/** Per offline context: the replies still awaited from its stretchers' worklets. */
const unanswered = new WeakMap<BaseAudioContext, Set<Promise<unknown>>>();

/**
 * An offline context renders without pausing for the worklet's messages, and Tone sends the engine's plan in
 * the same task that starts the render: held after its first render quantum until every stretcher has
 * answered, the render hears the whole plan (every start is at least that quantum ahead).
 */
function holdOfflineRender(native: BaseAudioContext): Set<Promise<unknown>> {
  let pending = unanswered.get(native);
  if (!pending) {
    const replies = new Set<Promise<unknown>>();
    pending = replies;
    unanswered.set(native, replies);
    const offline = native as OfflineAudioContext;
    void offline.suspend(128 / native.sampleRate).then(async () => {
      while (replies.size > 0) await Promise.all([...replies]);
      await offline.resume();
    });
  }
  return pending;
}

type Reply = [id: number | 'ready' | 'time', value: unknown];

/**
 * Returns a stretcher on `context` holding the track `channels` (one array per channel, moved to the worklet:
 * they are empty afterwards);
 * the worklet module at `moduleUrl` is loaded once per context; `config` is for the bench's sweep, the app keeps the default.
 */
export async function createStretcher(context: Tone.BaseContext, moduleUrl: string, channels: Float32Array<ArrayBuffer>[], config: StretchConfig = STRETCH_CONFIG): Promise<Stretcher> {
  const native = nativeContextOf(context);
  let loading = modules.get(native);
  if (!loading) {
    loading = native.audioWorklet.addModule(moduleUrl);
    modules.set(native, loading);
    // A failed load (offline before the module was cached) is tried again by the next track, not remembered.
    loading.catch(() => modules.delete(native));
  }
  await loading;
  // An input left unconnected: the node plays the buffers it holds, not live audio. (Not none: while silent
  // the processor reads its first input's channels, and with no input at all it throws and stays mute.)
  const node = context.createAudioWorkletNode(PROCESSOR, { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [channels.length] });
  const port = node.port;
  const pending = native instanceof OfflineAudioContext ? holdOfflineRender(native) : null;
  const waiting = new Map<number | 'ready', (value: unknown) => void>();
  let nextId = 0;
  port.onmessage = (event: MessageEvent<Reply>) => {
    const [id, value] = event.data;
    if (id === 'time') return;
    waiting.get(id)?.(value);
    waiting.delete(id);
  };
  // The worklet says nothing if its WebAssembly cannot compile (an old browser, a stricter CSP): give up then.
  const ready = new Promise((resolve, reject) => {
    waiting.set('ready', resolve);
    setTimeout(() => reject(new Error(STRETCHER_DID_NOT_START)), READY_TIMEOUT_MS);
  });
  const call = (method: string, args: unknown[], transfer: Transferable[] = []): Promise<unknown> => {
    const id = nextId++;
    const reply = new Promise((resolve) => waiting.set(id, resolve));
    port.postMessage([id, method, ...args], transfer);
    if (pending) {
      pending.add(reply);
      void reply.then(() => pending.delete(reply));
    }
    return reply;
  };
  try {
    await ready;
  } catch (e) {
    port.close();
    node.disconnect();
    throw e;
  }
  await call('configure', [config]);
  // One buffer only: the worklet (1.3.2) throws where its read of the track spans two. Moved, not copied:
  // a decoded track is tens of megabytes.
  await call('addBuffers', [channels], channels.map((c) => c.buffer));
  const send = (change: StretchChange): void => void call('schedule', [scheduleMessage(change, native.sampleRate)]);
  return {
    node,
    schedule: (changes) => changes.forEach(send),
    // Without `outputTime` the worklet takes its own clock: the change applies now, whatever was planned after.
    stop: () => void call('schedule', [{ active: false }]),
    dispose: () => {
      node.disconnect();
      // The port stays open until the worklet has handed the track back: closed at once, the message may never
      // be read, and in Chromium a finished offline context then keeps the track (and itself) alive.
      const close = (): void => {
        port.onmessage = null;
        port.close();
      };
      void Promise.race([call('dropBuffers', []), new Promise((resolve) => setTimeout(resolve, 2000))]).then(close);
    },
  };
}
