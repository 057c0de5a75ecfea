/** What happened to the latest imports and saves; errors name the file. */
import { useApp } from '../store-context';

/** Shows the workout messages, each with a Dismiss button. */
export function WorkoutMessages() {
  const messages = useApp((s) => s.workoutMessages);
  const dismiss = useApp((s) => s.dismissWorkoutMessage);
  return (
    <div role="status" aria-live="polite">
      <ul className="workout-messages" aria-label="Workout messages">
        {messages.map((m, i) => (
          <li key={`${i}-${m.text}`} className={m.tone === 'error' ? 'error' : 'ok'}>
            <span>{m.text}</span>
            <button type="button" aria-label={`Dismiss: ${m.text}`} onClick={() => dismiss(i)}>×</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
