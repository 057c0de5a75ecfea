/** A step's heart-rate target: none, a zone of the user's heart-rate settings, or a range in heartbeats per minute. */
import type { HeartRateTarget, HeartRateZone } from '../../core/workout';
import { MAX_HEART_RATE, MIN_HEART_RATE } from '../../core/workout-defaults';

const ZONES: readonly HeartRateZone[] = [1, 2, 3, 4, 5];
const DEFAULT_RANGE: HeartRateTarget = { type: 'range', min: 140, max: 155 };

// The select's value for a target: "none", "z1".."z5" or "range".
const choiceOf = (hr: HeartRateTarget | null): string => (hr === null ? 'none' : hr.type === 'zone' ? `z${hr.zone}` : 'range');

/** Shows the heart-rate fields of one step. */
export function HeartRateFields({ hr, onChange }: { hr: HeartRateTarget | null; onChange(hr: HeartRateTarget | null): void }) {
  const choose = (value: string) => onChange(
    value === 'none' ? null : value === 'range' ? DEFAULT_RANGE : { type: 'zone', zone: Number(value.slice(1)) as HeartRateZone },
  );
  return (
    <div className="tempo-fields">
      <label className="wk-field">
        <span>Heart rate</span>
        <select value={choiceOf(hr)} onChange={(e) => choose(e.target.value)}>
          <option value="none">No target</option>
          {ZONES.map((z) => <option key={z} value={`z${z}`}>Zone {z}</option>)}
          <option value="range">Range (bpm)</option>
        </select>
      </label>
      {hr?.type === 'range' && (
        <>
          <label className="wk-field narrow">
            <span>Min heart rate</span>
            <input type="number" min={MIN_HEART_RATE} max={MAX_HEART_RATE} value={Number.isNaN(hr.min) ? '' : hr.min}
              onChange={(e) => onChange({ ...hr, min: e.target.valueAsNumber })} />
          </label>
          <label className="wk-field narrow">
            <span>Max heart rate</span>
            <input type="number" min={MIN_HEART_RATE} max={MAX_HEART_RATE} value={Number.isNaN(hr.max) ? '' : hr.max}
              onChange={(e) => onChange({ ...hr, max: e.target.valueAsNumber })} />
          </label>
        </>
      )}
    </div>
  );
}
