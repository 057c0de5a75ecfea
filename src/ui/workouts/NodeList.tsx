/** A list of builder nodes (the workout's top level, or a repeat block's steps), each with its editor. */
import type { WorkoutNode } from '../../core/workout';
import type { DraftProblem } from '../../state/workout-draft';
import { StepEditor } from './StepEditor';
import { RepeatEditor } from './RepeatEditor';

interface Props {
  nodes: WorkoutNode[];
  labels: Map<string, string>;
  problem: DraftProblem | null;
}

/** Shows the nodes in order; blocks hold their own NodeList. */
export function NodeList({ nodes, labels, problem }: Props) {
  return (
    <ol className="node-list">
      {nodes.map((node, i) => {
        const common = {
          label: labels.get(node.id) ?? '',
          problem: problem?.nodeId === node.id ? problem.message : null,
          isFirst: i === 0,
          isLast: i === nodes.length - 1,
        };
        return node.type === 'step'
          ? <StepEditor key={node.id} step={node} {...common} />
          : (
            <RepeatEditor key={node.id} repeat={node} {...common}>
              <NodeList nodes={node.children} labels={labels} problem={problem} />
            </RepeatEditor>
          );
      })}
    </ol>
  );
}
