/**
 * The tracks an export plays, held between pieces as blocks of a few seconds: a block is kept from the piece
 * that first needs it to the last one that does, so memory holds the part of a track still to be rendered —
 * not the whole decoded track for as long as it plays. A track that stops being needed is let go, and decoded
 * again if a later piece plays it once more. A loop (the demo's short tracks) is held whole.
 */
import type { LoadTrack } from './engine-types';
import type { TrackClip } from '../core/export-window';

const BLOCK_SEC = 10;

/** Lets the page run what is waiting (input, drawing) before the next copy of tens of megabytes. */
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** One track while a run of consecutive pieces plays it. */
interface Held {
  /** The decoded track, for a loop only. */
  whole: AudioBuffer | null;
  sampleRate: number;
  channels: number;
  length: number;
  blockFrames: number;
  /** Per block, one array per channel; null once no piece still to come needs it. */
  blocks: (Float32Array<ArrayBuffer>[] | null)[];
  /** Per block, the last piece of this run that reads it. */
  lastUse: number[];
}

/** The frames `[from, to)` of a track of `length` frames at `sampleRate` that `clip` plays. */
function framesOf(clip: Pick<TrackClip, 'fromTrackSec' | 'toTrackSec'>, sampleRate: number, length: number): [number, number] {
  const from = Math.min(length, Math.round(clip.fromTrackSec * sampleRate));
  return [from, Math.max(from, Math.min(length, Math.ceil(clip.toTrackSec * sampleRate)))];
}

/** Holds the tracks of an export whose pieces play `clipsByPiece` (each piece's clips, in order). */
export class HeldTracks {
  private readonly held = new Map<string, Held>();

  constructor(private readonly clipsByPiece: readonly (readonly TrackClip[])[], private readonly loadTrack: LoadTrack) {}

  /**
   * Returns piece `k`'s clips by clip id, each a buffer made by `newBuffer` (the realm that renders the piece),
   * then lets go of every block no later piece needs. Call for k = 0, 1, 2…
   */
  async clipsFor(k: number, newBuffer: (init: AudioBufferOptions) => AudioBuffer): Promise<Map<string, AudioBuffer>> {
    const clips = this.clipsByPiece[k];
    for (const id of [...this.held.keys()]) if (!clips.some((c) => c.trackId === id)) this.held.delete(id);
    const out = new Map<string, AudioBuffer>();
    for (const clip of clips) {
      let track = this.held.get(clip.trackId);
      if (!track) {
        track = await this.hold(clip.trackId, k);
        this.held.set(clip.trackId, track);
      }
      out.set(clip.clipId, this.cut(track, clip, newBuffer));
      // Each clip is tens of megabytes copied: the page gets a turn between them.
      await yieldToPage();
    }
    for (const [id, track] of this.held) {
      if (track.whole) continue;
      track.lastUse.forEach((last, i) => { if (last <= k) track.blocks[i] = null; });
      if (track.blocks.every((b) => b === null)) this.held.delete(id);
    }
    return out;
  }

  /** Decodes `trackId` and keeps the blocks that pieces `k`… (while they go on playing it) read. */
  private async hold(trackId: string, k: number): Promise<Held> {
    const audio = await this.loadTrack(trackId);
    const { sampleRate, length, numberOfChannels: channels } = audio;
    const blockFrames = Math.round(BLOCK_SEC * sampleRate);
    const count = Math.max(1, Math.ceil(length / blockFrames));
    const lastUse = new Array<number>(count).fill(-1);
    let loop = false;
    for (let j = k; j < this.clipsByPiece.length; j++) {
      const mine = this.clipsByPiece[j].filter((c) => c.trackId === trackId);
      if (mine.length === 0) break;
      for (const clip of mine) {
        if (clip.toTrackSec === Infinity) loop = true;
        const [from, to] = framesOf(clip, sampleRate, length);
        for (let i = Math.floor(from / blockFrames); i <= Math.floor(Math.max(from, to - 1) / blockFrames) && i < count; i++) lastUse[i] = j;
      }
    }
    if (loop) return { whole: audio, sampleRate, channels, length, blockFrames, blocks: [], lastUse: [] };
    // Each block is copied out, so that it is freed as soon as the last piece that reads it is done (views of
    // one array would hold the whole track until its end) and the decoded track is let go at once.
    const samples = Array.from({ length: channels }, (_, c) => audio.getChannelData(c));
    const blocks: Held['blocks'] = [];
    for (const [i, last] of lastUse.entries()) {
      blocks.push(last < 0 ? null : samples.map((data) => data.slice(i * blockFrames, Math.min(length, (i + 1) * blockFrames))));
      if (i % 6 === 5) await yieldToPage();
    }
    return { whole: null, sampleRate, channels, length, blockFrames, blocks, lastUse };
  }

  /** Returns the part of `track` that `clip` plays, as its own buffer (the whole track for a loop). */
  private cut(track: Held, clip: TrackClip, newBuffer: (init: AudioBufferOptions) => AudioBuffer): AudioBuffer {
    if (track.whole) {
      const whole = newBuffer({ length: track.length, numberOfChannels: track.channels, sampleRate: track.sampleRate });
      for (let c = 0; c < track.channels; c++) whole.copyToChannel(track.whole.getChannelData(c), c);
      return whole;
    }
    const [from, to] = framesOf(clip, track.sampleRate, track.length);
    const out = newBuffer({ length: Math.max(1, to - from), numberOfChannels: track.channels, sampleRate: track.sampleRate });
    const size = track.blockFrames;
    for (let i = Math.floor(from / size); i * size < to; i++) {
      const block = track.blocks[i];
      if (!block) throw new Error(`Export: a part of track ${clip.trackId} was let go before it was played`);
      const a = Math.max(from, i * size);
      const b = Math.min(to, (i + 1) * size);
      for (let c = 0; c < track.channels; c++) out.copyToChannel(block[c].subarray(a - i * size, b - i * size), c, a - from);
    }
    return out;
  }
}
