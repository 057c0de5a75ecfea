/**
 * Export pieces rendered in a frame of their own. Chromium never frees an offline context that loaded an
 * AudioWorklet (the tempo stretcher), nor the stretcher's WebAssembly memory, and makes only about 125 such
 * memories per page: an hour of export rendered in the page itself would hold hundreds of megabytes, and a few
 * exports would use them up. A hidden same-origin frame gets its own realm (its own Tone.js, engine and audio
 * contexts), and removing the frame frees all of it. The frame is an about:blank document, so it runs under the
 * page's CSP and origin; its script is the app's own bundle of `export-frame.ts`.
 */
import frameScriptUrl from './export-frame?worker&url';
import type { PieceRealm, PieceResult } from './export-piece';
import { moveOut } from './move-out';

/** How long the frame's script may take to load and start (a slow phone, a busy page). */
const READY_TIMEOUT_MS = 30_000;

type FrameWindow = Window & typeof globalThis & {
  montageFrameReady?: (realm: Omit<PieceRealm, 'close'>) => void;
  TONE_SILENCE_LOGGING?: boolean;
};

/** Returns `result` made of this realm's objects: nothing of the frame's is held once it is removed. */
function toPage(result: PieceResult): PieceResult {
  return { samples: result.samples.map(moveOut), placed: result.placed.map((p) => ({ timeSec: p.timeSec, kind: p.kind, ctxTime: p.ctxTime })), failure: result.failure };
}

/** Opens a frame to render pieces in; `close()` removes it and everything rendered there. */
export function openFrameRealm(): Promise<PieceRealm> {
  const frame = document.createElement('iframe');
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.title = 'Audio export renderer';
  frame.setAttribute('aria-hidden', 'true');
  document.body.append(frame);
  const win = frame.contentWindow as FrameWindow;
  // The frame renders offline only: with no AudioContext there, Tone does not open a live one as its global context.
  Reflect.deleteProperty(win, 'AudioContext');
  Reflect.deleteProperty(win, 'webkitAudioContext');
  win.TONE_SILENCE_LOGGING = true;
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      frame.remove();
      reject(new Error(message));
    };
    const timer = setTimeout(() => fail('The audio export could not start its renderer: it did not load in time. Reload Montage and export again.'), READY_TIMEOUT_MS);
    win.montageFrameReady = (inner) => {
      clearTimeout(timer);
      delete win.montageFrameReady;
      resolve({
        newBuffer: (init) => inner.newBuffer(init),
        // The program is copied into the frame's realm: the engine's checks know only their own realm's objects.
        renderPiece: async (request) => toPage(await inner.renderPiece({ ...request, program: win.structuredClone(request.program) })),
        close: () => frame.remove(),
      });
    };
    const script = win.document.createElement('script');
    script.type = 'module';
    script.src = new URL(frameScriptUrl, document.baseURI).href;
    script.onerror = () => fail('The audio export could not load its renderer. If Montage is offline, reload it once online and export again.');
    win.document.head.append(script);
  });
}
