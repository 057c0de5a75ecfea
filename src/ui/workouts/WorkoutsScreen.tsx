/** The workouts tab: the builder when a draft is open, else saved workouts and templates, import and shared links. */
import { useMemo } from 'react';
import { useApp } from '../store-context';
import { isTemplateId } from '../../state/workout-draft';
import { EmptyState } from '../common/EmptyState';
import { WorkoutCard } from './WorkoutCard';
import { WorkoutBuilder } from './WorkoutBuilder';
import { ImportControls } from './ImportControls';
import { WorkoutMessages } from './WorkoutMessages';
import { SharedWorkoutOffer } from './SharedWorkoutOffer';
import './workouts.css';

/** Shows the workouts, or the builder. */
export function WorkoutsScreen() {
  const editing = useApp((s) => s.draft !== null);
  const workouts = useApp((s) => s.workouts);
  const newWorkout = useApp((s) => s.newWorkout);
  const saved = useMemo(() => workouts.filter((w) => !isTemplateId(w.id)), [workouts]);
  const templates = useMemo(() => workouts.filter((w) => isTemplateId(w.id)), [workouts]);
  if (editing) return <WorkoutBuilder />;
  return (
    <section aria-label="Workouts" className="workouts">
      <div className="workouts-head">
        <h2>Workouts</h2>
        <button type="button" className="primary" onClick={newWorkout}>New workout</button>
      </div>
      <SharedWorkoutOffer />
      <WorkoutMessages />
      <ImportControls />
      <h3>Your workouts</h3>
      {saved.length === 0 ? (
        <EmptyState title="No saved workouts yet">Build one with New workout, duplicate a template, or import a file.</EmptyState>
      ) : (
        <ul className="workout-list" aria-label="Your workouts">
          {saved.map((w) => <WorkoutCard key={w.id} workout={w} editable />)}
        </ul>
      )}
      <h3>Templates</h3>
      <ul className="workout-list" aria-label="Templates">
        {templates.map((w) => <WorkoutCard key={w.id} workout={w} editable={false} />)}
      </ul>
    </section>
  );
}
