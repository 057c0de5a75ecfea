import { describe, expect, it } from 'vitest';
import { createSimulatedHeartRate, SIMULATED_NAME } from '../../../src/device/simulated-heart-rate';
import { DEMO_HEART_RATE_PROFILE, profileBpmAt } from '../../../src/core/heart-rate-profile';

describe('the heart-rate profile', () => {
  const profile = { points: [{ fromSec: 0, bpm: 100 }, { fromSec: 10, bpm: 150 }, { fromSec: 20, bpm: 120 }] };

  it('ramps linearly between points and holds the last rate', () => {
    expect([-5, 0, 5, 10, 15, 20, 99].map((t) => profileBpmAt(profile, t))).toEqual([100, 100, 125, 150, 135, 120, 120]);
  });

  it('repeats the stretch after `loopFromSec` for ever', () => {
    const looped = { ...profile, loopFromSec: 10 };
    // 20 s is the loop's end and 30 s its next turn: both at the loop's start, 10 s.
    expect([25, 30, 35, 1000 + 5].map((t) => profileBpmAt(looped, t))).toEqual([135, 150, 135, 135]);
    // The demo: warm-up to 140, then 30/30 between 140 and 168, without a jump where it loops.
    expect(profileBpmAt(DEMO_HEART_RATE_PROFILE, 120)).toBe(140);
    expect(profileBpmAt(DEMO_HEART_RATE_PROFILE, 179.9)).toBe(140);
    expect(profileBpmAt(DEMO_HEART_RATE_PROFILE, 150 + 60 * 7)).toBe(168);
    expect(profileBpmAt(DEMO_HEART_RATE_PROFILE, 180 + 60 * 7)).toBe(140);
  });
});

describe('the simulated strap', () => {
  it('says it is simulated, connects at once and replays its profile from the connection, once a tick', async () => {
    let now = 5000;
    let tick: (() => void) | null = null;
    let stopped = false;
    const sim = createSimulatedHeartRate({
      profile: { points: [{ fromSec: 0, bpm: 100 }, { fromSec: 10, bpm: 200 }] },
      nowMs: () => now,
      every: (_ms, t) => ((tick = t), () => void (stopped = true)),
    });
    const bpm: number[] = [];
    const statuses: string[] = [];
    await sim.connect({ onReading: (r) => void bpm.push(r.bpm), onStatus: (s) => void statuses.push(s) });
    expect(sim.name()).toBe(SIMULATED_NAME);
    expect(SIMULATED_NAME).toMatch(/Simulated/);
    expect(statuses).toEqual(['connected']);
    now += 1000;
    tick!();
    now += 4000;
    tick!();
    expect(bpm).toEqual([100, 110, 150]);
    sim.disconnect();
    expect(stopped).toBe(true);
  });
});
