/**
 * The plan on the workout timeline: each step's target tempo band, and the music's tempo (as it counts) per
 * segment. Shapes are drawn in an SVG stretched to the width; every word and number is HTML around it, so text
 * keeps its size on a phone. A table below says the same in words.
 */
import type { MusicSegment } from '../../core/music-plan';
import type { TimelineStep } from '../../core/workout';
import { formatClock } from '../format';
import { formatBpm, formatBpmRange } from '../../core/bpm-text';
import { bpmScale, timeTicks } from './plan-chart-scale';
import { PlanChartTable } from './PlanChartTable';

// The SVG's own units: seconds across, BPM × Y_UNITS down (so a 1-BPM band is still a few units high).
const Y_UNITS = 10;

/** Draws target bands per step (kind-coloured) and a line per music segment at its counted BPM, misfits dashed; with axis titles, a legend and a table. */
export function MusicPlanChart({ steps, segments }: { steps: readonly TimelineStep[]; segments: readonly MusicSegment[] }) {
  const totalSec = steps.length ? steps[steps.length - 1].startSec + steps[steps.length - 1].durationSec : 0;
  if (totalSec <= 0) return null;
  const { lo, hi, ticks } = bpmScale(steps, segments);
  const y = (bpm: number) => (hi - bpm) * Y_UNITS;
  const pct = (bpm: number) => `${((hi - bpm) / (hi - lo)) * 100}%`;
  const misfits = segments.filter((s) => s.missPct > 0).length;
  const summary = `Target tempo and music tempo over ${formatClock(totalSec)}: ${steps.length} steps, ${segments.length} music parts`
    + (misfits > 0 ? `, ${misfits} missing the target` : ', all on target where there is one');
  return (
    <figure className="plan-chart" aria-labelledby="plan-chart-caption">
      <figcaption id="plan-chart-caption">Tempo over the workout</figcaption>
      <ul className="chart-legend" aria-label="Legend">
        <li><span className="swatch band" aria-hidden="true" />Target range of a step (colour: its kind)</li>
        <li><span className="swatch music" aria-hidden="true" />Music tempo, as it counts for the step</li>
        <li><span className="swatch misfit" aria-hidden="true" />Music that misses the target</li>
      </ul>
      <div className="chart-body">
        <span className="axis-title y-title">BPM</span>
        <div className="y-ticks" aria-hidden="true">
          {ticks.map((t) => <span key={t} className="tick" style={{ top: pct(t) }}>{t}</span>)}
        </div>
        <svg className="plot" viewBox={`0 0 ${totalSec} ${(hi - lo) * Y_UNITS}`} preserveAspectRatio="none" role="img" aria-label={summary}>
          {ticks.map((t) => <line key={t} x1={0} x2={totalSec} y1={y(t)} y2={y(t)} className="grid" vectorEffect="non-scaling-stroke" />)}
          {steps.map((s) => s.step.tempo && (
            <rect key={s.index} className={`band kind-${s.step.kind}`} x={s.startSec} width={s.durationSec}
              y={y(s.step.tempo.maxBpm) - Y_UNITS / 2} height={(s.step.tempo.maxBpm - s.step.tempo.minBpm) * Y_UNITS + Y_UNITS}>
              <title>{`${s.step.name}: ${formatBpmRange(s.step.tempo.minBpm, s.step.tempo.maxBpm)}`}</title>
            </rect>
          ))}
          {segments.map((seg, k) => {
            const bpm = seg.targetBpm ?? seg.musicBpm;
            return (
              <line key={k} className={seg.missPct > 0 ? 'music misfit' : 'music'} vectorEffect="non-scaling-stroke"
                x1={seg.startSec} x2={Math.min(seg.endSec, totalSec)} y1={y(bpm)} y2={y(bpm)}>
                <title>{`Part ${k + 1}: ${formatBpm(seg.musicBpm)} BPM${seg.targetBpm !== null && formatBpm(seg.targetBpm) !== formatBpm(seg.musicBpm) ? `, counts as ${formatBpm(seg.targetBpm)}` : ''}`}</title>
              </line>
            );
          })}
        </svg>
        <div className="x-ticks" aria-hidden="true">
          {timeTicks(totalSec).map((t) => <span key={t} className="tick" style={{ left: `${(t / totalSec) * 100}%` }}>{formatClock(t)}</span>)}
        </div>
        <span className="axis-title x-title">Time into the workout (min:s)</span>
      </div>
      <PlanChartTable steps={steps} segments={segments} />
    </figure>
  );
}
