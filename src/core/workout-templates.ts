/** Ready-to-start workouts with stable ids (and stable node ids), from Tabata to the Rocky montage. */
import type { Seconds } from './units';
import type { Step, StepKind, TempoBuild, TempoTarget, Workout, WorkoutNode } from './workout';
import { KIND_INTENSITY, MAX_BPM, MIN_BPM } from './workout-defaults';

const tempo = (minBpm: number, maxBpm = minBpm, allowHalfDouble = true): TempoTarget => ({ minBpm, maxBpm, allowHalfDouble });
/** Running cadence for hard efforts: 160–180 steps a minute; 80–90 BPM music fits at double time. */
const RUN = tempo(160, 180);
const EASY_RUN = tempo(145, 160);
const WALK = tempo(110, 125);
const WARM = tempo(120, 140);
const COOL = tempo(100, 120);
const STRENGTH = tempo(100, 130);

interface StepExtra {
  tempo?: TempoTarget | null;
  build?: TempoBuild;
  voice?: string | null;
  intensity?: number;
}

// Builds nodes whose ids are `${workoutId}-1`, `-2`, ... in order of creation, so they never change between releases.
function builder(workoutId: string) {
  let n = 0;
  const id = (): string => `${workoutId}-${(n += 1)}`;
  const step = (kind: StepKind, name: string, seconds: Seconds, extra: StepExtra = {}): Step => ({
    type: 'step', id: id(), kind, name, duration: { unit: 'seconds', value: seconds },
    intensity: extra.intensity ?? KIND_INTENSITY[kind], tempo: extra.tempo ?? null,
    build: extra.build ?? null, hr: null, voice: extra.voice ?? null,
  });
  const repeat = (times: number, make: () => WorkoutNode[]): WorkoutNode => ({ type: 'repeat', id: id(), times, children: make() });
  return { step, repeat };
}

const workout = (id: string, name: string, make: (b: ReturnType<typeof builder>) => WorkoutNode[]): Workout =>
  ({ id, name, nodes: make(builder(id)), updatedAt: 0 });

/** Tabata: 5 min warm-up, 8 × (20 s all-out / 10 s rest), 5 min cool-down. */
export const tabataTemplate = (): Workout => workout('template-tabata', 'Tabata', ({ step, repeat }) => [
  step('warmup', 'Warm-up', 300, { tempo: WARM, voice: 'Warm up easy. Tabata starts in five minutes.' }),
  repeat(8, () => [
    step('work', 'All out', 20, { tempo: tempo(170, 190), intensity: 5, voice: 'Go! All out!' }),
    step('rest', 'Rest', 10, { voice: 'Rest.' }),
  ]),
  step('cooldown', 'Cool-down', 300, { tempo: COOL, voice: 'Done. Cool down and breathe.' }),
]);

/** 30/30 HIIT, the built-in demo's workout: 2 min warm-up, 6 × (30 s hard / 30 s easy), 2 min cool-down. */
export const demo3030Template = (): Workout => workout('template-demo-3030', '30/30 HIIT', ({ step, repeat }) => [
  step('warmup', 'Warm-up', 120, { tempo: WARM, voice: 'Warm up. Find the beat.' }),
  repeat(6, () => [
    step('work', 'Hard', 30, { tempo: tempo(170, 180), voice: 'Hard! Run with the beat.' }),
    step('recover', 'Easy', 30, { tempo: EASY_RUN, voice: 'Easy now.' }),
  ]),
  step('cooldown', 'Cool-down', 120, { tempo: COOL, voice: 'Cool down. Well done.' }),
]);

/** 5 × 3 min intervals with 2 min easy jogs, between 10 min warm-up and 5 min cool-down. */
export const fiveByThreeTemplate = (): Workout => workout('template-5x3', '5 × 3 min intervals', ({ step, repeat }) => [
  step('warmup', 'Warm-up jog', 600, { tempo: EASY_RUN, voice: 'Ten minutes easy to warm up.' }),
  repeat(5, () => [
    step('work', 'Interval', 180, { tempo: RUN, voice: 'Three minutes hard. Settle into the rhythm.' }),
    step('recover', 'Easy jog', 120, { tempo: EASY_RUN, voice: 'Jog easy for two minutes.' }),
  ]),
  step('cooldown', 'Cool-down', 300, { tempo: COOL, voice: 'All done. Cool down.' }),
]);

/** 4 × 4 min VO2 max: 4 min hard / 3 min easy, between 10 min warm-up and 5 min cool-down. */
export const vo2FourByFourTemplate = (): Workout => workout('template-vo2-4x4', '4 × 4 min VO2 max', ({ step, repeat }) => [
  step('warmup', 'Warm-up', 600, { tempo: EASY_RUN, voice: 'Warm up for ten minutes.' }),
  repeat(4, () => [
    step('work', 'Hard', 240, { tempo: tempo(170, 185), intensity: 5, voice: 'Four minutes hard. Breathe deep.' }),
    step('recover', 'Easy', 180, { tempo: WALK, voice: 'Three minutes easy. Recover.' }),
  ]),
  step('cooldown', 'Cool-down', 300, { tempo: COOL, voice: 'Finished. Cool down slowly.' }),
]);

