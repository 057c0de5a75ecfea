/**
 * Export stretch worker: the tempo stretcher of the audio export (stretch-host.ts), off the page's thread. Its
 * WebAssembly is compiled here, which the CSP allows with 'wasm-unsafe-eval'.
 */
import { serveStretch, type StretchRequest } from './stretch-host';

const serve = serveStretch((response, transfer) => self.postMessage(response, transfer));

self.onmessage = (event: MessageEvent<StretchRequest>) => serve(event.data);
