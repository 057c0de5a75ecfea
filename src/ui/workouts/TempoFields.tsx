/** A step's music tempo: any music, or a BPM range with half/double time allowed or not, steady or building across the step. */
import type { TempoBuild, TempoTarget } from '../../core/workout';
import { MAX_BPM, MIN_BPM } from '../../core/workout-defaults';

const DEFAULT_TEMPO: TempoTarget = { minBpm: 120, maxBpm: 140, allowHalfDouble: true };

interface Props {
  tempo: TempoTarget | null;
  build: TempoBuild;
  onChange(patch: { tempo: TempoTarget | null; build: TempoBuild }): void;
}

/** Shows the tempo fields of one step. */
export function TempoFields({ tempo, build, onChange: change }: Props) {
  const onChange = (next: TempoTarget | null) => change({ tempo: next, build: next ? build : null });
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
          <label className="wk-field">
            <span>Tempo across the step</span>
            <select value={build ?? 'steady'} onChange={(e) => change({ tempo, build: e.target.value === 'steady' ? null : e.target.value as TempoBuild })}>
              <option value="steady">Steady</option>
              <option value="up">Builds from min to max</option>
              <option value="down">Eases from max to min</option>
            </select>
          </label>
        </>
      )}
    </div>
  );
}
