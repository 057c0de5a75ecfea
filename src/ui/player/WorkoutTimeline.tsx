/** The whole workout as a bar of steps coloured by kind, with a moving position marker. */
import type { RefObject } from 'react';
import type { TimelineStep } from '../../core/workout';
import { formatClock } from '../format';

interface Props {
  steps: TimelineStep[];
  stepStarts: number[];
  totalSec: number;
  /** Length the label says, when it differs from `totalSec` (the written length of a planned workout). */
  labelSec?: number;
  /** The marker's left edge is moved by the caller each frame. */
  markerRef?: RefObject<HTMLDivElement | null>;
}

/** Draws the workout timeline. */
export function WorkoutTimeline({ steps, stepStarts, totalSec, labelSec, markerRef }: Props) {
  return (
    <div className="timeline" role="img" aria-label={`Workout timeline, ${steps.length} steps, ${formatClock(labelSec ?? totalSec)} in total`}>
      {steps.map((s, i) => (
        <div
          key={i}
          className={`timeline-step kind-${s.step.kind}`}
          style={{ left: `${(stepStarts[i] / totalSec) * 100}%`, width: `${(((stepStarts[i + 1] ?? totalSec) - stepStarts[i]) / totalSec) * 100}%`, opacity: 0.45 + s.step.intensity * 0.11 }}
          title={`${s.step.name} ${formatClock(s.durationSec)}`}
        />
      ))}
      {markerRef && <div className="timeline-marker" ref={markerRef} />}
    </div>
  );
}
