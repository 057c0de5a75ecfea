/**
 * The export stretch worker's side of its protocol, kept out of `stretch.worker.ts` so Node tests can drive the
 * same code: stretchers opened by id (stretch-run.ts), each rendering its output in order. Each render hands back
 * the track window it replaced (transferred), so the window dies on the page's side: a worker that makes few
 * objects collects seldom.
 */
import type { InputWindow } from '../core/prestretch';
import type { StretchConfig } from '../core/stretch-map';
import { startStretchRun, type StretchRun } from './stretch-run';

/** A message to the worker. */
export type StretchRequest =
  | { id: number; type: 'open'; run: number; channels: number; sampleRate: number; config: StretchConfig; messages: Record<string, number | boolean>[] }
  | { id: number; type: 'render'; run: number; frames: number; input: InputWindow | null }
  | { id: number; type: 'close'; run: number };

/** The worker's answer to request `id`: the rendered frames and the window let go (both transferred), or an error. */
export type StretchResponse =
  | { id: number; output: Float32Array<ArrayBuffer>[]; spent: Float32Array[] }
  | { id: number; done: true }
  | { id: number; error: string };

/** Returns a message handler that runs the requests in order, posting each answer with `post`. */
export function serveStretch(post: (response: StretchResponse, transfer: ArrayBuffer[]) => void): (request: StretchRequest) => void {
  const runs = new Map<number, Promise<{ run: StretchRun; input: InputWindow | null }>>();
  let queue: Promise<unknown> = Promise.resolve();
  const handle = async (request: StretchRequest): Promise<void> => {
    try {
      if (request.type === 'open') {
        const opening = startStretchRun(request.channels, request.sampleRate, request.config).then((run) => {
          for (const message of request.messages) run.call('schedule', message);
          return { run, input: null };
        });
        runs.set(request.run, opening);
        await opening;
        post({ id: request.id, done: true }, []);
      } else if (request.type === 'render') {
        const held = await runs.get(request.run);
        if (!held) throw new Error(`no stretcher ${request.run}`);
        const spent = request.input && held.input ? held.input.channels : [];
        if (request.input) {
          held.run.setInput(request.input);
          held.input = request.input;
        }
        const output = held.run.render(request.frames);
        post({ id: request.id, output, spent }, [...output, ...spent].map((c) => c.buffer as ArrayBuffer));
      } else {
        runs.delete(request.run);
        post({ id: request.id, done: true }, []);
      }
    } catch (e) {
      post({ id: request.id, error: e instanceof Error ? e.message : String(e) }, []);
    }
  };
  return (request) => {
    queue = queue.then(() => handle(request));
  };
}
