/** The Music plan chart in words: per step, its time, its target and the music's tempo as it counts there. */
import type { MusicSegment } from '../../core/music-plan';
import type { TimelineStep } from '../../core/workout';
import { effectiveBpm, fitsTempo } from '../../core/tempo-fit';
import { formatBpm, formatBpmRange } from '../../core/bpm-text';
import { formatClock } from '../format';

// The tempos heard in a step, each once, as they count for its target; "misses" where one does not fit.
function musicText(step: TimelineStep, segments: readonly MusicSegment[]): string {
  const t = step.step.tempo;
  const texts = segments
    .filter((seg) => seg.stepIndexes.includes(step.index))
    .map((seg) => {
      const counted = t ? effectiveBpm(seg.musicBpm, t) : seg.musicBpm;
      return `${formatBpm(counted)} BPM${t && !fitsTempo(counted, t) ? ' (misses)' : ''}`;
    });
  return texts.length > 0 ? [...new Set(texts)].join(', ') : 'none';
}

/** Shows a collapsible table with one row per step: the data the chart draws, for screen readers and exact reading. */
export function PlanChartTable({ steps, segments }: { steps: readonly TimelineStep[]; segments: readonly MusicSegment[] }) {
  return (
    <details className="chart-table">
      <summary>Show the chart as a table</summary>
      <table>
        <caption>Target and music tempo per step</caption>
        <thead><tr><th scope="col">Step</th><th scope="col">Time</th><th scope="col">Target</th><th scope="col">Music</th></tr></thead>
        <tbody>
          {steps.filter((s) => s.durationSec > 0).map((s) => (
            <tr key={s.index}>
              <th scope="row">{s.index + 1}. {s.step.name}</th>
              <td>{formatClock(s.startSec)}–{formatClock(s.startSec + s.durationSec)}</td>
              <td>{s.step.tempo ? formatBpmRange(s.step.tempo.minBpm, s.step.tempo.maxBpm) : 'any'}</td>
              <td>{musicText(s, segments)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
