/** The CR10 effort question: a radio group "Effort" from 0 (rest) to 10 (maximal), each point in words, and Save. */
import { useId, useState } from 'react';
import { EFFORT_WORDS } from '../../core/effort';
import { useApp } from '../store-context';

/** Asks how hard workout `entryId` was; saves the chosen effort to the log. `effort` is the one stored now, if any. */
export function EffortPicker({ entryId, effort, question = 'How hard was it?' }: { entryId: string; effort: number | null; question?: string }) {
  const rateWorkout = useApp((s) => s.rateWorkout);
  const error = useApp((s) => s.ratingError);
  const [choice, setChoice] = useState<number | null>(effort);
  // An effort stored meanwhile (saved here, or in another tab) becomes the choice shown.
  const [shown, setShown] = useState<number | null>(effort);
  if (shown !== effort) {
    setShown(effort);
    setChoice(effort);
  }
  const labelId = useId();
  const name = useId();
  const unsaved = choice !== effort;
  return (
    <div className="effort-picker">
      <h3 className="effort-question">{question}</h3>
      <p id={labelId} className="effort-label">Effort</p>
      <div role="radiogroup" aria-labelledby={labelId} className="effort-scale">
        {EFFORT_WORDS.map((words, value) => (
          <label key={value} className="effort-point">
            <input type="radio" name={name} value={value} checked={choice === value} onChange={() => setChoice(value)} />
            <span className="effort-value">{value}</span>
            <span className="effort-words">{words}</span>
          </label>
        ))}
      </div>
      <p className="effort-actions">
        <button type="button" disabled={choice === null || !unsaved} onClick={() => choice !== null && void rateWorkout(entryId, choice)}>
          Save
        </button>
        <span role="status" className="hint">
          {effort !== null && !unsaved ? `Saved: effort ${effort} of 10 (${EFFORT_WORDS[effort]}).` : ''}
        </span>
      </p>
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
