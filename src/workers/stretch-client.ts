/**
 * Page side of the export's stretch worker (stretch-host.ts): one worker per export, holding a stretcher per
 * tempo-matched segment. Track windows go in and stretched audio comes back, transferred both ways; `close`
 * terminates the worker, and what is pending rejects.
 */
import type { OfflineStretcher, StretchSession } from '../core/prestretch';
import type { StretchRequest, StretchResponse } from './stretch-host';

/** A stretch worker for one export: `close()` ends it (and every stretcher in it). */
export interface StretchWorker extends OfflineStretcher {
  close(): void;
}

/** A request before it is numbered. */
type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;

const spawnWorker = (): Worker => new Worker(new URL('./stretch.worker.ts', import.meta.url), { type: 'module' });

/** Starts a stretch worker. */
export function startStretchWorker(createWorker: () => Worker = spawnWorker): StretchWorker {
  const worker = createWorker();
  const pending = new Map<number, { resolve: (r: StretchResponse) => void; reject: (e: unknown) => void }>();
  let nextId = 1;
  let nextRun = 1;
  let closed: Error | null = null;
  const close = (reason: Error): void => {
    if (closed) return;
    closed = reason;
    worker.terminate();
    for (const job of pending.values()) job.reject(reason);
    pending.clear();
  };
  const send = (request: Unsent<StretchRequest>, transfer: ArrayBuffer[] = []): Promise<StretchResponse> => {
    if (closed) return Promise.reject(closed);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as StretchRequest, transfer);
    });
  };
  worker.onmessage = (event: MessageEvent<StretchResponse>) => {
    const job = pending.get(event.data.id);
    if (!job) return;
    pending.delete(event.data.id);
    if ('error' in event.data) job.reject(new Error(`The tempo stretcher failed: ${event.data.error}`));
    else job.resolve(event.data);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    close(new Error(`The tempo stretcher failed: ${event.message || 'its worker did not start'}. Reload Montage and export again.`));
  };
  return {
    async open(options): Promise<StretchSession> {
      const run = nextRun++;
      await send({ type: 'open', run, ...options });
      return {
        render: async (frames, input) => {
          const response = await send({ type: 'render', run, frames, input }, input ? input.channels.map((c) => c.buffer as ArrayBuffer) : []);
          if (!('output' in response)) throw new Error('The tempo stretcher gave no audio.');
          return response.output;
        },
        close: () => void send({ type: 'close', run }).catch(() => undefined),
      };
    },
    close: () => close(new Error('The tempo stretcher has stopped.')),
  };
}
