/** A workout's name, total time and timeline bar (coloured by kind, shaded by intensity); a message when it cannot be timed. */
import { useMemo } from 'react';
import type { WorkoutNode } from '../../core/workout';
import { checkWorkoutLimits, flattenWorkout } from '../../core/workout-timeline';
import { WorkoutTimeline } from '../player/WorkoutTimeline';
import { formatClock } from '../format';

/** Shows the head of a workout card, or of the builder when `name` is null. */
export function WorkoutSummaryBar({ name, nodes }: { name: string | null; nodes: WorkoutNode[] }) {
  const timed = useMemo(() => {
    const check = checkWorkoutLimits(nodes);
    if (!check.ok || !(check.totalSec > 0)) return null;
    const steps = flattenWorkout({ nodes });
    return { steps, starts: [...steps.map((s) => s.startSec), check.totalSec], totalSec: check.totalSec };
  }, [nodes]);
  return (
    <div className="summary-bar">
      <div className="workout-card-head">
        {name !== null && <h4>{name}</h4>}
        <span className="total" data-testid="workout-total">{timed ? `Total ${formatClock(timed.totalSec)}` : 'Total —'}</span>
      </div>
      {timed ? <WorkoutTimeline steps={timed.steps} stepStarts={timed.starts} totalSec={timed.totalSec} /> : <div className="timeline" aria-hidden="true" />}
    </div>
  );
}
