import type { BeatNetWeights } from './beat-net';
/** The result of tempo, beat and downbeat analysis of one track, and the options that steer it. */
import type { Bpm, Seconds } from '../core/units';

/** One octave reading of the tempo (half, double, ⅔…) with its relative score 0..1. */
export interface TempoAlternative {
  bpm: Bpm;
  score: number;
}

/** What `analyzeTrack` found. `bpm` null means the input has no beat (silence, noise, a held tone). */
export interface TempoAnalysis {
  /** Tempo a listener would tap; null when there is no beat. */
  bpm: Bpm | null;
  /** 0..1; below 0.1 the input should be treated as having no beat. */
  confidence: number;
  /** Beat times in seconds from the start, following tempo drift; empty when `bpm` is null. */
  beats: Seconds[];
  /** Time of the first beat, or null when there is none. */
  firstBeat: Seconds | null;
  /** Times of the first beat of each bar ("the one"). */
  downbeats: Seconds[];
  /** Beats in a bar (4 for 4/4, 3 for 3/4). */
  beatsPerBar: number;
  /** Time of the first downbeat, or null when there is none. */
  firstDownbeat: Seconds | null;
  /** True when one tempo fits the whole track (within about 2 %). */
  constantTempo: boolean;
  /** Slowest and fastest local tempo over the track; null without a beat. */
  bpmMin: Bpm | null;
  bpmMax: Bpm | null;
  /** Other octave readings (half, double…) with their scores, best first. */
  alternatives: TempoAlternative[];
}

/** Options of `analyzeTrack`. */
export interface AnalyzeOptions {
  /** Range the caller prefers when choosing between octave readings (e.g. a workout's 80–180). */
  preferredBpm?: { min: Bpm; max: Bpm };
  /** BPM read from the file's tags; used only to break a near tie between octave readings. */
  tagBpm?: Bpm | null;
  /** Beat network weights (beat-net.ts); without them the beats come from the onset envelope alone. */
  beatNet?: BeatNetWeights[] | null;
}

/** The result for input without a beat. */
export const noBeatAnalysis = (confidence = 0): TempoAnalysis => ({
  bpm: null,
  confidence,
  beats: [],
  firstBeat: null,
  downbeats: [],
  beatsPerBar: 4,
  firstDownbeat: null,
  constantTempo: true,
  bpmMin: null,
  bpmMax: null,
  alternatives: [],
});
