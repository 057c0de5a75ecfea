/**
 * The description of a style: meter, tempo range, step grid and swing, drum grooves and the bass
 * and chord patterns (patterns.ts notation), GM programs and which optional parts may play.
 */
import type { Meter } from './arrangement';
import type { Key } from './harmony';
import type { DrumPattern } from './patterns';

/** One style of procedurally generated music. */
export interface StyleSpec {
  name: string;
  meter: Meter['label'];
  /** Range of the truth BPM (the tapped beat: quarter, or dotted quarter in 6/8). */
  bpm: [number, number];
  stepsPerBeat: number;
  /** Range of the off-beat position (0.5 straight, 0.667 triplet swing); absent = straight. */
  swing?: [number, number];
  swing16?: boolean;
  modes: Key['mode'][];
  /** Drum grooves to choose from; empty for music without drums. */
  grooves: DrumPattern[];
  /** One-bar bass patterns; empty for no bass. */
  bass: string[];
  /** One-bar chord patterns. */
  comp: string[];
  /** Bars per chord to choose from. */
  chordBars: number[];
  sevenths?: boolean;
  blues?: boolean;
  programs: { bass: number[]; comp: number[]; lead: number[]; pad: number[]; arp: number[] };
  /** Probability that the lead, pad and arpeggio parts play. */
  parts: { lead: number; pad: number; arp: number };
  leadDensity: [number, number];
  /** Lowest pitches of the bass, chord, lead and arpeggio parts. */
  low?: { bass: number; comp: number; lead: number; arp: number };
}

/** GM programs grouped by sound, for the style tables. */
export const GM = {
  piano: [0, 1, 2], epiano: [4, 5], clav: [7], organ: [16, 17, 18], guitarClean: [25, 26, 27],
  guitarMuted: [28], guitarDrive: [29, 30], bassFinger: [33, 34], bassSlap: [36, 37], bassSynth: [38, 39],
  bassAcoustic: [32], strings: [48, 49], pizzicato: [45], brass: [61, 62], sax: [65, 66], flute: [73],
  leadSynth: [80, 81], padSynth: [88, 89, 90, 91], harp: [46], mallets: [11, 12, 13], choir: [52],
  accordion: [21], bell: [14, 98],
} as const;
