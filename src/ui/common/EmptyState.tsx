/** A short message for a screen with nothing to show yet. */
import type { ReactNode } from 'react';

/** Shows a title and a line of help. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="empty-state">
      <h3>{title}</h3>
      <p>{children}</p>
    </div>
  );
}
