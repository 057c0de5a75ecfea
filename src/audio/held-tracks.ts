/**
 * The tracks an export plays, held open while consecutive pieces play them: each piece reads only its own stretch
 * of a track (a reader that decodes part of a file, workers/track-file-reader.ts, never holds the whole decoded
 * track), copied into a buffer of the realm that renders it. A track the current piece does not play is let go,
 * and opened again if a later piece plays it once more. A loop (the demo's short tracks) is read whole.
 */
import type { OpenTrack, TrackReader } from '../core/track-reader';
import type { TrackClip } from '../core/export-window';

/** Lets the page run what is waiting (input, drawing) before the next copy of tens of megabytes. */
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The frames `[from, to)` of a track of `length` frames at `sampleRate` that `clip` plays (all of it for a loop). */
function framesOf(clip: Pick<TrackClip, 'fromTrackSec' | 'toTrackSec'>, sampleRate: number, length: number): [number, number] {
  if (clip.toTrackSec === Infinity) return [0, length];
  const from = Math.min(length, Math.round(clip.fromTrackSec * sampleRate));
  return [from, Math.max(from, Math.min(length, Math.ceil(clip.toTrackSec * sampleRate)))];
}

/** Holds the tracks of an export whose pieces play `clipsByPiece` (each piece's clips, in order). */
export class HeldTracks {
  private readonly open = new Map<string, Promise<TrackReader>>();

  constructor(private readonly clipsByPiece: readonly (readonly TrackClip[])[], private readonly openTrack: OpenTrack) {}

  /**
   * Returns piece `k`'s clips by clip id, each a buffer made by `newBuffer` (the realm that renders the piece),
   * after letting go of the tracks piece `k` does not play. Call for k = 0, 1, 2…
   */
  async clipsFor(k: number, newBuffer: (init: AudioBufferOptions) => AudioBuffer): Promise<Map<string, AudioBuffer>> {
    const clips = this.clipsByPiece[k];
    for (const [id, opening] of [...this.open]) {
      if (clips.some((c) => c.trackId === id)) continue;
      this.open.delete(id);
      void opening.then((track) => track.close?.(), () => undefined);
    }
    const out = new Map<string, AudioBuffer>();
    for (const clip of clips) {
      let opening = this.open.get(clip.trackId);
      if (!opening) this.open.set(clip.trackId, (opening = this.openTrack(clip.trackId)));
      const track = await opening;
      const [from, to] = framesOf(clip, track.sampleRate, track.length);
      const buffer = newBuffer({ length: Math.max(1, to - from), numberOfChannels: track.channels, sampleRate: track.sampleRate });
      // Read straight into the realm's buffer: the clip's only copy on this side.
      await track.read(from, to, Array.from({ length: track.channels }, (_, c) => buffer.getChannelData(c)));
      out.set(clip.clipId, buffer);
      // Each clip is tens of megabytes copied: the page gets a turn between them.
      await yieldToPage();
    }
    return out;
  }

  /** Lets go of every track still held (the export has ended or stopped). */
  closeAll(): void {
    for (const opening of this.open.values()) void opening.then((track) => track.close?.(), () => undefined);
    this.open.clear();
  }
}
