/** "Update available — Reload": offered when a new version of the app is waiting, held while a workout is under way. */
import { useApp } from '../store-context';

/** Shows the update prompt, if an update waits and no workout is loading, counting in, running or paused. */
export function UpdatePrompt() {
  const apply = useApp((s) => s.update);
  const status = useApp((s) => s.player.phase.status);
  // Reloading would end the workout: the prompt waits for it to finish or stop.
  const busy = status === 'loading' || status === 'countdown' || status === 'running' || status === 'seeking' || status === 'paused' || status === 'interrupted';
  if (!apply || busy) return null;
  return (
    <div className="update-prompt" role="status" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.75rem', padding: '0.5rem 0' }}>
      <span>Update available</span>
      <span aria-hidden="true">—</span>
      <button type="button" className="primary" onClick={apply}>
        Reload
      </button>
    </div>
  );
}
