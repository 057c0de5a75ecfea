import { describe, it, expect } from 'vitest';
import { createAppStore } from '../../../src/state/create-app-store';
import type { AppServices, PlayerEvents } from '../../../src/state/services';
import type { EngineProgram } from '../../../src/audio/engine-types';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';
import { DEFAULT_PLAYER_SETTINGS } from '../../../src/core/player-settings';
import type { WorkoutSummary } from '../../../src/core/workout-log';

/** A fake player on a clock the test moves by hand. */
function fakeServices() {
  const calls: string[] = [];
  const logged: WorkoutSummary[] = [];
  let program: EngineProgram | null = null;
  let events: PlayerEvents | null = null;
  let position: number | null = null;
  const services: AppServices = {
    player: {
      async play(p, e) {
        program = p;
        events = e;
        position = 0;
        calls.push('play');
      },
      pause: () => void calls.push('pause'),
      resume: () => void calls.push('resume'),
      seek: async (sec) => {
        position = sec;
        calls.push(`seek ${sec.toFixed(3)}`);
      },
      replace: async (p, sec) => {
        program = p;
        position = sec;
        calls.push(`replace ${sec.toFixed(3)}`);
      },
      stop: () => {
        position = null;
        calls.push('stop');
      },
      positionSec: () => position,
    },
    demo: { tracks: demoTrackInfos, loadBuffer: async () => ({}) as AudioBuffer },
    library: {
      list: async () => ({ tracks: [], problems: [] }),
      importFile: async (f) => ({ status: 'failed', fileName: f.name, error: 'not used' }),
      update: async () => { throw new Error('not used'); },
      remove: async () => undefined,
      getAudio: async () => null,
      getCover: async () => null,
      estimate: async () => null,
      requestPersistence: async () => 'unsupported',
    },
    workouts: { list: async () => ({ workouts: [], problems: [] }), save: async () => undefined, remove: async () => undefined },
    playlists: { list: async () => ({ playlists: [], choices: [], problems: [] }), save: async () => undefined, remove: async () => undefined, saveChoice: async () => undefined },
    preview: { play: async () => () => undefined, stop: () => undefined },
    analysis: { analyze: async () => { throw new Error('not used'); } },
    decoder: { decode: async () => ({}) as AudioBuffer },
    speech: { speak: (t) => void calls.push(`say ${t}`), cancel: () => undefined },
    settings: { load: () => DEFAULT_PLAYER_SETTINGS, save: () => undefined },
    log: { add: async (summary) => void logged.push(summary), list: async () => logged },
    device: { setNowPlaying: () => undefined, keepAwake: (on) => void calls.push(`awake ${on}`) },
    now: () => 1_700_000_000_000,
  };
  return { services, calls, logged, program: () => program!, events: () => events!, setPosition: (s: number) => (position = s) };
}

describe('player slice', () => {
  it('starts the demo workout with demo music, every step boundary on a downbeat of the playing music', async () => {
    const fake = fakeServices();
    const store = createAppStore(fake.services);
    await store.getState().startWorkout('template-demo-3030');
    const { player } = store.getState();
    expect(player.status).toBe('running');
    expect(fake.calls).toContain('play');
    expect(player.steps).toHaveLength(14);
    // Each boundary lies on a bar line of the segment playing just before it.
    for (const t of player.stepStarts.slice(1, -1)) {
      const seg = player.segments.find((s) => s.startSec < t && t <= s.endSec)!;
      const bars = ((seg.trackOffsetSec + (t - seg.startSec) * seg.playbackRate - seg.firstBeatSec) * seg.trackBpm) / 60 / 4;
      expect(Math.abs(bars - Math.round(bars))).toBeLessThan(1e-6);
    }
    // The total stays true to the workout (10 min) within a bar.
    expect(Math.abs(player.totalSec - 600)).toBeLessThan(2);
    // The cues include a chime with words at every step start.
    const cues = fake.program().cuesBetween(0, player.totalSec + 1);
    const starts = cues.filter((c) => c.stepIndex !== undefined);
    expect(starts.map((c) => c.stepIndex)).toEqual(player.steps.map((_, i) => i));
  });

  it('pauses, resumes, skips to the next step and stops with a summary', async () => {
    const fake = fakeServices();
    const store = createAppStore(fake.services);
    await store.getState().startWorkout('template-demo-3030');
    store.getState().togglePause();
    expect(store.getState().player.status).toBe('paused');
    store.getState().togglePause();
    expect(store.getState().player.status).toBe('running');
    fake.setPosition(10);
    await store.getState().skipStep();
    const { stepStarts } = store.getState().player;
    expect(fake.calls).toContain(`seek ${stepStarts[1].toFixed(3)}`);
    fake.setPosition(stepStarts[3] + 1);
    store.getState().stopWorkout();
    const { player } = store.getState();
    expect(player.status).toBe('finished');
    expect(player.summary?.stepsDone).toBe(3);
    expect(player.summary?.tracksPlayed.length).toBeGreaterThan(0);
    expect(fake.calls).toEqual(['stop', 'play', 'awake true', 'pause', 'resume', `seek ${stepStarts[1].toFixed(3)}`, 'stop', 'awake false']);
    // The summary is saved to the workout log.
    await Promise.resolve();
    expect(fake.logged).toHaveLength(1);
    expect(fake.logged[0].stepsDone).toBe(3);
  });

  it('skips the playing track: other music from the same position, the workout clock unmoved', async () => {
    const fake = fakeServices();
    const store = createAppStore(fake.services);
    await store.getState().startWorkout('template-demo-3030');
    fake.setPosition(30);
    const before = store.getState().player.segments.find((x) => x.startSec <= 30 && 30 < x.endSec)!;
    await store.getState().skipTrack();
    expect(fake.calls).toContain('replace 30.000');
    const after = store.getState().player.segments.find((x) => x.startSec <= 30 && 30 < x.endSec)!;
    expect(after.trackId).not.toBe(before.trackId);
  });

  it('reports an unknown workout instead of starting', async () => {
    const fake = fakeServices();
    const store = createAppStore(fake.services);
    await store.getState().startWorkout('nope');
    expect(store.getState().player.status).toBe('error');
    expect(store.getState().player.error).toContain('nope');
  });
});
