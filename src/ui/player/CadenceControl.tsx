/** Fixed tempo or "Follow my cadence": the switch, the cadence read (steps/min), and the tempo the music follows. */
import { useApp } from '../store-context';
import { formatBpm } from '../../core/bpm-text';

/** Shows the tempo mode with its readings; the same on the start screen and while running. */
export function CadenceControl() {
  const cadence = useApp((s) => s.cadence);
  const followCadence = useApp((s) => s.followCadence);
  const fixTempo = useApp((s) => s.fixTempo);
  const on = cadence.status === 'starting' || cadence.status === 'on';
  const mode = !on ? 'fixed' : cadence.source === 'simulated' ? 'simulated' : 'sensor';
  const choose = (value: string) => {
    if (value === 'fixed') fixTempo();
    else void followCadence(value === 'simulated' ? 'simulated' : 'sensor');
  };
  return (
    <div className="cadence-control" role="group" aria-label="Cadence">
      <label className="field">
        <span>Music tempo</span>
        <select value={mode} onChange={(e) => choose(e.target.value)}>
          <option value="fixed">Fixed tempo (the workout’s)</option>
          <option value="sensor">Follow my cadence</option>
          <option value="simulated">Follow a simulated cadence</option>
        </select>
      </label>
      {on && (
        <p className="cadence-readout" data-testid="cadence-readout" aria-live="off">
          {cadence.source === 'simulated' && <span className="badge simulated">Simulated</span>}{' '}
          <strong aria-label="Cadence">{cadence.spm === null ? '— steps/min' : `${Math.round(cadence.spm)} steps/min`}</strong>
          {cadence.followedBpm !== null && <span className="muted"> · music follows at {formatBpm(cadence.followedBpm)} BPM</span>}
          {cadence.status === 'starting' && <span className="muted"> · starting the motion sensor…</span>}
        </p>
      )}
      {cadence.message && <p className="error" role="alert" data-testid="cadence-message">{cadence.message}</p>}
    </div>
  );
}
