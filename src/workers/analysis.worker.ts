/**
 * Analysis worker: receives an `AnalysisRequest` (channel chunks at the file's own rate, transferred),
 * downmixes and downsamples them once to the analysis rate, runs `analyzeTrack` and posts an
 * `AnalysisResponse`. The same two steps as the CLI, so both give the same result for the same samples.
 */
import { analyzeTrack } from '../analysis/analyze-track';
import { ANALYSIS_RATE } from '../analysis/novelty';
import { createStreamResampler } from '../analysis/resample';
import type { AnalysisInput, AnalysisRequest, AnalysisResponse } from './analysis-messages';

function analysisPcm({ chunks, sampleRate, frames }: AnalysisInput): Float32Array {
  const resampler = createStreamResampler(sampleRate, ANALYSIS_RATE, frames);
  // Each chunk is let go once taken, so the full-rate audio is freed as the downsampled one grows.
  while (chunks.length > 0) resampler.pushChannels(chunks.shift() as Float32Array[]);
  return resampler.finish();
}

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { id, input, options } = event.data;
  let response: AnalysisResponse;
  try {
    if (!(input.sampleRate > 0) || input.chunks.length === 0) throw new Error('no audio in file');
    response = { id, result: analyzeTrack(analysisPcm(input), ANALYSIS_RATE, options) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
