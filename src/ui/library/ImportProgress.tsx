/** The import batch's progress bar and the files that failed, by name. */
import { useApp } from '../store-context';

/** Shows the current batch, if any. */
export function ImportProgress() {
  const batch = useApp((s) => s.batch);
  if (!batch) return null;
  const done = batch.analysed + batch.failed.length;
  return (
    <div className="import-progress" aria-live="polite">
      <label>
        <span>
          {done < batch.total ? 'Importing and analysing' : 'Import finished'}: {done} of {batch.total}
          {batch.failed.length > 0 && `, ${batch.failed.length} failed`}
        </span>
        <progress max={batch.total} value={done} aria-label="Import progress" />
      </label>
      {batch.failed.length > 0 && (
        <ul className="failures">
          {batch.failed.map((f, i) => <li key={i} className="error">{f.error}</li>)}
        </ul>
      )}
    </div>
  );
}
