/**
 * The registry of styles by name, and the groups the recipe plan draws bases from.
 */
import type { StyleSpec } from './style-spec';
import { FUNK, HIPHOP, POP, PUNK, REGGAE, ROCK, SKA } from './styles-band';
import { BREAKBEAT, DNB, HALFTIME, HOUSE, TECHNO } from './styles-dance';
import { ARPEGGIO, PIANO, PIANO_WALTZ, SHUFFLE, SIXEIGHT, STRINGS, SWING, WALTZ } from './styles-meter';

/** Styles with drums, each also a recipe style of its own. */
export const DRUM_STYLES: StyleSpec[] = [HOUSE, TECHNO, BREAKBEAT, DNB, HALFTIME, ROCK, PUNK, FUNK, POP, HIPHOP, REGGAE, SKA, SWING, SHUFFLE, WALTZ, SIXEIGHT];

/** Styles without drums. */
export const NODRUM_STYLES: StyleSpec[] = [PIANO, STRINGS, ARPEGGIO, PIANO_WALTZ];

/** Styles a band plays live (the bases of recorded-like clips). */
export const LIVE_STYLES: StyleSpec[] = [ROCK, PUNK, FUNK, POP, HIPHOP, REGGAE, SKA, SWING, SHUFFLE, WALTZ, SIXEIGHT, PIANO, HOUSE];

/** Styles whose sample-based renders use electronic kits half of the time. */
export const ELECTRONIC_STYLES = new Set(['house', 'techno', 'breakbeat', 'dnb', 'halftime', 'hiphop', 'pop']);

/** Returns the style called `name` (throws for an unknown name). */
export function styleByName(name: string): StyleSpec {
  const found = [...DRUM_STYLES, ...NODRUM_STYLES].find((s) => s.name === name);
  if (!found) throw new Error(`unknown style ${name}`);
  return found;
}
