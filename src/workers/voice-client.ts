/**
 * Page side of the offline voice: one worker (voice.worker.ts) for one export's spoken cues. `synthesize` sends
 * texts and resolves with their clips; a signal aborts what is pending (AbortError); `close` terminates the worker.
 * A worker that fails to load rejects everything with a message that says the voice could not start.
 */
import type { VoiceRequest, VoiceResponse } from './voice-messages';

/** The voice as the export uses it (ExportDeps.synthesize), and its end. */
export interface VoiceSession {
  synthesize(texts: string[], options: { sampleRate: number; rate?: number; signal?: AbortSignal }): Promise<Float32Array[]>;
  close(): void;
}

interface Pending {
  resolve: (clips: Float32Array[]) => void;
  reject: (error: unknown) => void;
}

/** Creates the voice worker (the Vite module-worker pattern). */
const spawnWorker = (): Worker => new Worker(new URL('./voice.worker.ts', import.meta.url), { type: 'module' });

/** Starts the offline voice in a new worker. */
export function startVoice(createWorker: () => Worker = spawnWorker): VoiceSession {
  const worker = createWorker();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failed: Error | null = null;

  const failAll = (error: Error): void => {
    failed ??= error;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  worker.onmessage = ({ data }: MessageEvent<VoiceResponse>) => {
    const job = pending.get(data.id);
    if (!job) return;
    pending.delete(data.id);
    if ('error' in data) job.reject(new Error(data.error));
    else job.resolve(data.clips);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    failAll(new Error(`The offline voice could not start: ${event.message || 'its worker failed to load'}`));
    worker.terminate();
  };

  return {
    synthesize(texts, { sampleRate, rate = 1, signal }) {
      if (failed) return Promise.reject(failed);
      if (signal?.aborted) return Promise.reject(signal.reason);
      const id = nextId++;
      return new Promise<Float32Array[]>((resolve, reject) => {
        const abort = () => {
          pending.delete(id);
          reject(new DOMException('Export cancelled', 'AbortError'));
        };
        signal?.addEventListener('abort', abort, { once: true });
        const done = () => signal?.removeEventListener('abort', abort);
        pending.set(id, { resolve: (clips) => (done(), resolve(clips)), reject: (e) => (done(), reject(e)) });
        worker.postMessage({ id, texts, sampleRate, rate } satisfies VoiceRequest);
      });
    },
    close() {
      failAll(new Error('The offline voice has been closed'));
      worker.terminate();
    },
  };
}
