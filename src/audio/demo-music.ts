/**
 * The demo music service: the three synthesised loops, each rendered once and kept. A loop comes from memory,
 * else from the cache of rendered loops (OPFS, kept between visits), else it is rendered and then kept.
 * A cache that is missing, full or damaged only means rendering again: it never fails a start.
 */
import { DEMO_TRACKS, DEMO_LOOP_BARS, type DemoTrackSpec } from './demo-catalog';
import { DEMO_RENDER_VERSION, renderDemoTrack } from './demo-tracks';
import { audioBufferToBytes, bytesToAudioBuffer } from './demo-pcm';

/** Rendered loops kept between visits, by key (the storage layer's demo cache; main.tsx passes it in). */
export interface DemoLoopCache {
  /** Returns the bytes kept under `key`, or null when there are none or they were damaged. */
  read(key: string): Promise<ArrayBuffer | null>;
  /** Keeps the bytes; throws when they could not be kept (full storage). */
  write(key: string, bytes: ArrayBuffer): Promise<void>;
  /** Removes everything kept under other keys. */
  keepOnly(keys: string[]): Promise<void>;
}

/** Where this page's loops came from: counts since it loaded (tests and the bench read them). */
export interface DemoStats {
  rendered: number;
  fromCache: number;
  /** Rendered loops the cache could not keep. */
  notKept: number;
}

/** Returns the cache key of a loop: its id, the renderer's version and a hash of its recipe. */
export function demoLoopKey(spec: DemoTrackSpec): string {
  return `${spec.id}-r${DEMO_RENDER_VERSION}-${fnv1a(JSON.stringify({ ...spec, bars: DEMO_LOOP_BARS }))}`;
}

/** Creates the demo loop service over a cache (null: none, every first use renders). */
export function createDemoRenderer(openCache: () => Promise<DemoLoopCache | null>) {
  const buffers = new Map<string, Promise<AudioBuffer>>();
  const stats: DemoStats = { rendered: 0, fromCache: 0, notKept: 0 };
  const cache = openCache().catch(() => null);
  let renderTail: Promise<unknown> = Promise.resolve();
  // Loops of an older renderer or recipe are never read again.
  void cache.then((c) => c?.keepOnly(DEMO_TRACKS.map(demoLoopKey))).catch(() => undefined);

  const produce = async (spec: DemoTrackSpec): Promise<AudioBuffer> => {
    const key = demoLoopKey(spec);
    const store = await cache;
    const kept = store ? await store.read(key).catch(() => null) : null;
    const stored = kept ? bytesToAudioBuffer(kept) : null;
    if (stored) {
      stats.fromCache += 1;
      return stored;
    }
    // One render at a time, in the order asked: the loop a start waits for does not share the CPU with the others.
    const rendering = renderTail.then(() => renderDemoTrack(spec));
    renderTail = rendering.catch(() => undefined);
    const buffer = await rendering;
    stats.rendered += 1;
    if (store) void store.write(key, audioBufferToBytes(buffer)).catch(() => { stats.notKept += 1; });
    return buffer;
  };

  const load = (trackId: string): Promise<AudioBuffer> => {
    const spec = DEMO_TRACKS.find((t) => t.id === trackId);
    if (!spec) return Promise.reject(new Error(`No demo track "${trackId}".`));
    let buffer = buffers.get(trackId);
    if (!buffer) {
      buffer = produce(spec);
      buffers.set(trackId, buffer);
      // A failed render is tried again on the next use.
      buffer.catch(() => buffers.delete(trackId));
    }
    return buffer;
  };

  return {
    /** Returns a loop's audio (stereo, 44.1 kHz): from memory, the cache, or rendered now. */
    load,
    /** Returns where this page's loops came from so far. */
    stats: (): DemoStats => ({ ...stats }),
  };
}

// FNV-1a, 32 bits, as 8 hex digits: a short fingerprint of a recipe (not a checksum of data).
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
