/** Names people give things: the same name to a person, and a name not yet taken. */
/** Returns whether two names (of playlists, of workouts) are the same to a person (case, surrounding and repeated spaces aside). */
export function sameName(a: string, b: string): boolean {
  const norm = (x: string) => x.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(a) === norm(b);
}

/** Returns `name`, or `name (2)`, `name (3)`… — the first that no name in `taken` already is. */
export function uniqueName(name: string, taken: readonly string[]): string {
  if (!taken.some((t) => sameName(t, name))) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.some((t) => sameName(t, candidate))) return candidate;
  }
}
