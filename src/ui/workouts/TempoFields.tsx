/** A step's music tempo: any music, or a BPM range with half/double time allowed or not. */
import type { TempoTarget } from '../../core/workout';
import { MAX_BPM, MIN_BPM } from '../../core/workout-defaults';

const DEFAULT_TEMPO: TempoTarget = { minBpm: 120, maxBpm: 140, allowHalfDouble: true };

/** Shows the tempo fields of one step. */
export function TempoFields({ tempo, onChange }: { tempo: TempoTarget | null; onChange(tempo: TempoTarget | null): void }) {
  return (
    <div className="tempo-fields">
      <label className="check">
        <input type="checkbox" checked={tempo === null} onChange={(e) => onChange(e.target.checked ? null : DEFAULT_TEMPO)} />
        Any music
      </label>
      {tempo && (
        <>
          <label className="wk-field narrow">
            <span>Min BPM</span>
            <input type="number" min={MIN_BPM} max={MAX_BPM} value={Number.isNaN(tempo.minBpm) ? '' : tempo.minBpm}
              onChange={(e) => onChange({ ...tempo, minBpm: e.target.valueAsNumber })} />
          </label>
          <label className="wk-field narrow">
            <span>Max BPM</span>
            <input type="number" min={MIN_BPM} max={MAX_BPM} value={Number.isNaN(tempo.maxBpm) ? '' : tempo.maxBpm}
              onChange={(e) => onChange({ ...tempo, maxBpm: e.target.valueAsNumber })} />
          </label>
          <label className="check">
            <input type="checkbox" checked={tempo.allowHalfDouble} onChange={(e) => onChange({ ...tempo, allowHalfDouble: e.target.checked })} />
            Half/double time OK
          </label>
        </>
      )}
    </div>
  );
}
