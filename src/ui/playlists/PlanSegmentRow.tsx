/** One planned music segment: when it plays, the track, its tempo against the target, and Swap / Lock / Unlock. */
import { useMemo } from 'react';
import type { MusicRequest, Program, ProgramSegment } from '../../core/program';
import { swapOptions } from '../../core/music-swap';
import { useApp } from '../store-context';
import { formatClockTenths } from '../format';
import { formatBpm } from '../../core/bpm-text';
import { rateAt, trackSecAt } from '../../core/tempo-map';

interface Props {
  index: number;
  workoutId: string;
  /** The segment, exactly as the player will play it (track changes on downbeats, the last one past the finish). */
  segment: ProgramSegment;
  program: Program;
  music: MusicRequest;
  locked: boolean;
  /** False for the demo loops: nothing to pin. */
  canEdit: boolean;
}

/** Shows segment `index`; swapping picks another fitting track and pins it. */
export function PlanSegmentRow({ index, workoutId, segment, program, music, locked, canEdit }: Props) {
  const lockSegment = useApp((s) => s.lockSegment);
  const options = useMemo(() => swapOptions(segment, program.steps, music.library, music.maxTempoChangePct), [segment, program, music]);
  const endSec = Math.min(segment.endSec, program.endSec);
  // A tempo that builds: from the tempo it starts at to the one it ends at.
  const endBpm = (segment.musicBpm / segment.playbackRate) * rateAt(segment, endSec - 1e-3);
  const tempo = segment.tempoMap && Math.abs(endBpm - segment.musicBpm) > 0.05
    ? `${formatBpm(segment.musicBpm)} → ${formatBpm(endBpm)} BPM`
    : `${formatBpm(segment.musicBpm)} BPM${segment.playbackRate !== 1 ? ` (${((segment.playbackRate - 1) * 100).toFixed(1)} %)` : ''}`;
  const target = segment.tempoMap ? '' : segment.targetBpm === null ? ' · any tempo' : Math.abs(segment.targetBpm - segment.musicBpm) > 0.05 ? ` · counts as ${formatBpm(segment.targetBpm)}` : '';
  // The track runs out before the part shown ends: its last bar repeats (core/tail-loop.ts).
  const repeats = segment.tailLoop !== null && trackSecAt(segment, endSec) > segment.tailLoop.endSec ? ' · its last bar repeats to the end' : '';
  return (
    <li className={segment.missPct > 0 ? 'plan-segment misfit' : 'plan-segment'} data-testid="plan-segment" data-locked={locked || undefined}>
      <span className="when" data-testid="plan-segment-when">{formatClockTenths(segment.startSec)}–{formatClockTenths(endSec)}</span>
      <span className="truncate title" data-testid="plan-segment-title">{segment.title}{locked && <span className="tag"> locked</span>}</span>
      <span className="bpm">{tempo}{target}{segment.missPct > 0 ? ` · misses by ${segment.missPct.toFixed(1)} %` : ''}{repeats}</span>
      {canEdit && (
        <span className="row-actions">
          {locked ? (
            <button type="button" aria-label={`Unlock part ${index + 1}`} onClick={() => void lockSegment(workoutId, index, null)}>Unlock</button>
          ) : (
            <button type="button" aria-label={`Lock part ${index + 1}`} onClick={() => void lockSegment(workoutId, index, segment.trackId)}>Lock</button>
          )}
          <select aria-label={`Swap the track of part ${index + 1}`} value="" disabled={options.length === 0}
            onChange={(e) => { if (e.target.value) void lockSegment(workoutId, index, e.target.value); }}>
            <option value="">{options.length === 0 ? 'No other track fits' : 'Swap…'}</option>
            {options.map((o) => (
              <option key={o.track.id} value={o.track.id}>{o.track.title} · {o.track.grid ? formatBpm(o.track.grid.bpm) : '–'} BPM{o.changePct > 0 ? ` (${o.changePct.toFixed(1)} %)` : ''}</option>
            ))}
          </select>
        </span>
      )}
    </li>
  );
}
