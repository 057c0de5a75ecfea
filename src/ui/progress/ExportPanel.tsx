/** Export the workout log: TCX for Strava, Garmin Connect and other training logs; CSV for spreadsheets. */
import type { WorkoutLogEntry } from '../../core/workout-log';
import { entriesToTcx } from '../../core/tcx';
import { entriesToCsv } from '../../core/csv';
import { downloadText } from '../workouts/download-text';

/** Offers the whole log as a TCX file (an activity per workout, a lap per step) and as CSV (a row per workout). */
export function ExportPanel({ history }: { history: readonly WorkoutLogEntry[] }) {
  const stamp = new Date().toISOString().slice(0, 10);
  const none = history.length === 0;
  return (
    <section className="progress-card" aria-labelledby="export">
      <h3 id="export">Export</h3>
      <p className="hint">All {history.length} workouts. TCX opens in Strava, Garmin Connect and other training logs; CSV in any spreadsheet.</p>
      <div className="export-buttons">
        <button type="button" disabled={none} onClick={() => downloadText(`montage-workouts-${stamp}.tcx`, entriesToTcx(history), 'application/vnd.garmin.tcx+xml')}>
          Export TCX
        </button>
        <button type="button" disabled={none} onClick={() => downloadText(`montage-workouts-${stamp}.csv`, entriesToCsv(history), 'text/csv')}>
          Export CSV
        </button>
      </div>
    </section>
  );
}
