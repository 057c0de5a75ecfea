import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { startEncoding, type EncodingOptions } from '../../../src/workers/audio-encoder-client';
import { serveEncoder, type EncoderRequest } from '../../../src/workers/audio-encoder-host';
import { encodeWav, sine } from '../../helpers/wav';

const mp3Wasm = readFileSync(createRequire(import.meta.url).resolve('wasm-media-encoders/wasm/mp3'));
const RATE = 44100;

/** Runs the worker's real message handler in this thread; messages are cloned with their transfers, as postMessage does. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  private readonly serve = serveEncoder(mp3Wasm, (response, transfer) => {
    const data = structuredClone(response, { transfer });
    setTimeout(() => this.terminated || this.onmessage?.({ data } as MessageEvent));
  });

  postMessage(request: EncoderRequest, transfer: Transferable[]): void {
    const data = structuredClone(request, { transfer: transfer as ArrayBuffer[] });
    setTimeout(() => this.terminated || this.serve(data));
  }

  terminate(): void {
    this.terminated = true;
  }
}

function start(options: EncodingOptions): { encoding: ReturnType<typeof startEncoding>; worker: FakeWorker } {
  const worker = new FakeWorker();
  return { encoding: startEncoding(options, () => worker as unknown as Worker), worker };
}

describe('startEncoding', () => {
  it('streams a WAV through the worker: same bytes as one-shot encoding, inputs transferred, worker ended', async () => {
    const tone = sine(0.2, RATE, 440);
    const { encoding, worker } = start({ format: 'wav', sampleRate: RATE, channels: 1, frames: tone.length });
    expect(await encoding.ready).toEqual({ mimeType: 'audio/wav', encoderDelayFrames: 0 });
    const first = tone.slice(0, 4000);
    const parts = [encoding.push([first]), encoding.push([tone.slice(4000)]), encoding.end()];
    expect(first.length).toBe(0); // transferred to the worker
    const file = Buffer.concat((await Promise.all(parts)).flat());
    expect(new Uint8Array(file)).toEqual(encodeWav([tone], RATE));
    expect(worker.terminated).toBe(true);
  });

  it('hands each pushed piece back with its bytes, so the worker holds none of them', () => {
    const sent: ArrayBuffer[][] = [];
    const pushed = [sine(0.1, RATE, 440), sine(0.1, RATE, 660)];
    const serve = serveEncoder(mp3Wasm, (response, transfer) => sent.push(transfer));
    serve({ id: 1, type: 'start', options: { format: 'wav', sampleRate: RATE, channels: 2, frames: pushed[0].length } });
    serve({ id: 2, type: 'push', channels: pushed });
    return new Promise<void>((resolve) => setTimeout(resolve, 50)).then(() => {
      expect(sent).toHaveLength(2);
      // The WAV bytes (header and samples) and both channels' buffers go back.
      expect(sent[1]).toContain(pushed[0].buffer);
      expect(sent[1]).toContain(pushed[1].buffer);
      expect(sent[1]).toHaveLength(4);
    });
  });

  it('says the MP3 delay and returns the ID3 tag first', async () => {
    const tag = { title: 'Workout', durationMs: 500, chapters: [{ title: 'Only', startMs: 0, endMs: 500 }] };
    const { encoding } = start({ format: 'mp3', sampleRate: RATE, channels: 2, frames: RATE / 2, tag });
    expect((await encoding.ready).encoderDelayFrames).toBe(1105);
    const chunks = [...(await encoding.push([sine(0.5, RATE, 440), sine(0.5, RATE, 660)])), ...(await encoding.end())];
    expect(String.fromCharCode(...chunks[0].subarray(0, 3))).toBe('ID3');
    const audio = Buffer.concat(chunks.slice(1));
    expect([audio[0], audio[1] & 0xe0]).toEqual([0xff, 0xe0]); // an MPEG frame sync right after the tag
  });

  it('rejects with the reason when the session cannot start, on ready and on push', async () => {
    const { encoding } = start({ format: 'mp3', sampleRate: 22050, channels: 2, frames: 10 });
    await expect(encoding.ready).rejects.toThrow(/sample rate 22050 Hz/);
    await expect(encoding.push([new Float32Array(4), new Float32Array(4)])).rejects.toThrow(/sample rate 22050 Hz/);
    encoding.cancel();
  });

  it('cancels: what is pending rejects with an AbortError and the worker is terminated (also by AbortSignal)', async () => {
    const { encoding, worker } = start({ format: 'wav', sampleRate: RATE, channels: 1, frames: 100 });
    const pushed = encoding.push([new Float32Array(100)]);
    encoding.cancel();
    await expect(pushed).rejects.toMatchObject({ name: 'AbortError' });
    await expect(encoding.end()).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(true);

    const controller = new AbortController();
    const second = start({ format: 'wav', sampleRate: RATE, channels: 1, frames: 100, signal: controller.signal });
    const ready = second.encoding.ready;
    controller.abort();
    await expect(ready).rejects.toMatchObject({ name: 'AbortError' });
    expect(second.worker.terminated).toBe(true);
  });
});
