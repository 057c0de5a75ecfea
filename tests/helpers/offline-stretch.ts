/** The export's stretch worker run in this process: the worker's own message handler (stretch-host.ts), no Worker. */
import type { OfflineStretcher } from '../../src/core/prestretch';
import { serveStretch, type StretchRequest, type StretchResponse } from '../../src/workers/stretch-host';

/** Returns an OfflineStretcher served by `serveStretch` in this process, and how many stretchers are open in it. */
export function inProcessStretcher(): OfflineStretcher & { openRuns(): number } {
  const waiting = new Map<number, (response: StretchResponse) => void>();
  const serve = serveStretch((response) => {
    waiting.get(response.id)?.(response);
    waiting.delete(response.id);
  });
  let nextId = 1;
  let nextRun = 1;
  const open = new Set<number>();
  type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;
  const send = (request: Unsent<StretchRequest>): Promise<StretchResponse> => new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, (r) => ('error' in r ? reject(new Error(r.error)) : resolve(r)));
    serve({ ...request, id } as StretchRequest);
  });
  return {
    openRuns: () => open.size,
    async open(options) {
      const run = nextRun++;
      await send({ type: 'open', run, ...options });
      open.add(run);
      return {
        render: async (frames, input) => {
          const r = await send({ type: 'render', run, frames, input });
          if (!('output' in r)) throw new Error('no output');
          return r.output;
        },
        close: () => {
          open.delete(run);
          void send({ type: 'close', run });
        },
      };
    },
  };
}
