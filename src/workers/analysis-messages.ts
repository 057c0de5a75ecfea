/** Messages between the analysis client and `analysis.worker.ts` (types only, valid under both libs). */
import type { AnalyzeOptions, TempoAnalysis } from '../analysis/tempo-analysis';

/** A job sent to the worker; `pcm` is transferred. */
export interface AnalysisRequest {
  id: number;
  pcm: Float32Array;
  sampleRate: number;
  options: AnalyzeOptions;
}

/** The worker's answer: a result or an error message for the job `id`. */
export type AnalysisResponse = { id: number; result: TempoAnalysis } | { id: number; error: string };
