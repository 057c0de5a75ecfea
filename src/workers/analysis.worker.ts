/**
 * Analysis worker: receives an `AnalysisRequest` (pcm transferred), runs `analyzeTrack` and
 * posts an `AnalysisResponse`. Nothing else lives here.
 */
import { analyzeTrack } from '../analysis/analyze-track';
import type { AnalysisRequest, AnalysisResponse } from './analysis-messages';

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { id, pcm, sampleRate, options } = event.data;
  let response: AnalysisResponse;
  try {
    response = { id, result: analyzeTrack(pcm, sampleRate, options) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
