/** The tempo curve of a playlist: an SVG line of each track's BPM, in playing order. */
import type { TrackRecord } from '../../core/track';
import { formatBpm } from '../../core/bpm-text';

const W = 600;
const H = 140;
const PAD = 32;

/** Draws BPM per track in order (tracks without a BPM are skipped in the line). */
export function TempoCurve({ tracks }: { tracks: readonly TrackRecord[] }) {
  const points = tracks.map((t, i) => ({ i, bpm: t.grid?.bpm ?? null })).filter((p): p is { i: number; bpm: number } => p.bpm !== null);
  if (points.length === 0) return null;
  const lo = Math.min(...points.map((p) => p.bpm)) - 5;
  const hi = Math.max(...points.map((p) => p.bpm)) + 5;
  const x = (i: number) => PAD + (tracks.length > 1 ? (i / (tracks.length - 1)) * (W - 2 * PAD) : (W - 2 * PAD) / 2);
  const y = (bpm: number) => H - PAD - ((bpm - lo) / (hi - lo)) * (H - 2 * PAD);
  return (
    <svg className="tempo-curve" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Tempo curve: ${points.map((p) => formatBpm(p.bpm)).join(', ')} BPM`}>
      <text x={4} y={y(hi - 5) + 4} className="axis">{Math.round(hi - 5)}</text>
      <text x={4} y={y(lo + 5) + 4} className="axis">{Math.round(lo + 5)}</text>
      <polyline points={points.map((p) => `${x(p.i)},${y(p.bpm)}`).join(' ')} className="curve" />
      {points.map((p) => <circle key={p.i} cx={x(p.i)} cy={y(p.bpm)} r={4} className="dot"><title>{`${tracks[p.i].title}: ${formatBpm(p.bpm)} BPM`}</title></circle>)}
    </svg>
  );
}
