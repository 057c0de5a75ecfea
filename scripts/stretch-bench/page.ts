/**
 * The stretcher bench's page code (bundled by esbuild, run in Chromium): renders the test signal offline at
 * a rate through plain Tone.Player (speed and pitch change: the reference that shows the pitch figure can
 * fail), Tone.GrainPlayer as the engine sets it up, and the app's signalsmith-stretch adapter, times each
 * render and returns its objective figures.
 */
import * as Tone from 'tone';
import { createStretcher, type StretchConfig } from '../../src/audio/stretcher';
import { drumsAndMelody } from './signal';
import { stretchFigures, type StretchFigures } from './metrics';

/** How a render is made. */
export type StretchMethod = 'plain' | 'grain' | 'signalsmith';

/** The figures of one render and its cost: render time per second of audio rendered, ms. */
export interface StretchRow extends StretchFigures {
  method: StretchMethod;
  rate: number;
  cpuMsPerSec: number;
}

const SAMPLE_RATE = 44100;
const SIGNAL_SEC = 12;
const CHANNELS = 2;
const signal = drumsAndMelody(SIGNAL_SEC, SAMPLE_RATE);

/** Returns the test signal as a stereo AudioBuffer (the same audio on both channels, as a real track costs). */
function signalBuffer(): AudioBuffer {
  const buffer = new AudioBuffer({ length: signal.samples.length, sampleRate: SAMPLE_RATE, numberOfChannels: CHANNELS });
  for (let c = 0; c < CHANNELS; c++) buffer.copyToChannel(signal.samples, c);
  return buffer;
}

/** Renders the whole signal at `rate` with `method` (signalsmith set up with `config`); returns the first channel and the render's wall time, ms. */
async function render(method: StretchMethod, rate: number, moduleUrl: string, config?: StretchConfig): Promise<{ samples: Float32Array; ms: number }> {
  const audio = signalBuffer();
  const seconds = SIGNAL_SEC / rate;
  let started = 0;
  // A page renders many times: each stretcher frees its worklet's copy of the track when its render is done.
  let dispose = (): void => {};
  const out = await Tone.Offline(async (context) => {
    if (method === 'signalsmith') {
      const stretcher = await createStretcher(context, moduleUrl, [0, 1].map((c) => audio.getChannelData(c).slice()), config);
      Tone.connect(stretcher.node, context.destination);
      stretcher.schedule([{ outputSec: 0, inputSec: 0, rate, active: true }]);
      dispose = () => stretcher.dispose();
    } else {
      const buffer = new Tone.ToneAudioBuffer(audio);
      // As src/audio/engine.ts sets up its players.
      const player = method === 'grain'
        ? new Tone.GrainPlayer({ context, url: buffer, playbackRate: rate, grainSize: 0.1, overlap: 0.05 })
        : new Tone.Player({ context, url: buffer, playbackRate: rate });
      player.toDestination().start(0);
    }
    started = performance.now();
  }, seconds, CHANNELS, SAMPLE_RATE);
  dispose();
  return { samples: out.getChannelData(0).slice(), ms: performance.now() - started };
}

/** Renders with `method` at `rate` `rounds` times (signalsmith with `config`, else the app's); returns the figures and the median render cost. */
export async function benchRow(method: StretchMethod, rate: number, moduleUrl: string, rounds: number, config?: StretchConfig): Promise<StretchRow> {
  const runs = [];
  for (let i = 0; i < rounds; i++) runs.push(await render(method, rate, moduleUrl, config));
  const costs = runs.map((r) => r.ms / (SIGNAL_SEC / rate)).sort((a, b) => a - b);
  return { method, rate, cpuMsPerSec: costs[Math.floor(costs.length / 2)], ...stretchFigures(signal, runs[0].samples, rate) };
}
