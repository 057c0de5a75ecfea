/** A workout's steps as written, read-only: every step with its kind, length, music tempo and effort; repeats nested. */
import type { Step, WorkoutNode } from '../../core/workout';
import { formatClock, kindLabel, nameRepeatsKind } from '../format';
import { formatBpm, formatBpmRange } from '../../core/bpm-text';

const EFFORT_WORDS = ['', 'easy', 'moderate', 'hard', 'very hard', 'all out'];

const lengthText = (s: Step): string => (s.duration.unit === 'bars' ? `${s.duration.value} ${s.duration.value === 1 ? 'bar' : 'bars'}` : formatClock(s.duration.value));

const tempoText = (s: Step): string => {
  if (!s.tempo) return 'any music';
  const { minBpm, maxBpm, allowHalfDouble } = s.tempo;
  const range = s.build === 'up' ? `building ${formatBpm(minBpm)} → ${formatBpm(maxBpm)} BPM`
    : s.build === 'down' ? `easing ${formatBpm(maxBpm)} → ${formatBpm(minBpm)} BPM` : formatBpmRange(minBpm, maxBpm);
  return allowHalfDouble ? `${range} (or half/double time)` : range;
};

const heartText = (s: Step): string => (s.hr === null ? '' : s.hr.type === 'zone' ? ` · heart rate zone ${s.hr.zone}` : ` · heart rate ${s.hr.min}–${s.hr.max} bpm`);

function NodeItems({ nodes }: { nodes: readonly WorkoutNode[] }) {
  return (
    <>
      {nodes.map((node) => node.type === 'step' ? (
        <li key={node.id} className={`step-line kind-${node.kind}`}>
          <strong>{node.name}</strong>
          {!nameRepeatsKind(node.kind, node.name) && <span className="muted"> · {kindLabel(node.kind)}</span>}
          {' · '}{lengthText(node)} · {tempoText(node)}{heartText(node)} · effort {node.intensity} ({EFFORT_WORDS[node.intensity] ?? ''})
          {node.voice && <span className="muted"> · says “{node.voice}”</span>}
        </li>
      ) : (
        <li key={node.id} className="repeat-line">
          <span>{node.times} ×</span>
          <ol>
            <NodeItems nodes={node.children} />
          </ol>
        </li>
      ))}
    </>
  );
}

/** Lists `nodes` for a workout card's "Steps" view. */
export function WorkoutSteps({ name, nodes }: { name: string; nodes: readonly WorkoutNode[] }) {
  return (
    <ol className="workout-steps" aria-label={`Steps of ${name}`}>
      <NodeItems nodes={nodes} />
    </ol>
  );
}