/** Couch-to-5K week 1: 5 min brisk walk, 8 × (60 s run / 90 s walk), 5 min walk. */
export const couchTo5kWeek1Template = (): Workout => workout('template-c25k-w1', 'Couch to 5K — week 1', ({ step, repeat }) => [
  step('warmup', 'Brisk walk', 300, { tempo: WALK, voice: 'Five minutes of brisk walking to warm up.' }),
  repeat(8, () => [
    step('work', 'Run', 60, { tempo: tempo(155, 170), intensity: 3, voice: 'Run gently for one minute.' }),
    step('recover', 'Walk', 90, { tempo: WALK, voice: 'Walk for ninety seconds.' }),
  ]),
  step('cooldown', 'Cool-down walk', 300, { tempo: COOL, voice: 'Great work. Walk it out.' }),
]);

/** A steady tempo run at `cadenceSpm` (clamped to 30..300) for `minutes` (clamped to 1..360), with 5 min warm-up and cool-down. */
export function tempoRunTemplate(cadenceSpm: number, minutes: number): Workout {
  const cadence = Math.round(Math.min(MAX_BPM, Math.max(MIN_BPM, cadenceSpm || 170)));
  const mins = Math.round(Math.min(360, Math.max(1, minutes || 20)));
  return workout('template-tempo-run', `Tempo run at ${cadence} spm`, ({ step }) => [
    step('warmup', 'Warm-up', 300, { tempo: tempo(Math.max(MIN_BPM, cadence - 15), cadence), voice: 'Five minutes easy.' }),
    step('work', 'Tempo run', mins * 60, {
      tempo: tempo(Math.max(MIN_BPM, cadence - 2), Math.min(MAX_BPM, cadence + 2)), intensity: 3,
      voice: `Lock onto ${cadence} steps a minute for ${mins} minutes.`,
    }),
    step('cooldown', 'Cool-down', 300, { tempo: COOL, voice: 'Ease off and cool down.' }),
  ]);
}

/** Strength circuit, no running: 2 min warm-up, 3 × (squats, push-ups, lunges, plank; 45 s each, 15 s rests), 2 min stretch. */
export const strengthCircuitTemplate = (): Workout => workout('template-strength-circuit', 'Strength circuit', ({ step, repeat }) => [
  step('warmup', 'Jumping jacks', 120, { tempo: tempo(120, 130), voice: 'Jumping jacks to warm up.' }),
  repeat(3, () => [
    step('work', 'Squats', 45, { tempo: STRENGTH, voice: 'Squats. Down on the beat.' }),
    step('rest', 'Rest', 15, { voice: 'Rest. Push-ups next.' }),
    step('work', 'Push-ups', 45, { tempo: STRENGTH, voice: 'Push-ups.' }),
    step('rest', 'Rest', 15, { voice: 'Rest. Lunges next.' }),
    step('work', 'Lunges', 45, { tempo: STRENGTH, voice: 'Lunges. Alternate legs.' }),
    step('rest', 'Rest', 15, { voice: 'Rest. Plank next.' }),
    step('work', 'Plank', 45, { tempo: STRENGTH, intensity: 3, voice: 'Plank. Hold it steady.' }),
  ]),
  step('cooldown', 'Stretch', 120, { tempo: COOL, voice: 'Stretch it out. Circuit complete.' }),
]);

/** "Rocky montage": 9 min functional-strength circuit on rising tempo (110 → 140 BPM) ending in a 160–180 BPM sprint. */
export const rockyMontageTemplate = (): Workout => workout('template-rocky', 'Rocky montage', ({ step }) => [
  step('warmup', 'Shadow boxing', 60, { tempo: tempo(100, 110), voice: 'Shadow box. Loosen up.' }),
  step('work', 'Saw wood', 90, { tempo: tempo(110, 110, false), intensity: 3, voice: 'Saw the wood. Long, steady strokes.' }),
  step('work', 'Sled pull', 90, { tempo: tempo(120, 120, false), voice: 'Pull the sled. Lean into it.' }),
  step('work', 'Log press', 90, { tempo: tempo(130, 130, false), voice: 'Log press. Drive it overhead.' }),
  step('work', 'Mountain climb', 90, { tempo: tempo(140, 140, false), intensity: 5, voice: 'Climb the mountain. Don’t stop.' }),
  step('work', 'Sprint to the summit', 60, { tempo: tempo(160, 180), intensity: 5, voice: 'Sprint! All the way to the top!' }),
  step('cooldown', 'Victory walk', 60, { tempo: COOL, voice: 'You made it. Walk it off, champ.' }),
]);

/** "Build-ups": 3 × 3 min runs whose music builds from 155 to 178 BPM, each with 90 s easy after it — the training montage's rise. */
export const buildUpsTemplate = (): Workout => workout('template-build-ups', 'Build-ups', ({ step, repeat }) => [
  step('warmup', 'Warm-up jog', 300, { tempo: EASY_RUN, voice: 'Five minutes easy. The music will build.' }),
  repeat(3, () => [
    step('work', 'Build', 180, { tempo: tempo(155, 178, false), build: 'up', voice: 'Build! Stay with the beat as it climbs.' }),
    step('recover', 'Easy', 90, { tempo: tempo(140, 150), voice: 'Ease off.' }),
  ]),
  step('cooldown', 'Cool-down', 180, { tempo: tempo(125, 135), voice: 'Cool down.' }),
]);

/** Every ready-made workout, in the order the picker shows them; the tempo run is at 170 spm for 20 minutes. */
export const WORKOUT_TEMPLATES: Workout[] = [
  demo3030Template(), tabataTemplate(), fiveByThreeTemplate(), vo2FourByFourTemplate(), couchTo5kWeek1Template(),
  tempoRunTemplate(170, 20), strengthCircuitTemplate(), rockyMontageTemplate(), buildUpsTemplate(),
];
