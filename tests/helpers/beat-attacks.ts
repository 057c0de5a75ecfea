/**
 * Beats of rendered music against the plan, for the offline-render browser tests. `attackErrorsMs` runs in the
 * page (Playwright sends its source): it must use nothing from outside itself.
 */

/** What `attackErrorsMs` reads: a render's samples, their rate, where workout time 0 sits in them, and the planned beats. */
export interface AttackQuery {
  samples: Float32Array;
  sampleRate: number;
  /** Seconds of the render at which workout time 0 plays (the engine's start delay). */
  startSec: number;
  /** Planned beat times, workout seconds. */
  beatsSec: number[];
}

/**
 * Returns, for each planned beat, how far (ms) the attack heard near it lies from it: the first 1 ms energy frame
 * over 30 % of the loudest within 40 ms of the beat, energy of the sample-to-sample difference (the attack's high
 * end; a stretcher keeps a low tone's level and time but not its phase, so a kick's body may swing a quarter
 * period sooner or later).
 */
export function attackErrorsMs(q: AttackQuery): number[] {
  const rate = q.sampleRate;
  const z = q.samples;
  return q.beatsSec.map((t) => {
    const at = Math.round((q.startSec + t) * rate);
    const w = Math.round(0.001 * rate);
    const from = at - Math.round(0.04 * rate);
    const energy: number[] = [];
    for (let i = from; i < at + Math.round(0.04 * rate); i++) {
      let e = 0;
      for (let j = i; j < i + w; j++) e += (z[j] - z[j - 1]) ** 2;
      energy.push(e);
    }
    const peak = Math.max(...energy);
    return ((from + energy.findIndex((e) => e >= 0.3 * peak) - at) / rate) * 1000;
  });
}
