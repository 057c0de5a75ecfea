/** The plan on the workout timeline: each step's target tempo band, and the music's tempo (as it counts) per segment. */
import type { MusicSegment } from '../../core/music-plan';
import type { TimelineStep } from '../../core/workout';
import { formatClock } from '../format';
import { formatBpm, formatBpmRange } from '../../core/bpm-text';

const W = 720;
const H = 180;
const PAD_L = 36;
const PAD_B = 20;

/** Draws target bands per step (kind-coloured) and a line per music segment at its counted BPM; misfits in red. */
export function MusicPlanChart({ steps, segments }: { steps: readonly TimelineStep[]; segments: readonly MusicSegment[] }) {
  const totalSec = steps.length ? steps[steps.length - 1].startSec + steps[steps.length - 1].durationSec : 0;
  if (totalSec <= 0) return null;
  const bpms = [
    ...steps.flatMap((s) => (s.step.tempo ? [s.step.tempo.minBpm, s.step.tempo.maxBpm] : [])),
    ...segments.map((s) => s.targetBpm ?? s.musicBpm),
  ];
  const lo = Math.floor((Math.min(...bpms, 200) - 10) / 10) * 10;
  const hi = Math.ceil((Math.max(...bpms, 60) + 10) / 10) * 10;
  const x = (sec: number) => PAD_L + (sec / totalSec) * (W - PAD_L - 4);
  const y = (bpm: number) => 4 + (1 - (bpm - lo) / (hi - lo)) * (H - PAD_B - 8);
  const ticks = [lo, Math.round((lo + hi) / 20) * 10, hi];
  return (
    <svg className="plan-chart" viewBox={`0 0 ${W} ${H}`} role="img"
      aria-label={`Music tempo against target tempo over ${formatClock(totalSec)}: ${segments.length} music segments`}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD_L} x2={W} y1={y(t)} y2={y(t)} className="grid" />
          <text x={2} y={y(t) + 4} className="axis">{t}</text>
        </g>
      ))}
      {steps.map((s) => s.step.tempo && (
        <rect key={s.index} className={`band kind-${s.step.kind}`} x={x(s.startSec)} width={Math.max(1, x(s.startSec + s.durationSec) - x(s.startSec))}
          y={y(s.step.tempo.maxBpm)} height={Math.max(2, y(s.step.tempo.minBpm) - y(s.step.tempo.maxBpm))}>
          <title>{`${s.step.name}: ${formatBpmRange(s.step.tempo.minBpm, s.step.tempo.maxBpm)}`}</title>
        </rect>
      ))}
      {segments.map((seg, k) => {
        const bpm = seg.targetBpm ?? seg.musicBpm;
        return (
          <line key={k} className={seg.missPct > 0 ? 'music misfit' : 'music'} x1={x(seg.startSec)} x2={x(seg.endSec)} y1={y(bpm)} y2={y(bpm)}>
            <title>{`Part ${k + 1}: ${formatBpm(seg.musicBpm)} BPM${seg.targetBpm !== null && seg.targetBpm !== seg.musicBpm ? `, counts as ${formatBpm(seg.targetBpm)}` : ''}`}</title>
          </line>
        );
      })}
      <text x={PAD_L} y={H - 4} className="axis">0:00</text>
      <text x={W - 40} y={H - 4} className="axis">{formatClock(totalSec)}</text>
    </svg>
  );
}
