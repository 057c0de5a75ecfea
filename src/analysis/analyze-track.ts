/**
 * Tempo, beat and downbeat analysis of one track: the pipeline.
 * Method: band levels and their rise (novelty.ts, beat-features.ts) → a beat network's per-frame
 * beat probability (beat-net.ts; a temporal convolutional network trained on the generated corpus,
 * scripts/beatnet) → ACF tempo candidates and octave choice (tempo-estimate.ts) → local tempo
 * curve (tempo-curve.ts) → dynamic-programming beats (beat-track.ts) → a straight grid when the
 * tempo is constant (beat-grid.ts) → meter and downbeats from per-beat accents and one chroma per
 * beat (downbeat.ts, chroma.ts) → confidence from the beat probability on the beats (confidence.ts).
 * With `beatNet: null` the onset envelope (onset-envelope.ts) takes the network's place and the
 * beats are kept on the half-beat grid (metrical-alignment.ts): the analyser before the network,
 * kept for comparison (scripts/tempo/eval.ts with MONTAGE_BEATNET=none).
 * Synchronous and deterministic; no DOM or Node APIs.
 * Cost ≈ one 256-point FFT per 11.6 ms of audio and one 1024-point FFT per beat, the network's
 * ≈ 24 000 multiply-adds per frame, plus O(n) passes and the ACF by FFT: ≈ 0.25 CPU-s per
 * audio-minute on one core, 90 % of it the network (scripts/bench-tempo.ts); memory ≈ 7 bytes per
 * input sample plus ≈ 250 bytes per frame for the network.
 * Known failures: see each module and scripts/beatnet/README.md.
 */
import type { Bpm } from '../core/units';
import { beatChroma } from './chroma';
import { beatFeatures } from './beat-features';
import { beatActivations, type BeatActivations, type BeatNetWeights } from './beat-net';
import shippedNet from './beat-net-weights.json';
import { beatAccents, estimateMeter } from './downbeat';
import { attackPeak, beatConfidence, meanAtBeats, netConfidence, NO_ATTACK_PEAK } from './confidence';
import { fitBeatGrid, gridBeats } from './beat-grid';
import { trackBeats } from './beat-track';
import { ANALYSIS_RATE, computeNovelty, type Novelty } from './novelty';
import { autocorrelate, normalizeOnsets } from './onset-envelope';
import { alignToHalfBeats } from './metrical-alignment';
import { resample } from './resample';
import { pickWithTag } from './tag-hint';
import { trackTempoCurve } from './tempo-curve';
import { noBeatAnalysis, type AnalyzeOptions, type TempoAnalysis } from './tempo-analysis';
import { acfAt, tempoCandidates, WORKOUT_PRIOR } from './tempo-estimate';

/** Inputs shorter than this (seconds) have no measurable beat. */
export const MIN_ANALYSIS_SECONDS = 2.5;
/** Below this RMS (≈ −74 dBFS) the input counts as silence. */
const SILENCE_RMS = 2e-4;
/** Below this mean flux per frame the input has no onsets at all (a held tone, hum). */
const FLAT_FLUX = 0.02;
/** Flux peaks come this long after the onset that caused them (measured on click tracks). */
const ONSET_LAG_SEC = 0.008;
const ACF_SECONDS = 5;
/** The beat network shipped with the app (scripts/beatnet/train.py; scripts/beatnet/README.md has its figures). */
export const SHIPPED_BEAT_NETS: BeatNetWeights[] = [shippedNet as BeatNetWeights];
/**
 * The octave prior on the network's activation: flat over 75–218 BPM. The network fires on beats
 * and not between them, so a fast beat no longer needs the prior to be heard at its own tempo (the
 * envelope's 98–166 BPM plateau read 190 BPM swing as 95).
 */
const NET_PRIOR = { ...WORKOUT_PRIOR, plateau: 1.7 };

