import { describe, it, expect } from 'vitest';
import { createAppStore } from '../../../src/state/create-app-store';
import type { Step } from '../../../src/core/workout';
import { WORKOUT_TEMPLATES } from '../../../src/core/workout-templates';
import { workoutToJson } from '../../../src/core/workout-schema';
import { fakeServices, fixture, mine, names } from './fake-workout-services';

describe('workouts slice', () => {
  it('lists the templates then the saved workouts, which the player can start', async () => {
    const { services } = fakeServices([mine]);
    const store = createAppStore(services);
    await store.getState().loadWorkouts();
    const { workouts, workoutsStatus } = store.getState();
    expect(workoutsStatus).toBe('ready');
    expect(workouts.map((w) => w.id)).toEqual([...WORKOUT_TEMPLATES.map((w) => w.id), 'mine']);
    await store.getState().startWorkout('mine');
    expect(store.getState().player.phase.status).toBe('countdown');
    expect(store.getState().player.program?.steps[0].step.name).toBe('Go');
  });

  it('reports damaged stored workouts as messages', async () => {
    const { services, fake } = fakeServices();
    fake.problems = ['Damaged workouts entry "Old": nodes.0.kind: invalid'];
    const store = createAppStore(services);
    await store.getState().loadWorkouts();
    expect(store.getState().workoutMessages).toEqual([{ tone: 'error', text: fake.problems[0], count: 1 }]);
  });

  it('gives a new step the music target of the step before it, in a block too; the first one plays any music', () => {
    const { services } = fakeServices();
    const store = createAppStore(services);
    const s = () => store.getState();
    s().newWorkout();
    s().draftAddStep();
    const first = s().draft!.present.nodes[0];
    expect(first).toMatchObject({ tempo: null });
    const target = { minBpm: 160, maxBpm: 170, allowHalfDouble: true };
    s().draftUpdateStep(first.id, { tempo: target });
    s().draftAddStep();
    s().draftAddRepeat();
    const [, second, block] = s().draft!.present.nodes;
    expect(second).toMatchObject({ tempo: target });
    if (block.type !== 'repeat') throw new Error('expected a repeat block');
    expect(block.children[0]).toMatchObject({ tempo: target });
    s().draftUpdateStep(block.children[0].id, { tempo: { minBpm: 120, maxBpm: 130, allowHalfDouble: false } });
    s().draftAddToRepeat(block.id);
    const inner = s().draft!.present.nodes[2];
    if (inner.type !== 'repeat') throw new Error('expected a repeat block');
    expect(inner.children[1]).toMatchObject({ kind: 'recover', tempo: { minBpm: 120, maxBpm: 130 } });
  });

  it('nests a repeat block inside another by its button; the inner block starts from the outer block\'s last step, and undo takes it out', () => {
    const { services } = fakeServices();
    const store = createAppStore(services);
    const s = () => store.getState();
    s().newWorkout();
    s().draftAddRepeat();
    const [outer] = s().draft!.present.nodes;
    if (outer.type !== 'repeat') throw new Error('expected a repeat block');
    s().draftAddRepeatToRepeat(outer.id);
    const after = s().draft!.present.nodes[0];
    if (after.type !== 'repeat') throw new Error('expected a repeat block');
    const inner = after.children[after.children.length - 1];
    if (inner.type !== 'repeat') throw new Error('expected a nested repeat block');
    expect(inner.children).toHaveLength(1);
    expect(inner.children[0]).toMatchObject({ kind: 'work' });
    s().undoEdit();
    const undone = s().draft!.present.nodes[0];
    if (undone.type !== 'repeat') throw new Error('expected a repeat block');
    expect(undone.children.some((c) => c.type === 'repeat')).toBe(false);
  });

  it('builds a workout from scratch, with undo and redo, and saves it', async () => {
    const { services, fake } = fakeServices();
    const store = createAppStore(services);
    const s = () => store.getState();
    s().newWorkout();
    s().draftRename('Hill');
    s().draftAddStep();
    s().draftAddRepeat();
    const [first, block] = s().draft!.present.nodes;
    if (block.type !== 'repeat') throw new Error('expected a repeat block');
    s().draftAddToRepeat(block.id);
    s().draftUpdateStep(first.id, { name: 'Warm' });
    s().draftUpdateStep(first.id, { kind: 'warmup' });
    s().draftUpdateRepeat(block.id, 6);
    s().draftMove(block.id, -1);
    expect(names(s().draft && { ...mine, nodes: s().draft!.present.nodes })).toEqual(['6x', 'Warm']);
    s().undoEdit();
    expect(s().draft!.present.nodes[0].id).toBe(first.id);
    s().redoEdit();
    expect(s().draft!.present.nodes[0].id).toBe(block.id);
    expect(await s().saveDraft()).toBe(true);
    const saved = fake.saved.get(s().selectedWorkoutId)!;
    expect(saved.name).toBe('Hill');
    expect(saved.nodes[0]).toMatchObject({ type: 'repeat', times: 6 });
    expect(saved.nodes[1]).toMatchObject({ kind: 'warmup', name: 'Warm', intensity: 2 });
    expect(s().draft).toBeNull();
    expect(s().workouts.at(-1)!.id).toBe(saved.id);
    expect(s().workoutMessages.at(-1)).toEqual({ tone: 'ok', text: 'Saved "Hill".', count: 1 });
  });

  it('merges typing in one field into one undo step, and a new edit clears redo', () => {
    const { services } = fakeServices([mine]);
    const store = createAppStore(services);
    const s = () => store.getState();
    store.setState({ workouts: [...s().workouts, mine] });
    s().editWorkout('mine');
    for (const name of ['G', 'Go ', 'Go f', 'Go fast']) s().draftUpdateStep('a', { name });
    s().draftUpdateStep('a', { duration: { unit: 'seconds', value: 45 } });
    expect(s().draft!.past).toHaveLength(2);
    s().undoEdit();
    s().undoEdit();
    expect((s().draft!.present.nodes[0] as Step).name).toBe('Go');
    s().redoEdit();
    s().draftAddStep();
    expect(s().draft!.future).toHaveLength(0);
  });

  it('refuses to save an invalid draft and names the step that is wrong', async () => {
    const { services, fake } = fakeServices();
    const store = createAppStore(services);
    const s = () => store.getState();
    s().newWorkout();
    expect(await s().saveDraft()).toBe(false);
    expect(s().draft!.saveError).toBe('The workout has no steps.');
    s().draftAddStep();
    s().draftAddStep();
    const second = s().draft!.present.nodes[1];
    s().draftUpdateStep(second.id, { name: 'Sprint', duration: { unit: 'seconds', value: 0 } });
    expect(await s().saveDraft()).toBe(false);
    expect(s().draft!.saveError).toBe('Step 2 "Sprint": duration must be from 1 to 21600 seconds (it is 0).');
    fake.failSave = 'disk full';
    s().draftUpdateStep(second.id, { duration: { unit: 'seconds', value: 20 } });
    expect(await s().saveDraft()).toBe(false);
    expect(s().draft!.saveError).toBe('Could not save: disk full');
    expect(fake.saved.size).toBe(0);
  });

  it('duplicates a template into an editable copy; templates cannot be deleted, saved workouts can', async () => {
    const { services, fake } = fakeServices();
    const store = createAppStore(services);
    const s = () => store.getState();
    const copyId = await s().duplicateWorkout('template-tabata');
    const copy = fake.saved.get(copyId!)!;
    expect(copy.name).toBe('Tabata (copy)');
    expect(copy.nodes[0].id).not.toBe(WORKOUT_TEMPLATES[1].nodes[0].id);
    await s().renameWorkout(copyId!, '  My Tabata ');
    expect(fake.saved.get(copyId!)!.name).toBe('My Tabata');
    await s().deleteWorkout('template-tabata');
    expect(s().workouts.some((w) => w.id === 'template-tabata')).toBe(true);
    s().selectWorkout(copyId!);
    await s().deleteWorkout(copyId!);
    expect(fake.saved.size).toBe(0);
    expect(s().workouts.some((w) => w.id === copyId)).toBe(false);
    expect(s().selectedWorkoutId).toBe('template-demo-3030');
    s().editWorkout('template-rocky');
    expect(s().draft).toMatchObject({ isNew: true, present: { name: 'Rocky montage (copy)' } });
  });

  it('imports Montage JSON, Zwift .zwo and workout text, giving a new id when the file reuses one', async () => {
    const { services, fake } = fakeServices([mine]);
    const store = createAppStore(services);
    const s = () => store.getState();
    await s().loadWorkouts();
    await s().importWorkoutFile(new File([workoutToJson({ ...mine, name: 'Again' })], 'again.json'));
    await s().importWorkoutFile(fixture('zwo/run-5x1k.zwo'));
    await s().importWorkoutFile(new File(['5m warmup; 4x(1m hard 170bpm, 1m easy)'], 'Hills.txt'));
    expect(fake.saved.size).toBe(4);
    const again = [...fake.saved.values()].find((w) => w.name === 'Again')!;
    expect(again.id).not.toBe('mine');
    expect(fake.saved.get('mine')!.name).toBe('Mine');
    expect([...fake.saved.values()].some((w) => w.name === 'Hills' && w.nodes.length === 2)).toBe(true);
    expect(s().workoutMessages.map((m) => m.tone)).toEqual(['ok', 'ok', 'ok']);
  });

  it('refuses hostile and broken files with a message that names the file and the parser’s words', async () => {
    const { services, fake } = fakeServices();
    const store = createAppStore(services);
    for (const name of ['a-negative-duration.json', 'a-billion-laughs.zwo', 'a-malformed.json', 'a-million-repeats.json', 'a-deep-nesting.json']) {
      await store.getState().importWorkoutFile(fixture(`bad/${name}`));
    }
    await store.getState().importWorkoutFile(new File(['10m warmup; 3x(30s'], 'notes.txt'));
    const texts = store.getState().workoutMessages.map((m) => m.text);
    expect(texts[0]).toBe('a-negative-duration.json: step 1 "Work": duration must be from 1 to 21600 seconds (it is -30)');
    expect(texts[1]).toMatch(/^a-billion-laughs\.zwo: contains a DOCTYPE or ENTITY declaration/);
    expect(texts.slice(2, 5).every((t, i) => t.startsWith(['a-malformed.json', 'a-million-repeats.json', 'a-deep-nesting.json'][i]))).toBe(true);
    expect(texts[5]).toMatch(/^notes\.txt: line 1, column \d+: /);
    expect(store.getState().workoutMessages.every((m) => m.tone === 'error')).toBe(true);
    expect(fake.saved.size).toBe(0);
  });

  it('adds pasted workout text, and says where the text is wrong', async () => {
    const { services, fake } = fakeServices();
    const store = createAppStore(services);
    expect(await store.getState().addWorkoutText('2x(30s sprint, 30s rest)')).toBe(true);
    expect([...fake.saved.values()][0]).toMatchObject({ name: '2× sprint/rest' });
    // Pasted again: a second name, never two workouts of one name; a name typed with it is taken.
    expect(await store.getState().addWorkoutText('2x(30s sprint, 30s rest)')).toBe(true);
    expect(await store.getState().addWorkoutText('5m easy', 'Shake-out')).toBe(true);
    expect([...fake.saved.values()].map((w) => w.name).sort()).toEqual(['2× sprint/rest', '2× sprint/rest (2)', 'Shake-out']);
    expect(await store.getState().addWorkoutText('30s sprint @9')).toBe(false);
    expect(store.getState().workoutMessages.at(-1)!.text).toBe('Pasted text: line 1, column 12: effort must be @1 to @5 (it is "@9")');
  });

  it('two pastes added while the first is still being saved get two names', async () => {
    const { services, fake } = fakeServices();
    const save = services.workouts.save;
    services.workouts.save = async (w) => { await new Promise((r) => setTimeout(r, 20)); await save(w); };
    const store = createAppStore(services);
    const both = await Promise.all([store.getState().addWorkoutText('5m easy'), store.getState().addWorkoutText('5m easy')]);
    expect(both).toEqual([true, true]);
    expect([...fake.saved.values()].map((w) => w.name).sort()).toEqual(['easy', 'easy (2)']);
  });

  it('exports JSON and text, and a share link that is offered on arrival but saved only when added', async () => {
    const { services, fake } = fakeServices();
    const store = createAppStore(services);
    const s = () => store.getState();
    const out = s().exportWorkout('template-tabata')!;
    expect(out.fileName).toBe('tabata.json');
    expect(JSON.parse(out.json).workout.name).toBe('Tabata');
    expect(out.text).toMatch(/^5m Warm-up/);
    const link = s().shareLink('template-tabata', 'https://montage.example/app/#old')!;
    expect(link.startsWith('https://montage.example/app/#w=')).toBe(true);

    const other = createAppStore(fakeServices().services);
    other.getState().receiveShareLink(new URL(link).hash);
    expect(other.getState().sharedWorkout!.name).toBe('Tabata');
    expect(other.getState().screen).toBe('workouts');
    s().receiveShareLink(new URL(link).hash);
    expect(fake.saved.size).toBe(0);
    await s().addSharedWorkout();
    expect(s().sharedWorkout).toBeNull();
    expect([...fake.saved.values()].map((w) => w.name)).toEqual(['Tabata']);
    s().receiveShareLink('#w=@@@');
    expect(s().workoutMessages.at(-1)!.text).toBe('shared link: is damaged (not a Montage workout link)');
    s().receiveShareLink('#section');
    expect(s().sharedWorkout).toBeNull();
  });
});
