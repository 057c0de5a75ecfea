/**
 * The shared scorer's metrics (tools/bpm-score.mjs, MIREX / Gouyon 2006 conventions) in-process,
 * for the fast tuning loop (eval.ts): Acc1 (±4 %), Acc2 (×2, ½, ×3, ⅓ allowed), beat F-measure
 * (±70 ms), PhaseOK (F ≥ 0.8), downbeat F and DnOK, no-beat rejection, plus the grouping into
 * the bench's categories and the confidence calibration. Final figures still come from the scorer.
 */

/** One clip's reference, as in a corpus's truth.json. */
export interface Truth {
  bpm: number | null;
  firstBeat?: number;
  beats?: number[];
  downbeats?: number[];
  meter?: string;
  category: string;
  phaseReliable?: boolean;
  durS?: number;
}

/** What a detector said about one clip (the CLI's JSON line). */
export interface Estimate {
  bpm: number | null;
  beats?: number[];
  firstBeat?: number | null;
  downbeats?: number[];
  confidence?: number;
}

/** One scored clip. */
export interface ClipScore {
  file: string;
  category: string;
  ref: number | null;
  est: number | null;
  confidence: number | null;
  acc1?: boolean;
  acc2?: boolean;
  octave?: string;
  beatF?: number;
  downF?: number;
  phaseEligible?: boolean;
  downEligible?: boolean;
  rejected?: boolean;
}

const within = (e: number, r: number, tol = 0.04): boolean => Math.abs(e - r) <= tol * r;

/** Returns the metrical relation of `e` to `r` ('ok', 'x2', '/2', 'x3/2'…, 'other', 'none'). */
export function octaveLabel(e: number | null, r: number): string {
  if (!(e != null && e > 0)) return 'none';
  const labels: [number, string][] = [[1, 'ok'], [2, 'x2'], [0.5, '/2'], [3, 'x3'], [1 / 3, '/3'], [1.5, 'x3/2'], [2 / 3, 'x2/3'], [4, 'x4'], [0.25, '/4'], [4 / 3, 'x4/3'], [3 / 4, 'x3/4']];
  for (const [k, label] of labels) if (within(e, r * k)) return label;
  return 'other';
}

/** Returns the F-measure of `est` against `ref` (seconds) with a ±`win` s window, one match per beat. */
export function fMeasure(ref: number[], est: number[], win = 0.07): number {
  if (!ref.length && !est.length) return 1;
  if (!ref.length || !est.length) return 0;
  const used = new Uint8Array(est.length);
  let hit = 0;
  let j0 = 0;
  for (const r of ref) {
    while (j0 < est.length && est[j0] < r - win) j0++;
    let best = -1;
    let bestDistance = Infinity;
    for (let j = j0; j < est.length && est[j] <= r + win; j++) {
      if (!used[j] && Math.abs(est[j] - r) < bestDistance) {
        bestDistance = Math.abs(est[j] - r);
        best = j;
      }
    }
    if (best >= 0) {
      used[best] = 1;
      hit++;
    }
  }
  const p = hit / est.length;
  const rc = hit / ref.length;
  return p + rc ? (2 * p * rc) / (p + rc) : 0;
}

function gridBeats(bpm: number | null, first: number | null | undefined, dur: number): number[] | null {
  if (!(bpm != null && bpm > 0) || first == null || !isFinite(first)) return null;
  const period = 60 / bpm;
  const beats: number[] = [];
  let t = first;
  while (t - period >= 0) t -= period;
  for (; t < dur; t += period) beats.push(t);
  return beats;
}

