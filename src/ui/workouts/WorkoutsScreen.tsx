/** The workouts tab: every workout with its timeline and total time, ready to start. */
import { useApp } from '../store-context';
import { formatClock } from '../format';
import { flattenWorkout, workoutTotalSeconds } from '../../core/workout-timeline';
import { WorkoutTimeline } from '../player/WorkoutTimeline';
import type { Workout } from '../../core/workout';

/** Lists the workouts. */
export function WorkoutsScreen() {
  const workouts = useApp((s) => s.workouts);
  return (
    <section aria-label="Workouts">
      <h2>Workouts</h2>
      <ul className="workout-list">
        {workouts.map((w) => (
          <WorkoutCard key={w.id} workout={w} />
        ))}
      </ul>
    </section>
  );
}

function WorkoutCard({ workout }: { workout: Workout }) {
  const selectWorkout = useApp((s) => s.selectWorkout);
  const goTo = useApp((s) => s.goTo);
  const startWorkout = useApp((s) => s.startWorkout);
  const steps = flattenWorkout(workout);
  const total = workoutTotalSeconds(workout);
  const starts = [...steps.map((s) => s.startSec), total];
  return (
    <li className="workout-card">
      <div className="workout-card-head">
        <h3>{workout.name}</h3>
        <span className="total">{formatClock(total)}</span>
      </div>
      <WorkoutTimeline steps={steps} stepStarts={starts} totalSec={total} />
      <button
        type="button"
        onClick={() => {
          selectWorkout(workout.id);
          goTo('player');
          void startWorkout(workout.id);
        }}
      >
        Start {workout.name}
      </button>
    </li>
  );
}
