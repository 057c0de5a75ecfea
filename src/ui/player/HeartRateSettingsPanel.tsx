/** The heart-rate settings: maximum and threshold heart rate, what the zones come from, and the voice nudges. */
import { useId, useState } from 'react';
import { useApp } from '../store-context';
import { heartRateRangeText } from '../format';
import { heartRateZones, type ZoneBasis } from '../../core/heart-rate';
import { checkMaxHr, checkNudgeInterval, checkThresholdHr, zonesProblem, type HeartRatePrefs, type InputCheck } from '../../core/heart-rate-settings';

// A typed number: saved when valid, else the message shows and the stored value stays.
function NumberField({ label, value, check, onValid }: { label: string; value: number | null; check: (t: string) => InputCheck; onValid: (v: number | null) => void }) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const result = check(text);
  const messageId = useId();
  return (
    <label className="field narrow-field">
      <span>{label}</span>
      <input
        type="text" inputMode="numeric" value={text} aria-invalid={!result.ok} aria-describedby={result.ok ? undefined : messageId}
        onChange={(e) => {
          setText(e.target.value);
          const r = check(e.target.value);
          if (r.ok) onValid(r.value);
        }}
      />
      {!result.ok && <span className="error" id={messageId} role="alert">{result.message}</span>}
    </label>
  );
}

/** Shows the heart-rate settings as a compact form; every valid change is saved at once. */
export function HeartRateSettingsPanel() {
  const prefs = useApp((s) => s.settings.heartRate);
  const change = useApp((s) => s.changeSettings);
  const set = (p: Partial<HeartRatePrefs>) => change({ heartRate: { ...prefs, ...p } });
  const setZones = (p: Partial<HeartRatePrefs['zones']>) => set({ zones: { ...prefs.zones, ...p } });
  const zones = heartRateZones(prefs.zones);
  const problem = zonesProblem(prefs.zones);
  return (
    <details className="player-settings">
      <summary>Heart-rate settings</summary>
      <NumberField label="Maximum heart rate (bpm)" value={prefs.zones.maxHr} check={checkMaxHr} onValid={(maxHr) => setZones({ maxHr })} />
      <NumberField label="Threshold heart rate (bpm)" value={prefs.zones.thresholdHr} check={checkThresholdHr} onValid={(thresholdHr) => setZones({ thresholdHr })} />
      <label className="field">
        <span>Heart-rate zones from</span>
        <select value={prefs.zones.basis} onChange={(e) => setZones({ basis: e.target.value as ZoneBasis })}>
          <option value="max">the maximum heart rate (50–60–70–80–90–100 %)</option>
          <option value="threshold">the threshold heart rate (Friel’s running zones)</option>
        </select>
      </label>
      {zones ? (
        <ol className="hr-zones" aria-label="Your heart-rate zones">
          {zones.map((z, i) => <li key={i}>Zone {i + 1}: {heartRateRangeText(z)}</li>)}
        </ol>
      ) : (
        <p className="hint">{problem}</p>
      )}
      <label className="check">
        <input type="checkbox" checked={prefs.nudges} onChange={(e) => set({ nudges: e.target.checked })} /> Voice nudges (“Ease off”, “Pick it up”) when the heart rate stays out of a step’s zone
      </label>
      <NumberField label="Seconds between nudges, at least" value={prefs.nudgeIntervalSec} check={checkNudgeInterval} onValid={(v) => v !== null && set({ nudgeIntervalSec: v })} />
      <p className="hint">Your heart rate stays on this device: the log keeps only each step’s average and maximum.</p>
    </details>
  );
}
