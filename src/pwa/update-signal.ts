/** The waiting app update, shared between the service-worker registration and the update prompt. */

/** Applies the waiting update (the page reloads once the new version controls it). */
export type ApplyUpdate = () => void;

let waiting: ApplyUpdate | null = null;
const listeners = new Set<() => void>();

/** Offers an update to the user; `apply` runs only when they choose to reload. */
export function offerUpdate(apply: ApplyUpdate): void {
  waiting = apply;
  listeners.forEach((l) => l());
}

/** Returns the function that applies the waiting update, or null when none waits. */
export function waitingUpdate(): ApplyUpdate | null {
  return waiting;
}

/** Calls `listener` whenever an update is offered; returns the unsubscribe function. */
export function onUpdateChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
