/** Preview with a beat click: play a track from a chosen position (default: the first downbeat) with a click on every beat. */
import { useState } from 'react';
import type { TrackRecord } from '../../core/track';
import { useApp } from '../store-context';
import { formatClock } from '../format';

/** Shows the position slider, a seconds field and the Preview / Stop button. */
export function PreviewControls({ track }: { track: TrackRecord }) {
  const preview = useApp((s) => s.preview);
  const startPreview = useApp((s) => s.startPreview);
  const stopPreview = useApp((s) => s.stopPreview);
  const firstDownbeatSec = track.grid?.firstDownbeatSec ?? 0;
  const [fromSec, setFromSec] = useState(firstDownbeatSec);
  const mine = preview?.trackId === track.id;
  const maxSec = Math.max(0, track.durationSec - 0.5);
  const clamp = (sec: number) => Math.min(Math.max(0, Number.isFinite(sec) ? sec : 0), maxSec);
  return (
    <fieldset className="preview-controls">
      <legend>Preview with a beat click</legend>
      <label className="field">
        <span>From {formatClock(fromSec)}</span>
        <input type="range" min={0} max={maxSec} step={0.01} value={fromSec} aria-label="Preview position" onChange={(e) => setFromSec(clamp(Number(e.target.value)))} />
      </label>
      <div className="button-row">
        <label className="field narrow">
          <span>Seconds</span>
          <input type="number" min={0} max={maxSec} step={0.01} value={Math.round(fromSec * 100) / 100} aria-label="Preview from (seconds)"
            onChange={(e) => setFromSec(clamp(Number(e.target.value)))} />
        </label>
        <button type="button" onClick={() => setFromSec(clamp(firstDownbeatSec))}>First downbeat</button>
        <button type="button" className="primary" aria-pressed={mine}
          onClick={() => (mine ? stopPreview() : void startPreview(track.id, fromSec))}>
          {mine ? (preview.status === 'loading' ? 'Loading… (stop)' : 'Stop preview') : 'Preview'}
        </button>
      </div>
    </fieldset>
  );
}
