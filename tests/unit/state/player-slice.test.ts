import { describe, it, expect } from 'vitest';
import { createAppStore } from '../../../src/state/create-app-store';
import { segmentIndexAt } from '../../../src/core/program';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';
import { programViewAt } from '../../../src/core/program-view';
import { WORKOUT_TEMPLATES } from '../../../src/core/workout-templates';
import { parseWorkoutText } from '../../../src/core/workout-text';
import { VOICE_LEAD_SEC } from '../../../src/state/player-slice';
import { fakePlayerServices as fakeServices } from './fake-player';
import { makeTrack } from '../storage/make-track';

async function started(workoutId = 'template-demo-3030') {
  const fake = fakeServices();
  const store = createAppStore(fake.services);
  await store.getState().startWorkout(workoutId);
  return { ...fake, store, program: () => store.getState().player.program! };
}

describe('player slice', () => {
  it('plays exactly the program the Music plan screen shows, for every template', async () => {
    for (const w of WORKOUT_TEMPLATES) {
      const { store, engine } = await started(w.id);
      expect(engine.program()).toBe(store.getState().player.program);
      expect(store.getState().programOf(w.id)).toEqual(engine.program());
    }
  });

  it('plays exactly the program the Music plan screen shows for a pasted workout on the user\'s own tracks', async () => {
    const fake = fakeServices();
    const store = createAppStore(fake.services);
    const parsed = parseWorkoutText('5m warmup 120bpm; 4x(40s sprint 165-175bpm, 20s easy 130bpm); 3m cooldown 110bpm');
    if (!parsed.ok) throw new Error(parsed.error);
    const tracks = [97, 121, 128, 142, 168, 174, 110].map((bpm, i) =>
      makeTrack({ id: `t${i}`, title: `T${i}`, bpm, firstBeatSec: 0.2 + i / 10, firstDownbeatSec: 0.2 + i / 10, durationSec: 150 + 20 * i }));
    store.setState((s) => ({ tracks, workouts: [...s.workouts, { id: 'pasted', name: 'Pasted', nodes: parsed.nodes, updatedAt: 0 }] }));
    const shown = store.getState().programOf('pasted');
    await store.getState().startWorkout('pasted');
    expect(fake.engine.program()).toBe(store.getState().player.program);
    expect(shown).toEqual(fake.engine.program());
    expect(shown?.usesDemo).toBe(false);
    expect(new Set(shown?.segments.map((g) => g.trackId)).size).toBeGreaterThan(2);
  });

  it('starts with the count-in, which the engine plays from its first tick', async () => {
    const { store, engine, program } = await started();
    expect(program().leadInSec).toBeGreaterThan(0);
    expect(engine.calls).toContain(`play ${(-program().leadInSec).toFixed(3)}`);
    expect(store.getState().player.phase.status).toBe('countdown');
    engine.advance(0.15 + program().leadInSec + 0.01);
    expect(store.getState().player.phase.status).toBe('running');
  });

  it('says and shows the first announcement on the clock, even when the page was too busy to tick for seconds', async () => {
    const { store, engine, said, program } = await started();
    engine.advance(0.15 + 0.1);
    expect(said).toEqual([]);
    // A stalled main thread: the next tick comes 4 s later. The words are not dropped.
    engine.advance(4);
    expect(said).toEqual(['Warm up. Find the beat.']);
    const view = programViewAt(program(), store.getState().positionNow()!, VOICE_LEAD_SEC);
    expect(view.announcement).toBe('Warm up. Find the beat.');
    engine.advance(0.05);
    expect(said).toHaveLength(1);
  });

  it('after pause, skip step and stop, the log holds the time really exercised and the steps done and skipped', async () => {
    const { store, engine, logged, program } = await started();
    const lead = program().leadInSec;
    engine.advance(0.15 + lead + 10); // 10 s into the warm-up
    store.getState().togglePause();
    engine.advance(60); // a minute's pause
    store.getState().togglePause();
    engine.advance(0.05 + 6); // 16 s exercised
    await store.getState().skipStep();
    expect(engine.calls).toContain(`seek ${program().stepStarts[1].toFixed(3)}`);
    engine.advance(0.05 + 5); // 5 s of step 2
    await store.getState().skipStep();
    engine.advance(0.05 + 3);
    store.getState().stopWorkout();
    const entry = store.getState().player.lastEntry!;
    expect(store.getState().player.phase.status).toBe('finished');
    expect(entry.activeSec).toBeCloseTo(24, 1);
    expect(entry).toMatchObject({ workoutId: 'template-demo-3030', workoutName: '30/30 HIIT', completed: false, stepsCompleted: 0, stepsSkipped: 2, stepsTotal: 14 });
    expect(entry.tracks.reduce((s, t) => s + (t.seconds ?? 0), 0)).toBeCloseTo(24, 1);
    expect(entry.tracks.every((t) => demoTrackInfos().some((d) => d.id === t.trackId))).toBe(true);
    await Promise.resolve();
    expect(logged).toEqual([entry]);
    expect(store.getState().history[0]).toBe(entry);
  });

  it('skips the playing track: other music from the same position, and the log lists the tracks heard', async () => {
    const fake = fakeServices();
    const store = createAppStore(fake.services);
    store.setState({ tracks: [120, 124, 128, 172, 168, 176].map((bpm, i) => makeTrack({ id: `t${i}`, title: `T${i}`, bpm, durationSec: 240 })) });
    await store.getState().startWorkout('template-demo-3030');
    const program = () => store.getState().player.program!;
    fake.engine.advance(0.15 + program().leadInSec + 30);
    const pos = store.getState().positionNow()!;
    const before = program().segments[segmentIndexAt(program(), pos)].trackId;
    await store.getState().skipTrack();
    expect(fake.engine.calls).toContain(`replace ${pos.toFixed(3)}`);
    const after = program().segments[segmentIndexAt(program(), pos + 0.01)].trackId;
    expect(after).not.toBe(before);
    fake.engine.advance(0.05 + 10);
    store.getState().stopWorkout();
    const entry = store.getState().player.lastEntry!;
    expect(entry.tracks.map((t) => t.trackId)).toEqual([before, after]);
    expect(entry.tracks[0].seconds).toBeCloseTo(30, 1);
    expect(entry.tracks[1].seconds).toBeCloseTo(10, 1);
  });

  it('finishes by itself on the clock at the end, completed', async () => {
    const { store, engine, program } = await started();
    engine.advance(0.15 + program().leadInSec + program().endSec + 3);
    expect(store.getState().player.phase.status).toBe('finished');
    expect(store.getState().player.lastEntry).toMatchObject({ completed: true, stepsCompleted: 14 });
    expect(engine.calls).toContain('awake false');
  });

  it('ends and logs the workout when another tab takes the audio, and says why', async () => {
    const { store, engine, logged } = await started();
    engine.advance(5);
    store.getState().loseAudio('Playing in another tab');
    expect(store.getState().player.phase).toEqual({ status: 'error', message: 'Playing in another tab' });
    await Promise.resolve();
    expect(logged).toHaveLength(1);
  });

  it('reports an unknown workout instead of starting', async () => {
    const { services } = fakeServices();
    const store = createAppStore(services);
    await store.getState().startWorkout('nope');
    const phase = store.getState().player.phase;
    expect(phase.status === 'error' && phase.message).toContain('nope');
  });

  it('an interrupted audio clock holds the workout where it was; it plays on from there when the clock runs again or on Resume', async () => {
    const { store, engine } = await started();
    engine.advance(20);
    const before = store.getState().positionNow()!;
    engine.audioState('interrupted');
    expect(store.getState().player.phase).toMatchObject({ status: 'interrupted' });
    expect(store.getState().positionNow()).toBeCloseTo(before, 6);
    expect(engine.calls.slice(-1)).toEqual(['pause']);
    // The clock runs again by itself: the workout plays on from the held position, not from its start.
    engine.audioState('running');
    expect(engine.calls.slice(-1)).toEqual(['resume']);
    engine.advance(1);
    expect(store.getState().positionNow()!).toBeGreaterThan(before);
    expect(store.getState().positionNow()!).toBeLessThan(before + 1.01);
    // Suspended this time, and the user taps Resume.
    engine.audioState('suspended');
    const held = store.getState().positionNow()!;
    expect(store.getState().player.phase.status).toBe('interrupted');
    store.getState().togglePause();
    expect(engine.calls.slice(-1)).toEqual(['resume']);
    expect(store.getState().player.phase.status).toMatch(/countdown|running/);
    // The clock running again after the tap changes nothing more.
    engine.audioState('running');
    expect(engine.calls.filter((c) => c === 'resume')).toHaveLength(2);
    engine.advance(2);
    expect(store.getState().positionNow()!).toBeCloseTo(held + 2 - 0.05, 6);
  });

  it('a paused workout stays paused when the audio clock is interrupted, and is not resumed when it runs again', async () => {
    const { store, engine } = await started();
    engine.advance(5);
    store.getState().togglePause();
    engine.audioState('interrupted');
    engine.audioState('running');
    expect(store.getState().player.phase.status).toBe('paused');
    expect(engine.calls.filter((c) => c === 'resume')).toHaveLength(0);
  });
});
