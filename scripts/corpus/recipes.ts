/**
 * The corpus plan: every clip as a recipe. A recipe style (a musical style, or a form such as
 * `intro`, `pickup`, `ritardando`, `live`, `long`, `nobeat-rain`) and a seed fix the music; the
 * variant fixes how it is rendered (soundfont or drum kit, augmentation). The split is a hash of
 * style and seed only, so all variants of one piece of music land in the same split.
 */
import type { ArrangeOptions } from './arrange';
import { chooseAugment, type Augment } from './augment';
import { KITS } from './drum-kits';
import type { NobeatKind } from './nobeat';
import type { SoundfontName } from './render-fluid';
import { hash32, Rng } from './rng';
import type { StyleSpec } from './style-spec';
import { DRUM_STYLES, ELECTRONIC_STYLES, LIVE_STYLES, NODRUM_STYLES } from './styles';
import type { TempoShape } from './tempo-shapes';

/** Which part of the corpus a clip belongs to. */
export type Split = 'tune' | 'heldout';

/** Everything needed to render one clip; its JSON (with the generator version) is the recipe hash. */
export interface Recipe {
  name: string;
  style: string;
  seed: number;
  variant: number;
  split: Split;
  category: string;
  /** The musical style played (null for no-beat textures). */
  base: string | null;
  nobeat: NobeatKind | null;
  renderer: 'fluid' | 'kit';
  soundfont: SoundfontName;
  kit: string | null;
  fluidReverb: boolean;
  /** Level of the sampled drums against the rest, dB. */
  drumLevelDb: number;
  clipS: number;
  form: ArrangeOptions;
  augment: Augment;
}

interface Group {
  style: string;
  count: number;
  /** Probability of a second rendering of the same music. */
  second: number;
  bases: StyleSpec[];
  shape?: TempoShape;
}

const ELECTRONIC_KITS = ['TR808EmulationKit', 'HardElectro1', 'ElectricEmpireKit', 'VariBreaks', 'Audiophob', 'rumpf_kit_z01_h2'];
const ACOUSTIC_KITS = KITS.filter((k) => !ELECTRONIC_KITS.includes(k));
const NOBEAT: [NobeatKind, number][] = [['pad', 10], ['drone', 8], ['swell', 8], ['speech', 8], ['rain', 8]];

const GROUPS: Group[] = [
  ...DRUM_STYLES.map((s) => ({ style: s.name, count: 20, second: 0.25, bases: [s] })),
  ...NODRUM_STYLES.map((s) => ({ style: s.name, count: s.name === 'piano-waltz' ? 10 : 15, second: 0.15, bases: [s] })),
  { style: 'intro', count: 24, second: 0.15, bases: DRUM_STYLES },
  { style: 'pickup', count: 20, second: 0.15, bases: [...DRUM_STYLES, ...NODRUM_STYLES] },
  ...(['ritardando', 'accelerando', 'step', 'drift'] as const).map((shape) => ({ style: shape, count: shape === 'accelerando' ? 8 : 10, second: 0.15, bases: [...DRUM_STYLES, ...NODRUM_STYLES], shape })),
  { style: 'live', count: 40, second: 0.15, bases: LIVE_STYLES, shape: 'live' },
  { style: 'long', count: 10, second: 0, bases: DRUM_STYLES },
  ...NOBEAT.map(([kind, count]) => ({ style: `nobeat-${kind}`, count, second: 0.1, bases: [] })),
];

/** Returns the split of the music `style`/`seed`: held out for about 30 % of hashes. */
export function splitOf(style: string, seed: number): Split {
  return hash32(`split:${style}:${seed}`) % 100 < 30 ? 'heldout' : 'tune';
}

