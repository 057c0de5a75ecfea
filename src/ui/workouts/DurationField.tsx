/** A step's duration as the user writes it: 5:00, 5m, 90s, 1m30s, 8 bars, or a number in the chosen unit. */
import { useState } from 'react';
import type { StepDuration } from '../../core/workout';
import { formatDuration, parseDurationInput } from '../../core/workout-text-lex';

interface Props {
  duration: StepDuration;
  onChange: (d: StepDuration) => void;
}

const shown = (d: StepDuration) => (Number.isNaN(d.value) ? '' : formatDuration(d));

/** Edits a duration; what cannot be read stays in the field, marked, until it is fixed. */
export function DurationField({ duration, onChange }: Props) {
  // While the field has the focus it shows what is typed; otherwise the stored duration (undo and redo included).
  const [typed, setTyped] = useState<string | null>(null);
  const bad = typed !== null && parseDurationInput(typed, duration.unit) === null;
  return (
    <label className="wk-field narrow">
      <span>Duration</span>
      <input type="text" inputMode="text" autoComplete="off" spellCheck={false} placeholder="5:00, 90s, 8 bars"
        aria-invalid={bad || undefined}
        title={bad ? 'Write a duration like 5:00, 5m, 90s or 8 bars' : undefined}
        value={typed ?? shown(duration)}
        onChange={(e) => {
          setTyped(e.target.value);
          const d = parseDurationInput(e.target.value, duration.unit);
          if (d) onChange(d);
        }}
        onBlur={() => setTyped(null)} />
    </label>
  );
}
