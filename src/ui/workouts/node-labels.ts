/** The builder's names for nodes: "Step 3", "Repeat block 1", numbered in written order as the validator counts them. */
import type { WorkoutNode } from '../../core/workout';

/** Returns each node's label by id. */
export function nodeLabels(nodes: readonly WorkoutNode[]): Map<string, string> {
  const labels = new Map<string, string>();
  let steps = 0;
  let repeats = 0;
  const walk = (list: readonly WorkoutNode[]): void => list.forEach((node) => {
    if (node.type === 'step') labels.set(node.id, `Step ${(steps += 1)}`);
    else {
      labels.set(node.id, `Repeat block ${(repeats += 1)}`);
      walk(node.children);
    }
  });
  walk(nodes);
  return labels;
}
