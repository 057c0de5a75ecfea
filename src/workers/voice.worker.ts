/**
 * The offline voice's worker: eSpeak NG (voice-synth.ts) on the English data pack, a bundled asset fetched from
 * this origin when the first request comes (voice-host.ts); clips go back transferred. Runs only while an export
 * with voice makes its clips (voice-client.ts terminates it).
 */
/// <reference types="vite/client" />
import packUrl from 'montage-voice/espeak-en.bin?url&no-inline';
import espeakFactory from '@echogarden/espeak-ng-emscripten';
import { openVoice } from './voice-synth';
import { serveVoice } from './voice-host';
import type { VoiceRequest } from './voice-messages';

const load = async () => {
  const response = await fetch(packUrl).catch(() => null);
  if (!response?.ok) throw new Error(`The offline voice's data could not be loaded (${response ? `HTTP ${response.status}` : 'no connection, and not yet saved for offline use'}).`);
  return openVoice(espeakFactory, await response.arrayBuffer());
};
const serve = serveVoice(load, (response, transfer) => self.postMessage(response, transfer));

self.onmessage = (event: MessageEvent<VoiceRequest>) => void serve(event.data);
