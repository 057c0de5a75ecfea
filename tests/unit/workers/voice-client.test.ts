import { describe, expect, it } from 'vitest';
import factory from '@echogarden/espeak-ng-emscripten';
import { englishPack } from '../../../scripts/voice-files';
import { startVoice } from '../../../src/workers/voice-client';
import { serveVoice } from '../../../src/workers/voice-host';
import { openVoice, type OfflineVoice } from '../../../src/workers/voice-synth';
import type { VoiceRequest } from '../../../src/workers/voice-messages';

const realVoice = (): Promise<OfflineVoice> => {
  const b = englishPack();
  return openVoice(factory, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
};

/** Runs the worker's real handler in this thread; messages are cloned with their transfers, as postMessage does. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  loads = 0;
  private readonly serve: (request: VoiceRequest) => Promise<void>;

  constructor(load: () => Promise<OfflineVoice>) {
    this.serve = serveVoice(() => (this.loads++, load()), (response, transfer) => {
      const data = structuredClone(response, { transfer });
      setTimeout(() => this.terminated || this.onmessage?.({ data } as MessageEvent));
    });
  }

  postMessage(request: VoiceRequest): void {
    const data = structuredClone(request);
    setTimeout(() => this.terminated || void this.serve(data));
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe('startVoice', () => {
  it('says texts in the worker and hands back one clip each; the voice loads once', async () => {
    const worker = new FakeWorker(realVoice);
    const voice = startVoice(() => worker as unknown as Worker);
    const [go, rest] = await voice.synthesize(['Go', 'Easy jog, two minutes'], { sampleRate: 44100 });
    expect(go.length).toBeGreaterThan(0.1 * 44100);
    expect(rest.length).toBeGreaterThan(go.length);
    const [again] = await voice.synthesize(['Go'], { sampleRate: 44100, rate: 1.5 });
    expect(again.length).toBeLessThan(go.length);
    expect(worker.loads).toBe(1);
    voice.close();
    expect(worker.terminated).toBe(true);
    await expect(voice.synthesize(['Go'], { sampleRate: 44100 })).rejects.toThrow(/closed/);
  });

  it('rejects with the reason the voice could not load, and tries again on the next request', async () => {
    let tries = 0;
    const worker = new FakeWorker(() => (++tries === 1 ? Promise.reject(new Error("The offline voice's data could not be loaded (HTTP 404).")) : realVoice()));
    const voice = startVoice(() => worker as unknown as Worker);
    await expect(voice.synthesize(['Go'], { sampleRate: 44100 })).rejects.toThrow(/could not be loaded \(HTTP 404\)/);
    expect((await voice.synthesize(['Go'], { sampleRate: 44100 }))[0].length).toBeGreaterThan(0);
    voice.close();
  });

  it('an abort rejects what is pending at once; a worker that fails to load names the voice', async () => {
    const voice = startVoice(() => new FakeWorker(realVoice) as unknown as Worker);
    const controller = new AbortController();
    const said = voice.synthesize(['Go'], { sampleRate: 44100, signal: controller.signal });
    controller.abort();
    await expect(said).rejects.toMatchObject({ name: 'AbortError' });
    voice.close();

    const broken = new FakeWorker(realVoice);
    const failing = startVoice(() => broken as unknown as Worker);
    const pending = failing.synthesize(['Go'], { sampleRate: 44100 });
    broken.onerror?.({ message: 'SyntaxError: bad chunk', preventDefault() {} } as ErrorEvent);
    await expect(pending).rejects.toThrow('The offline voice could not start: SyntaxError: bad chunk');
    await expect(failing.synthesize(['Go'], { sampleRate: 44100 })).rejects.toThrow(/could not start/);
    expect(broken.terminated).toBe(true);
  });
});
