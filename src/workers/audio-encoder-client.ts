/**
 * Page side of the export encoder: one worker per encoding. Chunks go in (their buffers transferred) and the
 * file's bytes come back (transferred) in order; `end` or `cancel` terminates the worker, and so does the
 * AbortSignal, which rejects what is pending with an AbortError.
 */
import type { EncodeOptions, EncoderSession } from './audio-encode';
import { buffersOf, type EncoderRequest, type EncoderResponse } from './audio-encoder-host';

/** Options of one encoding: what to encode, and a signal that cancels it. */
export interface EncodingOptions extends EncodeOptions {
  signal?: AbortSignal;
}

/** What the started session says about its output. */
export interface EncodingInfo {
  mimeType: EncoderSession['mimeType'];
  /** Frames of silence the decoded file has before the first pushed frame (0 for WAV, 1105 for MP3). */
  encoderDelayFrames: number;
}

/** A running encoding; chunks must be pushed one after another (each call may be awaited or not: they run in order). */
export interface Encoding {
  /** Resolves once the worker has opened the session; rejects with its reason (e.g. an unsupported sample rate). */
  ready: Promise<EncodingInfo>;
  /** Encodes a chunk (one Float32Array per channel; their buffers are transferred, unusable afterwards); resolves with the bytes to append. */
  push(channels: Float32Array[]): Promise<Uint8Array[]>;
  /** Resolves with the file's last bytes, then terminates the worker. */
  end(): Promise<Uint8Array[]>;
  /** Terminates the worker; whatever is pending rejects with an AbortError. */
  cancel(): void;
}

/** A request before it is numbered. */
type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;

interface Pending {
  resolve: (response: EncoderResponse) => void;
  reject: (error: unknown) => void;
}

/** Creates the export worker (the Vite module-worker pattern). */
const spawnWorker = (): Worker => new Worker(new URL('./audio-encoder.worker.ts', import.meta.url), { type: 'module' });

const abortError = (): DOMException => new DOMException('Export encoding cancelled', 'AbortError');

/** Starts an encoding in a new worker. */
export function startEncoding({ signal, ...options }: EncodingOptions, createWorker: () => Worker = spawnWorker): Encoding {
  const worker = createWorker();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed: (() => unknown) | null = null;

  const close = (reason: () => unknown): void => {
    if (closed) return;
    closed = reason;
    worker.terminate();
    signal?.removeEventListener('abort', cancel);
    for (const job of pending.values()) job.reject(reason());
    pending.clear();
  };
  const cancel = (): void => close(abortError);
  const send = (request: Unsent<EncoderRequest>, transfer: ArrayBuffer[] = []): Promise<EncoderResponse> => {
    if (closed) return Promise.reject(closed());
    const id = nextId++;
    return new Promise<EncoderResponse>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as EncoderRequest, transfer);
    });
  };
  const chunksOf = (response: EncoderResponse): Uint8Array[] => ('chunks' in response ? response.chunks : []);

  worker.onmessage = (event: MessageEvent<EncoderResponse>) => {
    const job = pending.get(event.data.id);
    if (!job) return;
    pending.delete(event.data.id);
    if ('error' in event.data) job.reject(new Error(event.data.error));
    else job.resolve(event.data);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    close(() => new Error(`Export encoder worker failed: ${event.message}`));
  };
  if (signal?.aborted) cancel();
  signal?.addEventListener('abort', cancel, { once: true });

  const ready = send({ type: 'start', options }).then((r) => ('started' in r ? r.started : Promise.reject(new Error('Export encoder: no start reply'))));
  ready.catch(() => undefined); // a caller that only pushes sees the same error there
  return {
    ready,
    push: (channels) => send({ type: 'push', channels }, buffersOf(channels)).then(chunksOf),
    end: () =>
      send({ type: 'end' }).then((response) => {
        close(() => new Error('Export encoder: the encoding has ended'));
        return chunksOf(response);
      }),
    cancel,
  };
}
