/** The beat-grid corrections of one track: another reading of the tempo, ×½/×2, tap tempo, phase nudges, the downbeat and beats per bar. */
import type { TempoReading, TrackRecord } from '../../core/track';
import {
  doubleTempo, halveTempo, nudgeGrid, nudgeGridBeats, setBeatsPerBar, setTempo, shiftDownbeat, steadyGrid, type BeatGrid,
} from '../../core/beat-grid';
import { useApp } from '../store-context';
import { formatBpm } from '../../core/bpm-text';
import { TapTempo } from './TapTempo';

const METERS = [3, 4, 6];
/** A reading at least this close to the chosen one (relative score) is worth offering. */
const CLOSE_SCORE = 0.5;

/** Returns the best other reading of the tempo, if one came close and is not just the current tempo. */
export function runnerUp(track: Pick<TrackRecord, 'grid' | 'alternatives'>): TempoReading | null {
  const bpm = track.grid?.bpm;
  if (!bpm) return null;
  return track.alternatives.find((r) => r.score >= CLOSE_SCORE && Math.abs(r.bpm / bpm - 1) > 0.01) ?? null;
}

/** Shows the correction controls; every change is saved to the track at once. */
export function GridCorrections({ track }: { track: TrackRecord }) {
  const correctTrack = useApp((s) => s.correctTrack);
  const grid = track.grid;
  const save = (change: (g: BeatGrid) => BeatGrid) => grid && void correctTrack(track.id, change(grid));
  const other = runnerUp(track);
  const tryOther = (reading: TempoReading) => {
    if (!grid) return;
    const next = reading.firstBeatSec !== undefined ? steadyGrid(reading.bpm, reading.firstBeatSec, reading.firstBeatSec, grid.beatsPerBar) : setTempo(grid, reading.bpm);
    // The reading given up stays on offer, so the user can go back.
    const rest = track.alternatives.filter((r) => r !== reading);
    void correctTrack(track.id, next, [{ bpm: grid.bpm, score: reading.score, firstBeatSec: grid.firstBeatSec }, ...rest]);
  };
  return (
    <fieldset className="grid-corrections">
      <legend>Correct the beat</legend>
      {other && (
        <p className="hint">
          The analysis also heard {formatBpm(other.bpm)} BPM.{' '}
          <button type="button" onClick={() => tryOther(other)}>Try {formatBpm(other.bpm)} BPM?</button>
        </p>
      )}
      <div className="button-row" role="group" aria-label="Tempo">
        <button type="button" disabled={!grid} onClick={() => save(halveTempo)}>½× tempo</button>
        <button type="button" disabled={!grid} onClick={() => save(doubleTempo)}>2× tempo</button>
      </div>
      <TapTempo track={track} />
      <div className="button-row" role="group" aria-label="Beat phase">
        <button type="button" disabled={!grid} aria-label="Beats 1/8 beat earlier" onClick={() => save((g) => nudgeGridBeats(g, -1 / 8))}>−⅛ beat</button>
        <button type="button" disabled={!grid} aria-label="Beats 10 ms earlier" onClick={() => save((g) => nudgeGrid(g, -0.01))}>−10 ms</button>
        <button type="button" disabled={!grid} aria-label="Beats 10 ms later" onClick={() => save((g) => nudgeGrid(g, 0.01))}>+10 ms</button>
        <button type="button" disabled={!grid} aria-label="Beats 1/8 beat later" onClick={() => save((g) => nudgeGridBeats(g, 1 / 8))}>+⅛ beat</button>
      </div>
      <div className="button-row" role="group" aria-label="Downbeat">
        <button type="button" disabled={!grid} aria-label="The one is a beat earlier" onClick={() => save((g) => shiftDownbeat(g, -1))}>◀ the one</button>
        <button type="button" disabled={!grid} aria-label="The one is a beat later" onClick={() => save((g) => shiftDownbeat(g, 1))}>the one ▶</button>
      </div>
      <div className="button-row" role="group" aria-label="Beats per bar">
        {METERS.map((n) => (
          <button key={n} type="button" disabled={!grid} aria-pressed={grid?.beatsPerBar === n} aria-label={`${n} beats per bar`} onClick={() => save((g) => setBeatsPerBar(g, n))}>{n}/4</button>
        ))}
      </div>
      <p className="hint" data-testid="grid-summary">
        {grid
          ? `${formatBpm(grid.bpm)} BPM · first beat ${grid.firstBeatSec.toFixed(3)} s · the one at ${grid.firstDownbeatSec.toFixed(3)} s · ${grid.beatsPerBar} beats a bar`
          : 'No tempo yet: tap it in.'}
        {track.corrected && ' · corrected by hand'}
      </p>
    </fieldset>
  );
}
