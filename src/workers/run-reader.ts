/**
 * A track decoded run by run as it is read (an MP3 in runs of whole frames: track-file-reader.ts): run 0 holds
 * whatever the decoder makes of the stream's start (its delay trimmed), every later run a known number of frames
 * straight after. A read decodes the runs it covers; the last two runs decoded are kept, since the export's
 * pieces read on from where the previous one stopped (a few seconds back, for the next piece's warm-up). A run
 * that fails or comes back short turns the reader to the whole-file decode for everything after. Decoders are
 * passed in, so this is tested in Node.
 */
import { deliverInto, type TrackReader } from '../core/track-reader';

type Channels = Float32Array<ArrayBuffer>[];

export interface RunSource {
  sampleRate: number;
  /** Runs in the stream. */
  runCount: number;
  /** Frames run `k` (k ≥ 1) holds. */
  framesOfRun(k: number): number;
  /** Decodes run `k`: one array per channel, `framesOfRun(k)` long for k ≥ 1; rejects on a run it cannot decode. */
  decodeRun(k: number): Promise<Channels>;
  /** Decodes the whole file, for a stream whose runs fail. */
  decodeWhole(): Promise<Channels>;
}

const KEPT_RUNS = 2;

/** Opens a reader over `source` (decoding its first run, which sets where every other run lands). */
export async function runReader(source: RunSource): Promise<TrackReader> {
  const first = await source.decodeRun(0).catch(() => null);
  let whole: Channels | null = first ? null : await source.decodeWhole();
  const channels = (first ?? whole!).length;
  // Where run k starts on the track's frames.
  const starts = [0];
  for (let k = 0; k < source.runCount; k++) starts.push(starts[k] + (k === 0 ? (first?.[0].length ?? 0) : source.framesOfRun(k)));
  const length = whole ? whole[0].length : starts[source.runCount];
  const kept = new Map<number, Channels>(first ? [[0, first]] : []);
  const runOf = (frame: number): number => {
    let k = 0;
    while (k + 1 < source.runCount && starts[k + 1] <= frame) k++;
    return k;
  };
  const run = async (k: number): Promise<Channels | null> => {
    const hit = kept.get(k);
    if (hit) return hit;
    const decoded = await source.decodeRun(k).catch(() => null);
    if (!decoded || decoded.length !== channels || decoded[0].length !== source.framesOfRun(k)) return null;
    kept.set(k, decoded);
    for (const old of kept.keys()) if (kept.size > KEPT_RUNS && old !== k) kept.delete(old);
    return decoded;
  };
  return {
    sampleRate: source.sampleRate,
    channels,
    length,
    async read(from, to, into) {
      from = Math.max(0, Math.min(length, from));
      to = Math.max(from, Math.min(length, to));
      if (!whole) {
        const out = into ?? Array.from({ length: channels }, () => new Float32Array(to - from));
        let ok = true;
        for (let k = runOf(from); ok && k < source.runCount && starts[k] < to; k++) {
          const part = await run(k);
          if (!part) {
            ok = false;
            break;
          }
          const a = Math.max(from, starts[k]);
          const b = Math.min(to, starts[k + 1]);
          part.forEach((c, i) => out[i].set(c.subarray(a - starts[k], b - starts[k]), a - from));
        }
        if (ok) return out;
        kept.clear();
        whole = await source.decodeWhole();
      }
      const part = whole.map((c) => c.subarray(from, Math.min(to, c.length)));
      return deliverInto(into ? part : part.map((c) => c.slice()), into);
    },
  };
}
