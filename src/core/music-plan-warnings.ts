/** The music planner's problems in plain words: one line per distinct problem, naming the first step it hits. */
import type { TempoTarget, TimelineStep } from './workout';
import type { MusicSegment } from './music-plan';
import { candidateList, targetKey, type PoolIndex } from './music-pool';
import { effectiveBpm } from './tempo-fit';
import { bpmRangeWords, formatBpm } from './bpm-text';

const rangeText = (t: TempoTarget): string => bpmRangeWords(t.minBpm, t.maxBpm);
const stepText = (s: TimelineStep): string => `Step ${s.index + 1} "${s.step.name}"`;

/** Returns the plan's problems (targets no track reaches, pinned misfits, repeats unless expected), "(and n more like it)" folded. */
export function describeProblems(
  plainIndex: PoolIndex, steps: readonly TimelineStep[], segments: readonly MusicSegment[], expectRepeats: boolean, buildIndex: PoolIndex = plainIndex,
): string[] {
  // The pieces of a building step are planned with the change a build allows (tempo-build.ts).
  const indexFor = (s: TimelineStep): PoolIndex => (s.step.build ? buildIndex : plainIndex);
  const byIndex = new Map(steps.map((s) => [s.index, s]));
  const found = new Map<string, { line: string; more: number }>();
  const note = (key: string, line: string): void => {
    const seen = found.get(key);
    if (seen) seen.more += 1;
    else found.set(key, { line, more: 0 });
  };
  for (const s of steps) {
    const t = s.step.tempo;
    const list = t ? candidateList(indexFor(s), t) : null;
    if (!t || !list || list.covered) continue;
    const closest = list.cands[0].track.bpm;
    note(`uncovered ${targetKey(t)}`, `${stepText(s)}: no tracks ${rangeText(t)}: closest is ${formatBpm(effectiveBpm(closest, t))}`);
  }
  for (const seg of segments) {
    const s = byIndex.get(seg.stepIndexes[0]) as TimelineStep;
    const t = s.step.tempo;
    const title = plainIndex.byId.get(seg.trackId)?.record.title ?? seg.trackId;
    if (seg.missPct > 0 && t && candidateList(indexFor(s), t).covered) {
      note(`pinned ${seg.trackId}`, `${stepText(s)}: the pinned track "${title}" (${formatBpm(seg.musicBpm)} BPM) does not fit ${rangeText(t)}`);
    } else if (seg.isRepeat && seg.missPct === 0 && !expectRepeats) {
      const why = t ? `too few tracks ${rangeText(t)}` : 'too few tracks to fill the workout';
      note(`repeat ${targetKey(t)}`, `${stepText(s)}: "${title}" plays again: the library has ${why}`);
    }
  }
  return [...found.values()].map(({ line, more }) => (more > 0 ? `${line} (and ${more} more like it)` : line));
}
