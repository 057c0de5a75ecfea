import { describe, expect, it } from 'vitest';
import type { Step } from '../../../src/core/workout';
import { parseWorkoutJson, workoutToJson } from '../../../src/core/workout-schema';
import { WORKOUT_TEMPLATES, demo3030Template, tempoRunTemplate } from '../../../src/core/workout-templates';
import { flattenWorkout, workoutTotalSeconds } from '../../../src/core/workout-timeline';

const byId = (id: string) => WORKOUT_TEMPLATES.find((w) => w.id === id)!;
const minutes = (id: string) => workoutTotalSeconds(byId(id)) / 60;

describe('workout templates', () => {
  it('have unique stable ids, and unique node ids inside each', () => {
    const ids = WORKOUT_TEMPLATES.map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([
      'template-tabata', 'template-demo-3030', 'template-5x3', 'template-vo2-4x4', 'template-c25k-w1',
      'template-tempo-run', 'template-strength-circuit', 'template-rocky',
    ]));
    expect(demo3030Template()).toEqual(byId('template-demo-3030'));
  });

  it('all pass validation unchanged and give every step voice text', () => {
    for (const w of WORKOUT_TEMPLATES) {
      expect(parseWorkoutJson(workoutToJson(w), `${w.id}.json`)).toEqual({ ok: true, workout: w });
      for (const t of flattenWorkout(w)) expect(t.step.voice, `${w.id} ${t.step.name}`).toBeTruthy();
    }
  });

  it('have the advertised shapes and lengths', () => {
    expect(flattenWorkout(byId('template-tabata')).filter((t) => t.step.kind === 'work').map((t) => t.durationSec)).toEqual(Array(8).fill(20));
    expect(minutes('template-demo-3030')).toBe(10);
    expect(minutes('template-5x3')).toBe(10 + 25 + 5);
    expect(minutes('template-vo2-4x4')).toBe(10 + 28 + 5);
    expect(minutes('template-c25k-w1')).toBe(5 + 20 + 5);
    expect(minutes('template-tempo-run')).toBe(30);
    expect(minutes('template-rocky')).toBe(9);
    const strength = flattenWorkout(byId('template-strength-circuit')).map((t) => t.step.name);
    expect(strength.filter((name) => name === 'Plank')).toHaveLength(3);
  });

  it('run the Rocky montage on rising tempo and end with a sprint', () => {
    const steps = flattenWorkout(byId('template-rocky')).map((t) => t.step);
    const work = steps.filter((s) => s.kind === 'work');
    const mids = work.map((s) => (s.tempo!.minBpm + s.tempo!.maxBpm) / 2);
    expect(mids).toEqual([...mids].sort((a, b) => a - b));
    expect(work.map((s) => s.name)).toEqual(['Saw wood', 'Sled pull', 'Log press', 'Mountain climb', 'Sprint to the summit']);
    expect(work.at(-1)!.tempo).toEqual({ minBpm: 160, maxBpm: 180, allowHalfDouble: true });
  });

  it('build a tempo run at the chosen cadence, clamped to sane values', () => {
    const run = tempoRunTemplate(176, 25);
    const main = run.nodes[1] as Step;
    expect(main.tempo).toEqual({ minBpm: 174, maxBpm: 178, allowHalfDouble: true });
    expect(main.duration).toEqual({ unit: 'seconds', value: 1500 });
    expect(run.name).toBe('Tempo run at 176 spm');
    const wild = tempoRunTemplate(9999, -3);
    expect(parseWorkoutJson(workoutToJson(wild), 'wild.json').ok).toBe(true);
    expect(parseWorkoutJson(workoutToJson(tempoRunTemplate(NaN, NaN)), 'nan.json').ok).toBe(true);
  });
});
