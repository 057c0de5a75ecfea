/** A workout that arrived in a `#w=` link, offered to the user; nothing is saved until they press Add. */
import { useApp } from '../store-context';
import { WorkoutSummaryBar } from './WorkoutSummaryBar';

// The link has been answered: a reload should not offer it again.
const forgetLink = () => window.history.replaceState(null, '', window.location.pathname + window.location.search);

/** Shows the shared workout with Add and Dismiss, or nothing. */
export function SharedWorkoutOffer() {
  const shared = useApp((s) => s.sharedWorkout);
  const add = useApp((s) => s.addSharedWorkout);
  const dismiss = useApp((s) => s.dismissSharedWorkout);
  if (!shared) return null;
  return (
    <aside className="shared-offer" aria-label="Shared workout">
      <p>Someone shared a workout with you.</p>
      <WorkoutSummaryBar name={shared.name} nodes={shared.nodes} />
      <div className="card-actions">
        <button type="button" className="primary" onClick={() => void add().then(forgetLink)}>Add shared workout</button>
        <button type="button" onClick={() => { dismiss(); forgetLink(); }}>Dismiss</button>
      </div>
    </aside>
  );
}
