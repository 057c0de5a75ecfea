/** The analysis service the store uses: decode stored audio, analyse it on the worker pool, return the beat grid. */
import { AnalysisPool } from './analysis-client';
import { decodeForAnalysis } from './decode-for-analysis';

/** What analysis found, in the library's terms. */
export interface TrackAnalysisResult {
  bpm: number | null;
  confidence: number;
  firstBeatSec: number;
  firstDownbeatSec: number;
  beatsPerBar: number;
  durationSec: number;
}

/** Creates the service; workers start on the first job and stop when idle. */
export function createTrackAnalyzer() {
  const pool = new AnalysisPool();
  return {
    async analyze(audio: Blob, options: { signal?: AbortSignal; tagBpm?: number | null }): Promise<TrackAnalysisResult> {
      const { pcm, sampleRate, durationSec } = await decodeForAnalysis(await audio.arrayBuffer());
      const a = await pool.analyze(pcm, sampleRate, { signal: options.signal, tagBpm: options.tagBpm ?? undefined });
      return {
        bpm: a.bpm,
        confidence: a.confidence,
        firstBeatSec: a.firstBeat ?? 0,
        firstDownbeatSec: a.firstDownbeat ?? a.firstBeat ?? 0,
        beatsPerBar: a.beatsPerBar,
        durationSec,
      };
    },
    dispose: () => pool.dispose(),
  };
}