/** Returns the score of one clip of `durS` seconds, as the shared scorer computes it. */
export function scoreClip(file: string, truth: Truth, res: Estimate | null, durS: number): ClipScore {
  const est = res && typeof res.bpm === 'number' && isFinite(res.bpm) ? res.bpm : null;
  const row: ClipScore = { file, category: truth.category, ref: truth.bpm, est, confidence: res?.confidence ?? null };
  if (truth.bpm != null) {
    row.acc1 = est != null && est > 0 && within(est, truth.bpm);
    row.acc2 = est != null && est > 0 && [1, 2, 0.5, 3, 1 / 3].some((k) => within(est, truth.bpm! * k));
    row.octave = octaveLabel(est, truth.bpm);
    const refBeats = truth.beats ?? gridBeats(truth.bpm, truth.firstBeat, durS);
    let estBeats: number[] | null = null;
    if (res?.beats?.length) estBeats = res.beats.filter((x) => x >= 0 && x < durS);
    else if (res?.firstBeat != null) estBeats = gridBeats(est, res.firstBeat, durS);
    row.phaseEligible = !!refBeats && truth.phaseReliable !== false;
    if (refBeats && estBeats && truth.phaseReliable !== false) row.beatF = fMeasure(refBeats, estBeats);
    if (Array.isArray(truth.downbeats) && truth.downbeats.length >= 2 && truth.phaseReliable !== false) {
      row.downEligible = true;
      const estDown = res?.downbeats ? res.downbeats.filter((x) => x >= 0 && x < durS) : null;
      if (estDown) row.downF = fMeasure(truth.downbeats, estDown);
    }
  } else {
    row.rejected = est == null || est <= 0 || (row.confidence != null && row.confidence < 0.1);
  }
  return row;
}

/** Summary of a group of clips; null where the group has no clip the metric applies to. */
export interface Summary {
  n: number;
  acc1: number | null;
  acc2: number | null;
  beatF: number | null;
  phaseOK: number | null;
  downOK: number | null;
  rejected: string | null;
}

const share = (xs: boolean[]): number | null => (xs.length ? xs.filter(Boolean).length / xs.length : null);
const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Returns the summary of `rows` (beat F counts 0 where a clip has reference beats but no estimate). */
export function summarize(rows: ClipScore[]): Summary {
  const tempo = rows.filter((r) => r.ref != null);
  const phase = tempo.filter((r) => r.phaseEligible).map((r) => r.beatF ?? 0);
  const down = tempo.filter((r) => r.downEligible).map((r) => r.downF ?? 0);
  const nobeat = rows.filter((r) => r.ref == null);
  return {
    n: rows.length,
    acc1: share(tempo.map((r) => !!r.acc1)),
    acc2: share(tempo.map((r) => !!r.acc2)),
    beatF: mean(phase),
    phaseOK: share(phase.map((f) => f >= 0.8)),
    downOK: share(down.map((f) => f >= 0.8)),
    rejected: nobeat.length ? `${nobeat.filter((r) => r.rejected).length}/${nobeat.length}` : null,
  };
}

/** The bench's categories, in print order. */
export const CATEGORY_GROUPS = ['MIDI with drums', 'MIDI without drums', 'produced', 'recorded', 'synthetic', 'tempo change', 'no beat'] as const;

/** Returns the bench category of a truth.json `category` (midi-drums, produced-lmms, synthetic-nobeat…). */
export function categoryGroup(category: string): (typeof CATEGORY_GROUPS)[number] {
  if (/nobeat/.test(category)) return 'no beat';
  if (/variable|tempo-change|change/.test(category)) return 'tempo change';
  if (/nodrums/.test(category)) return 'MIDI without drums';
  if (/^midi/.test(category)) return 'MIDI with drums';
  if (/^produced/.test(category)) return 'produced';
  if (/^recorded/.test(category)) return 'recorded';
  return 'synthetic';
}

/** Returns the calibration of confidence: how many tempo clips reach `threshold` and the PhaseOK among them. */
export function calibration(rows: ClipScore[], threshold = 0.8): { n: number; of: number; phaseOK: number | null } {
  const sure = rows.filter((r) => r.ref != null && r.phaseEligible && (r.confidence ?? 0) >= threshold);
  return { n: sure.length, of: rows.filter((r) => r.ref != null && r.phaseEligible).length, phaseOK: share(sure.map((r) => (r.beatF ?? 0) >= 0.8)) };
}
