/** The demo music service: the three synthesised loops, rendered once on first use and kept. */
import { DEMO_TRACKS } from './demo-catalog';
import { renderDemoTrack } from './demo-tracks';

/** Creates the demo loop renderer; buffers are cached after the first render. */
export function createDemoRenderer() {
  const cache = new Map<string, Promise<AudioBuffer>>();
  return (trackId: string): Promise<AudioBuffer> => {
    const spec = DEMO_TRACKS.find((t) => t.id === trackId);
    if (!spec) return Promise.reject(new Error(`No demo track "${trackId}".`));
    let buffer = cache.get(trackId);
    if (!buffer) {
      buffer = renderDemoTrack(spec);
      cache.set(trackId, buffer);
    }
    return buffer;
  };
}