/** Returns the tempo, beats and downbeats of mono `pcm` at `sampleRate` Hz. */
export function analyzeTrack(pcm: Float32Array, sampleRate: number, options: AnalyzeOptions = {}): TempoAnalysis {
  if (!(sampleRate > 0) || pcm.length / sampleRate < MIN_ANALYSIS_SECONDS) return noBeatAnalysis();
  const analysisPcm = resample(pcm, sampleRate, ANALYSIS_RATE);
  const novelty = computeNovelty(analysisPcm);
  if (novelty.inputRms < SILENCE_RMS) return noBeatAnalysis();
  const { fps, flux } = novelty;
  let fluxSum = 0;
  for (let t = 0; t < flux.length; t++) fluxSum += flux[t];
  if (fluxSum / flux.length < FLAT_FLUX) return noBeatAnalysis();
  const peak = attackPeak(flux);
  if (peak < NO_ATTACK_PEAK) return noBeatAnalysis(); // steady tones: a regular ripple, no attacks

  const nets = options.beatNet === undefined ? SHIPPED_BEAT_NETS : (options.beatNet ?? []);
  const activations = nets.length ? netActivations(novelty, nets) : null;
  const onsets = activations ? activations.beat : normalizeOnsets(flux, fps);
  const acf = autocorrelate(onsets, Math.min(Math.round(ACF_SECONDS * fps), onsets.length - 2));
  const basePrior = activations ? NET_PRIOR : WORKOUT_PRIOR;
  const prior = options.preferredBpm ? { ...basePrior, preferred: options.preferredBpm } : basePrior;
  const candidates = tempoCandidates(acf, fps, prior);
  if (candidates.length === 0) return noBeatAnalysis();
  const chosenIndex = pickWithTag(candidates, options.tagBpm);
  const chosen = candidates[chosenIndex];

  const curve = trackTempoCurve(onsets, fps, chosen.periodFrames);
  const tracked = trackBeats(onsets, curve.periodFrames);
  const active = activeRange(novelty);
  let beatFrames = tracked;
  let bpm: Bpm = chosen.bpm;
  if (curve.isConstant) {
    // The network already tells beats from off-beats; the half-beat alignment is for the envelope alone.
    const aligned = activations ? tracked : alignToHalfBeats(onsets, tracked, chosen.periodFrames, acfAt(acf, chosen.periodFrames / 2), { from: 0, to: onsets.length });
    const fit = fitBeatGrid(aligned, chosen.periodFrames);
    if (fit) {
      beatFrames = gridBeats(fit, active.from - fit.period / 2, active.to);
      bpm = (60 * fps) / fit.period;
    }
  } else {
    beatFrames = tracked.filter((t) => t >= active.from - 2 && t <= active.to);
    bpm = (60 * fps) / medianInterval(beatFrames, chosen.periodFrames);
  }
  beatFrames = beatFrames.filter((t) => t >= 0);

  const beatSamples = beatFrames.map((t) => (t / fps + novelty.offsetSec) * ANALYSIS_RATE);
  // The network's downbeat output is not used: added to the accents it made "the one" worse (scripts/beatnet/README.md).
  const meter = estimateMeter(beatAccents(novelty, beatFrames, beatChroma(analysisPcm, ANALYSIS_RATE, beatSamples)));
  const beatContrast = meanAtBeats(onsets, beatFrames) / Math.max(1e-9, mean(onsets));
  const confidence = activations ? netConfidence(meanAtBeats(activations.raw, beatFrames), peak) : beatConfidence(chosen.salience, beatContrast, peak);
  const lag = activations ? 0 : ONSET_LAG_SEC; // the network was trained on the beats' own times
  const toSeconds = (frame: number): number => Math.max(0, frame / fps + novelty.offsetSec - lag);
  const beats = beatFrames.map(toSeconds);
  const downbeats = beats.filter((_, i) => i % meter.beatsPerBar === meter.firstDownbeatIndex);
  const bestScore = candidates[0].score || 1;
  return {
    bpm: round2(bpm),
    confidence: round2(confidence),
    beats: beats.map(round3),
    firstBeat: beats.length ? round3(beats[0]) : null,
    downbeats: downbeats.map(round3),
    beatsPerBar: meter.beatsPerBar,
    firstDownbeat: downbeats.length ? round3(downbeats[0]) : null,
    constantTempo: curve.isConstant,
    bpmMin: round2(curve.isConstant ? bpm : (60 * fps) / curve.maxPeriod),
    bpmMax: round2(curve.isConstant ? bpm : (60 * fps) / curve.minPeriod),
    alternatives: candidates
      .filter((_, i) => i !== chosenIndex)
      .map((c) => ({ bpm: round2(c.bpm * (bpm / chosen.bpm)), score: round2(c.score / bestScore) })),
  };
}

/** Returns the networks' mean beat activation scaled to unit RMS (and as it was), and their mean downbeat activation. */
function netActivations(novelty: Novelty, nets: BeatNetWeights[]): BeatActivations & { raw: Float32Array } {
  const { features, frames } = beatFeatures(novelty);
  const raw = new Float32Array(frames);
  const downbeat = new Float32Array(frames);
  for (const net of nets) {
    const out = beatActivations(features, frames, net);
    for (let t = 0; t < frames; t++) {
      raw[t] += out.beat[t] / nets.length;
      downbeat[t] += out.downbeat[t] / nets.length;
    }
  }
  let sum = 0;
  for (let t = 0; t < frames; t++) sum += raw[t] * raw[t];
  const scale = 1 / Math.sqrt(Math.max(1e-12, sum / Math.max(1, frames)));
  return { beat: raw.map((x) => x * scale), downbeat, raw };
}

/** Returns the first and last frame (exclusive) where the level is above near-silence. */
function activeRange(novelty: Novelty): { from: number; to: number } {
  const { rms } = novelty;
  const threshold = 0.03; // relative to the track's average RMS of 1
  let from = 0;
  while (from < rms.length && rms[from] < threshold) from++;
  let to = rms.length;
  while (to > from && rms[to - 1] < threshold) to--;
  return { from, to };
}

/** Returns the median distance between consecutive beats, or `fallback` with fewer than two. */
function medianInterval(beats: number[], fallback: number): number {
  const gaps = beats.slice(1).map((b, i) => b - beats[i]).sort((a, b) => a - b);
  return gaps.length ? gaps[gaps.length >> 1] : fallback;
}

const mean = (values: Float32Array): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const round2 = (x: number): number => Math.round(x * 100) / 100;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