/** Returns every recipe of the corpus, ordered so that any prefix covers all styles. */
export function planRecipes(): Recipe[] {
  const out: Recipe[] = [];
  const maxCount = Math.max(...GROUPS.map((g) => g.count));
  for (let seed = 0; seed < maxCount; seed++) {
    for (const group of GROUPS) {
      if (seed >= group.count) continue;
      const variants = new Rng(`${group.style}:${seed}:variants`).chance(group.second) ? 2 : 1;
      for (let variant = 0; variant < variants; variant++) out.push(makeRecipe(group, seed, variant));
    }
  }
  return out;
}

function makeRecipe(group: Group, seed: number, variant: number): Recipe {
  const music = new Rng(`${group.style}:${seed}:music`);
  const render = new Rng(`${group.style}:${seed}:render:${variant}`);
  const nobeat = group.style.startsWith('nobeat-') ? (group.style.slice(7) as NobeatKind) : null;
  const base = nobeat ? null : music.pick(group.bases);
  const bpm = base ? Math.round(music.range(base.bpm[0], base.bpm[1]) * 10) / 10 : 0;
  const clipS = group.style === 'long' ? Math.round(music.range(120, 240)) : 30;
  const barS = base ? (60 / bpm) * (base.meter === '6/8' ? 2 : base.meter === '3/4' ? 3 : 4) : 1;
  const introBars = group.style === 'intro' ? Math.max(4, Math.min(music.pick([8, 12, 16]), Math.floor(22 / barS))) : group.style === 'long' && music.chance(0.5) ? 8 : 0;
  const pickupBeats = group.style === 'pickup' && base ? music.int(1, Math.max(1, (base.meter === '6/8' ? 2 : base.meter === '3/4' ? 3 : 4) - 1)) : 0;
  const form: ArrangeOptions = {
    bpm, seconds: clipS + 8.5, tempoShape: group.shape ?? 'constant', introBars, pickupBeats,
    jitterMs: group.style === 'live' ? Math.round(music.range(5, 18)) : 0, breakdowns: group.style === 'long',
  };
  // The first rendering alternates renderers by seed; a second one uses the other renderer.
  const hasDrums = !!base && base.grooves.length > 0;
  const kitFirst = group.style === 'live' ? music.chance(0.6) : music.chance(0.45);
  const renderer: Recipe['renderer'] = hasDrums && kitFirst !== (variant === 1) ? 'kit' : 'fluid';
  const electronic = base && ELECTRONIC_STYLES.has(base.name) && render.chance(0.6);
  const augment = chooseAugment(render, group.style !== 'intro' && group.style !== 'pickup');
  const baseName = base?.name ?? null;
  const stem = baseName && baseName !== group.style ? `${group.style}-${baseName}` : group.style;
  return {
    name: `${stem}-${String(seed).padStart(3, '0')}${'ab'[variant]}`,
    style: group.style, seed, variant, split: splitOf(group.style, seed),
    category: categoryOf(group.style, baseName, hasDrums, renderer), base: baseName, nobeat, renderer,
    soundfont: render.weighted({ fluidr3: 35, musescore: 25, timgm6mb: 25, opl3: 15 }),
    kit: renderer === 'kit' ? render.pick(electronic ? ELECTRONIC_KITS : ACOUSTIC_KITS) : null,
    fluidReverb: render.chance(0.5), drumLevelDb: Math.round(render.range(-4, 3) * 10) / 10, clipS, form, augment,
  };
}

/** Returns the corpus category of a clip (the scorer's names where they fit). */
function categoryOf(style: string, base: string | null, hasDrums: boolean, renderer: Recipe['renderer']): string {
  if (style.startsWith('nobeat-')) return 'synthetic-nobeat';
  if (style === 'long') return 'long';
  if (['ritardando', 'accelerando', 'step', 'drift'].includes(style)) return 'midi-variable';
  if (style === 'live') return 'recorded-like';
  if (!hasDrums) return 'midi-nodrums';
  if (base === 'swing' || base === 'shuffle') return 'synthetic-swing';
  return renderer === 'kit' ? 'produced' : 'midi-drums';
}
