/** What happened to the latest imports and saves; errors name the file. */
import { useApp } from '../store-context';
import { Notices } from '../common/Notices';

/** Shows the workout messages: the newest few, each with a Dismiss button. */
export function WorkoutMessages() {
  const messages = useApp((s) => s.workoutMessages);
  const dismiss = useApp((s) => s.dismissWorkoutMessage);
  const dismissAll = useApp((s) => s.dismissAllWorkoutMessages);
  return <Notices notices={messages} label="Workout messages" onDismiss={dismiss} onDismissAll={dismissAll} />;
}
