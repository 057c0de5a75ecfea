/**
 * A tempo-matched segment of an export as a track of its own (core/prestretch.ts): a reader whose frames are the
 * stretcher's output, rendered on demand, in order, by one stretcher that runs from the segment's start to its end.
 * The export's pieces read it one after another, each starting a few seconds before the last one ended (their
 * preroll and margins): the last `KEEP_SEC` of output are kept for that, nothing more.
 */
import { jobInputSpan, jobTimeMap, type InputWindow, type OfflineStretcher, type StretchJob } from '../core/prestretch';
import { STRETCH_CONFIG, loopLayoutFrames, repeatedTo, scheduleMessage } from '../core/stretch-map';
import type { TrackReader } from '../core/track-reader';

/** Output rendered per call to the stretcher, seconds (about 1 MB of stereo; 10 s chunks peaked 55 MB higher, 1.5 s alike). */
const CHUNK_SEC = 3;
/** Output kept behind the end of the last read, seconds: more than a piece's preroll, margin and overlap. */
const KEEP_SEC = 10;
/** Track read either side of where the stretcher plays, seconds: more than its blocks reach. */
const INPUT_PAD_SEC = 0.5;
const QUANTUM = 128;

/**
 * Returns the stretched audio of `job` as a reader at the track's own sample rate, made by a stretcher of
 * `stretcher` reading `source` (the decoded track). Reads must not go back more than `KEEP_SEC` behind the last.
 */
export async function openStretchedTrack(job: StretchJob, source: TrackReader, stretcher: OfflineStretcher, crossfadeSec: number): Promise<TrackReader> {
  const { sampleRate, channels } = source;
  const trackSec = source.length / sampleRate;
  const messages = jobTimeMap(job, trackSec, crossfadeSec).map((change) => scheduleMessage(change, sampleRate));
  const session = await stretcher.open({ channels, sampleRate, config: STRETCH_CONFIG, messages });
  const length = Math.ceil(job.lengthSec * sampleRate);
  const chunkFrames = Math.round((CHUNK_SEC * sampleRate) / QUANTUM) * QUANTUM;
  const chunks: { from: number; data: Float32Array[] }[] = [];
  let rendered = 0;
  let loopSent = false;

  const inputFor = async (fromFrame: number, toFrame: number): Promise<InputWindow | null> => {
    if (job.segment.loop) {
      if (loopSent) return null;
      loopSent = true;
      // The loop's layout as the live player holds it (core/stretch-map.ts).
      const whole = await source.read(0, source.length);
      const layout = whole.map((c) => repeatedTo(c, loopLayoutFrames(source.length, sampleRate)));
      return { fromFrame: 0, channels: layout };
    }
    const [lo, hi] = jobInputSpan(job, trackSec, fromFrame / sampleRate, toFrame / sampleRate, INPUT_PAD_SEC);
    const a = Math.floor(lo * sampleRate);
    const b = Math.max(a, Math.ceil(hi * sampleRate));
    const into = Array.from({ length: channels }, () => new Float32Array(b - a));
    return { fromFrame: a, channels: await source.read(a, b, into) };
  };

  const renderTo = async (frame: number): Promise<void> => {
    while (rendered < frame) {
      const input = await inputFor(rendered, rendered + chunkFrames);
      chunks.push({ from: rendered, data: await session.render(chunkFrames, input) });
      rendered += chunkFrames;
    }
  };

  return {
    sampleRate,
    channels,
    length,
    async read(from, to, into) {
      const kept = chunks[0]?.from ?? rendered;
      if (from < kept) throw new Error(`The stretched track was read at ${(from / sampleRate).toFixed(2)} s, behind what it keeps (from ${(kept / sampleRate).toFixed(2)} s).`);
      await renderTo(to);
      const out = into ?? Array.from({ length: channels }, () => new Float32Array(to - from));
      for (const chunk of chunks) {
        const a = Math.max(from, chunk.from);
        const b = Math.min(to, chunk.from + chunkFrames);
        if (b > a) chunk.data.forEach((c, ch) => out[ch].set(c.subarray(a - chunk.from, b - chunk.from), a - from));
      }
      const keepFrom = to - KEEP_SEC * sampleRate;
      while (chunks.length > 0 && chunks[0].from + chunkFrames <= keepFrom) chunks.shift();
      return out;
    },
    close: () => {
      chunks.length = 0;
      session.close();
      source.close?.();
    },
  };
}
