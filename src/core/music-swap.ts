/** Which other tracks could play a planned music segment: the choices offered by "Swap". */
import type { MusicSegment } from './music-plan';
import type { PoolTrack } from './music-pool';
import { prepareTrack } from './music-pool';
import type { TimelineStep } from './workout';
import { fitTempo } from './tempo-fit';

/** A track that could replace a segment's music, with the tempo change it needs (percent, 0 = unchanged). */
export interface SwapOption {
  track: PoolTrack;
  changePct: number;
}

/** Returns the playable pool tracks other than the segment's own that fit its first tempo target (any for none), smallest change first. */
export function swapOptions(segment: MusicSegment, steps: readonly TimelineStep[], pool: readonly PoolTrack[], maxTempoChangePct: number): SwapOption[] {
  const byIndex = new Map(steps.map((s) => [s.index, s]));
  const target = segment.stepIndexes.map((i) => byIndex.get(i)?.step.tempo ?? null).find((t) => t !== null) ?? null;
  const out: SwapOption[] = [];
  pool.forEach((track, i) => {
    if (track.id === segment.trackId || !prepareTrack(track, i) || track.grid === null) return;
    if (!target) return void out.push({ track, changePct: 0 });
    const fit = fitTempo(track.grid.bpm, target, maxTempoChangePct);
    if (fit.missPct === 0) out.push({ track, changePct: Math.abs(fit.playbackRate - 1) * 100 });
  });
  return out.sort((a, b) => a.changePct - b.changePct || a.track.title.localeCompare(b.track.title));
}
