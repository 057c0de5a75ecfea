/** The cadence helper: tap your steps (button or T key) or enter a pace, see cadence and BPM range, make a playlist for it. */
import { useState } from 'react';
import { useApp } from '../store-context';
import { formatBpmRange } from '../../core/bpm-text';
import { cadenceBpmRange, cadenceFromTaps, paceToCadence, parsePace, TAPS_AVERAGED } from '../../core/cadence';

/** Shows the helper; `onCreated` receives the new playlist's id. */
export function CadenceHelper({ onCreated }: { onCreated: (id: string) => void }) {
  const createCadencePlaylist = useApp((s) => s.createCadencePlaylist);
  const [taps, setTaps] = useState<number[]>([]);
  const [pace, setPace] = useState('');
  const [source, setSource] = useState<'taps' | 'pace'>('taps');
  const tapped = cadenceFromTaps(taps);
  const paceSec = parsePace(pace);
  const cadence = source === 'taps' ? tapped : paceSec === null ? null : paceToCadence(paceSec);
  const range = cadence === null ? null : cadenceBpmRange(cadence);
  const tap = () => {
    setSource('taps');
    // Only the recent taps matter; keep the list short.
    setTaps((t) => [...t.slice(-4 * TAPS_AVERAGED), performance.now()]);
  };

  return (
    <div className="cadence-helper" role="region" aria-label="Cadence helper">
      <h3>Cadence helper</h3>
      <p className="hint">Tap with your steps (or press T on the button) — the last {TAPS_AVERAGED} taps count — or enter your running pace.</p>
      <div className="button-row">
        <button type="button" className="big" onClick={tap} onKeyDown={(e) => { if (e.key === 't' || e.key === 'T') { e.preventDefault(); tap(); } }}>
          Tap step{taps.length > 0 ? ` (${taps.length})` : ''}
        </button>
        <button type="button" onClick={() => setTaps([])}>Reset taps</button>
      </div>
      <label className="field narrow"><span>Pace (min/km)</span>
        <input type="text" inputMode="numeric" placeholder="5:30" value={pace} aria-label="Pace in minutes per kilometre"
          onChange={(e) => { setPace(e.target.value); setSource('pace'); }} />
      </label>
      {source === 'pace' && pace.trim() !== '' && paceSec === null && <p className="error">Enter a pace as m:ss between 2:00 and 15:00 per km.</p>}
      {cadence !== null && range !== null ? (
        <>
          <p className="cadence-readout" data-testid="cadence">
            <strong>{Math.round(cadence)}</strong> steps/min → music {formatBpmRange(range.minBpm, range.maxBpm)}
            {' '}(or half-time {formatBpmRange(range.minBpm / 2, range.maxBpm / 2)})
          </p>
          {source === 'pace' && <p className="hint">Estimate: cadence ≈ 135 + 3 × speed in km/h; tap your real steps for a better number.</p>}
          <button type="button" className="primary" onClick={() => void createCadencePlaylist(cadence).then(onCreated)}>Make playlist for this cadence</button>
        </>
      ) : (
        <p className="hint">{source === 'taps' && taps.length === 1 ? 'Keep tapping…' : 'No cadence yet.'}</p>
      )}
    </div>
  );
}
