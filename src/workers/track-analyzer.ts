/** The analysis service the store uses: decode stored audio, analyse it on the worker pool, return the beat grid. */
import { AnalysisPool } from './analysis-client';
import { decodeForAnalysis } from './decode-for-analysis';
import { beatGridFromAnalysis, type BeatGrid } from '../core/beat-grid';
import type { TempoReading } from '../core/track';

/** What analysis found, in the library's terms: the grid is built here, once, from the analyser's beats. */
export interface TrackAnalysisResult {
  /** null when the track has no beat. */
  grid: BeatGrid | null;
  alternatives: TempoReading[];
  confidence: number;
  durationSec: number;
}

/** Creates the service; workers start on the first job and stop when idle. */
export function createTrackAnalyzer() {
  const pool = new AnalysisPool();
  return {
    // Every worker busy, and the next file decoding meanwhile.
    parallel: pool.maxWorkers + 1,
    async analyze(audio: Blob, options: { signal?: AbortSignal; tagBpm?: number | null }): Promise<TrackAnalysisResult> {
      const { durationSec, ...input } = await decodeForAnalysis(await audio.arrayBuffer());
      const a = await pool.analyze(input, { signal: options.signal, tagBpm: options.tagBpm ?? undefined });
      return {
        grid: beatGridFromAnalysis(a),
        alternatives: a.alternatives.map((r) => ({ bpm: r.bpm, score: r.score })),
        confidence: a.confidence,
        durationSec,
      };
    },
    dispose: () => pool.dispose(),
  };
}
