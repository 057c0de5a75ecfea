/**
 * Truth entries in the format of the shared corpus (`corpus/bpm/truth.json`, read by
 * `tools/bpm-score.mjs`): the arrangement's beat and bar grid moved by the clip's start offset
 * or lead-in and kept inside the clip; the BPM is the tapped beat's tempo (median over the clip).
 */
import { beatSeconds, downbeatSeconds, qpmAt, type Arrangement } from './arrangement';
import type { Augment } from './augment';

/** One file's truth; the scorer reads bpm, firstBeat, beats, downbeats, category, phaseReliable. */
export interface TruthEntry {
  bpm: number | null;
  firstBeat?: number;
  firstDownbeat?: number;
  meter?: string;
  beats?: number[];
  downbeats?: number[];
  constantTempo?: boolean;
  bpmMin?: number;
  bpmMax?: number;
  midiQuarterBpmAtStart?: number;
  category: string;
  truthKind: 'midi' | 'synthetic';
  durS: number;
  [extra: string]: unknown;
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Returns the grid fields of the truth of a clip cut from `arr` as `aug` says, `clipS` long. */
export function gridTruth(arr: Arrangement, aug: Augment, clipS: number): Pick<TruthEntry, 'bpm' | 'firstBeat' | 'firstDownbeat' | 'meter' | 'beats' | 'downbeats' | 'constantTempo' | 'bpmMin' | 'bpmMax' | 'midiQuarterBpmAtStart'> {
  const shift = aug.leadInS - aug.offsetS;
  const inClip = (times: number[]): number[] => times.map((t) => round4(t + shift)).filter((t) => t >= 0 && t < clipS - 0.005);
  const all = beatSeconds(arr);
  const beats = inClip(all);
  const downbeats = inClip(downbeatSeconds(arr));
  // Tempo of each beat interval that starts inside the clip (the tapped-beat BPM, not the MIDI quarter).
  const perBeat: number[] = [];
  for (let i = 0; i + 1 < all.length; i++) if (all[i] + shift >= 0 && all[i] + shift < clipS) perBeat.push(60 / (all[i + 1] - all[i]));
  const sorted = [...perBeat].sort((a, b) => a - b);
  const bpmMin = round2(sorted[0]);
  const bpmMax = round2(sorted[sorted.length - 1]);
  const firstIndex = Math.max(0, all.findIndex((t) => t + shift >= 0));
  return {
    bpm: round2(sorted[sorted.length >> 1]),
    firstBeat: beats[0],
    firstDownbeat: downbeats[0],
    meter: arr.meter.label,
    beats,
    downbeats,
    constantTempo: bpmMax - bpmMin < 0.05,
    bpmMin,
    bpmMax,
    midiQuarterBpmAtStart: round2(qpmAt(arr.tempo, firstIndex * arr.meter.beatTicks)),
  };
}
