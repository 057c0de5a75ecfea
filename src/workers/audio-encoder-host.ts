/**
 * The export worker's side of the encoder protocol, kept out of `audio-encoder.worker.ts` so Node tests can
 * drive the same code through a fake Worker. Messages are handled strictly in order (a push waits for the
 * start before it); one session per worker, which the client terminates when done.
 */
import { createEncoder, type EncodeOptions, type EncoderSession, type Mp3Wasm } from './audio-encode';

/** A message to the worker: open the session, encode a chunk (its buffers transferred), or finish. */
export type EncoderRequest =
  | { id: number; type: 'start'; options: EncodeOptions }
  | { id: number; type: 'push'; channels: Float32Array[] }
  | { id: number; type: 'end' };

/**
 * The worker's answer to request `id`: the file bytes it produced (transferred), the started session's delay, or an
 * error message. A push also hands its samples back (`spent`, transferred), so they die on the page's side: a
 * worker that makes few objects collects seldom, and held tens of megabytes of pushed pieces between collections.
 */
export type EncoderResponse =
  | { id: number; chunks: Uint8Array[]; spent?: Float32Array[] }
  | { id: number; started: { mimeType: EncoderSession['mimeType']; encoderDelayFrames: number } }
  | { id: number; error: string };

/** Returns the distinct buffers behind `views`, for a postMessage transfer list. */
export function buffersOf(views: ArrayBufferView[]): ArrayBuffer[] {
  return [...new Set(views.map((v) => v.buffer as ArrayBuffer))];
}

/** Returns a message handler that runs the requests in order against one session, posting each answer with `post`. */
export function serveEncoder(mp3Wasm: Mp3Wasm, post: (response: EncoderResponse, transfer: ArrayBuffer[]) => void): (request: EncoderRequest) => void {
  let session: EncoderSession | null = null;
  let failed: string | null = null;
  let queue = Promise.resolve();
  const answer = async (request: EncoderRequest): Promise<EncoderResponse> => {
    if (request.type === 'start') {
      const result = await createEncoder(request.options, mp3Wasm);
      if (!result.ok) return { id: request.id, error: (failed = result.error) };
      session = result.session;
      return { id: request.id, started: { mimeType: session.mimeType, encoderDelayFrames: session.encoderDelayFrames } };
    }
    if (!session) return { id: request.id, error: failed ?? 'Export encoder: no session started' };
    if (request.type === 'end') return { id: request.id, chunks: await session.end() };
    return { id: request.id, chunks: await session.push(request.channels), spent: request.channels };
  };
  return (request) => {
    queue = queue.then(async () => {
      let response: EncoderResponse;
      try {
        response = await answer(request);
      } catch (error) {
        response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
      }
      post(response, 'chunks' in response ? buffersOf([...response.chunks, ...(response.spent ?? [])]) : []);
    });
  };
}
