/** The beat-grid corrections of one track: tempo ×½/×2, tap tempo, phase nudges, the downbeat and beats per bar. */
import type { TrackRecord } from '../../core/track';
import { useApp } from '../store-context';
import { nudgeBeats, nudgePhase, setBeatsPerBar, setTempo, shiftDownbeat, type GridPatch } from './grid-corrections';
import { TapTempo } from './TapTempo';

const METERS = [3, 4, 6];

/** Shows the correction controls; every change is saved to the track at once. */
export function GridCorrections({ track }: { track: TrackRecord }) {
  const correctTrack = useApp((s) => s.correctTrack);
  const save = (patch: GridPatch) => void correctTrack(track.id, patch);
  const hasBpm = track.bpm !== null;
  const bpm = track.bpm ?? 0;
  return (
    <fieldset className="grid-corrections">
      <legend>Correct the beat</legend>
      <div className="button-row" role="group" aria-label="Tempo">
        <button type="button" disabled={!hasBpm} onClick={() => save(setTempo(track, bpm / 2))}>½× tempo</button>
        <button type="button" disabled={!hasBpm} onClick={() => save(setTempo(track, bpm * 2))}>2× tempo</button>
      </div>
      <TapTempo track={track} />
      <div className="button-row" role="group" aria-label="Beat phase">
        <button type="button" disabled={!hasBpm} aria-label="Beats 1/8 beat earlier" onClick={() => save(nudgeBeats(track, -1 / 8))}>−⅛ beat</button>
        <button type="button" disabled={!hasBpm} aria-label="Beats 10 ms earlier" onClick={() => save(nudgePhase(track, -0.01))}>−10 ms</button>
        <button type="button" disabled={!hasBpm} aria-label="Beats 10 ms later" onClick={() => save(nudgePhase(track, 0.01))}>+10 ms</button>
        <button type="button" disabled={!hasBpm} aria-label="Beats 1/8 beat later" onClick={() => save(nudgeBeats(track, 1 / 8))}>+⅛ beat</button>
      </div>
      <div className="button-row" role="group" aria-label="Downbeat">
        <button type="button" disabled={!hasBpm} aria-label="The one is a beat earlier" onClick={() => save(shiftDownbeat(track, -1))}>◀ the one</button>
        <button type="button" disabled={!hasBpm} aria-label="The one is a beat later" onClick={() => save(shiftDownbeat(track, 1))}>the one ▶</button>
      </div>
      <div className="button-row" role="group" aria-label="Beats per bar">
        {METERS.map((n) => (
          <button key={n} type="button" aria-pressed={track.beatsPerBar === n} aria-label={`${n} beats per bar`} onClick={() => save(setBeatsPerBar(track, n))}>{n}/4</button>
        ))}
      </div>
      <p className="hint" data-testid="grid-summary">
        {hasBpm ? `${formatBpm(bpm)} BPM · first beat ${track.firstBeatSec.toFixed(3)} s · the one at ${track.firstDownbeatSec.toFixed(3)} s · ${track.beatsPerBar} beats a bar` : 'No tempo yet: tap it in.'}
        {track.corrected && ' · corrected by hand'}
      </p>
    </fieldset>
  );
}

/** Returns a BPM with one decimal only when it has one. */
export const formatBpm = (bpm: number): string => bpm.toFixed(Math.abs(bpm % 1) > 1e-9 ? 1 : 0);
