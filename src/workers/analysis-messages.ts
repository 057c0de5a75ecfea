/** Messages between the analysis client and `analysis.worker.ts` (types only, valid under both libs). */
import type { AnalyzeOptions, TempoAnalysis } from '../analysis/tempo-analysis';

/** Decoded audio at the file's own rate: the worker downmixes and downsamples it once. */
export interface AnalysisInput {
  /** Stretches in order, each the channels of that stretch (views of equal length); transferred. */
  chunks: Float32Array[][];
  sampleRate: number;
  /** Samples per channel over all chunks (sizes the downsampled signal up front). */
  frames: number;
}

/** A job sent to the worker; the chunks' buffers are transferred. */
export interface AnalysisRequest {
  id: number;
  input: AnalysisInput;
  options: AnalyzeOptions;
}

/** The worker's answer: a result or an error message for the job `id`. */
export type AnalysisResponse = { id: number; result: TempoAnalysis } | { id: number; error: string };

/** Returns the distinct buffers behind `input`'s chunks, for a postMessage transfer list. */
export function transferablesOf(input: AnalysisInput): ArrayBuffer[] {
  return [...new Set(input.chunks.flat().map((c) => c.buffer as ArrayBuffer))];
}
