/**
 * Export encoder worker: runs one WAV or MP3 encoder session (audio-encode.ts) off the page's thread.
 * The LAME WebAssembly is a bundled asset fetched from this origin (CSP: connect-src 'self', and
 * 'wasm-unsafe-eval' to compile it), never a data: URL.
 */
/// <reference types="vite/client" />
import mp3WasmUrl from 'wasm-media-encoders/wasm/mp3?url&no-inline';
import { serveEncoder, type EncoderRequest } from './audio-encoder-host';

const serve = serveEncoder(mp3WasmUrl, (response, transfer) => self.postMessage(response, transfer));

self.onmessage = (event: MessageEvent<EncoderRequest>) => serve(event.data);
