/** The import batch's progress bar, its analysis controls (cancel, resume), and the files that failed, by name. */
import { useApp } from '../store-context';

/** Shows the current batch, if any. */
export function ImportProgress() {
  const batch = useApp((s) => s.batch);
  const cancelAnalysis = useApp((s) => s.cancelAnalysis);
  const resumeAnalysis = useApp((s) => s.resumeAnalysis);
  if (!batch) return null;
  const done = batch.analysed + batch.failed.length;
  const running = done < batch.total && !batch.cancelled;
  const storageFull = batch.failed.filter((f) => f.error.startsWith('storage is full')).length;
  const heading = batch.cancelled ? 'Analysis cancelled' : running ? 'Importing and analysing' : 'Import finished';
  return (
    <div className="import-progress" aria-live="polite">
      <label>
        <span>
          {heading}: {done} of {batch.total}
          {batch.alreadyThere > 0 && (batch.alreadyThere === batch.total ? ' — already in the library, nothing new added' : `, ${batch.alreadyThere} already in the library`)}
          {batch.failed.length > 0 && `, ${batch.failed.length} failed`}
        </span>
        <progress max={batch.total} value={done} aria-label="Import progress" />
      </label>
      <div className="button-row">
        {running && <button type="button" onClick={cancelAnalysis}>Cancel analysis</button>}
        {batch.cancelled && <button type="button" onClick={resumeAnalysis}>Resume analysis</button>}
      </div>
      {storageFull > 0 && (
        <p className="error" role="alert" data-testid="storage-full">
          Storage is full: {storageFull === 1 ? 'one file was' : `${storageFull} files were`} not saved. Everything imported before is kept;
          delete tracks or free space on this device, then import the rest again.
        </p>
      )}
      {batch.failed.length > 0 && (
        <ul className="failures">
          {batch.failed.map((f, i) => <li key={i} className="error">{f.error}</li>)}
        </ul>
      )}
    </div>
  );
}
