/**
 * Renders one recipe to its audio file and returns its truth: arrange (or synthesise a no-beat
 * texture), render with FluidSynth alone or FluidSynth plus a sampled drum kit, crop, augment,
 * encode. All randomness comes from the recipe's style, seed and variant.
 */
import { arrange } from './arrange';
import type { Arrangement } from './arrangement';
import { mixInto, peak, rms, scale, silence, type Stereo } from './audio-io';
import { applyInNode, cropClip, encodeClip } from './augment';
import { padArrangement, synthNobeat } from './nobeat';
import type { Recipe } from './recipes';
import { renderMidi, toMidi, type FluidOptions } from './render-fluid';
import { renderKit } from './render-samples';
import { Rng } from './rng';
import { styleByName } from './styles';
import { gridTruth, type TruthEntry } from './truth';

/** Renders `recipe` to `outFile` (temporary files in `work`) and returns its truth entry. */
export async function renderClip(recipe: Recipe, outFile: string, work: string): Promise<TruthEntry> {
  const music = new Rng(`${recipe.style}:${recipe.seed}:arrange`);
  const fluid: FluidOptions = { soundfont: recipe.soundfont, reverb: recipe.fluidReverb, chorus: recipe.fluidReverb };
  let arr: Arrangement | null = null;
  let audio: Stereo;
  if (recipe.nobeat === 'pad') audio = await renderMidi(toMidi(padArrangement(recipe.clipS + 2, music)), fluid, work);
  else if (recipe.nobeat) audio = synthNobeat(recipe.nobeat, recipe.clipS + 1, music);
  else {
    arr = arrange(styleByName(recipe.base!), recipe.form, music);
    audio = recipe.renderer === 'kit' ? await renderWithKit(arr, recipe, fluid, work) : await renderMidi(toMidi(arr), fluid, work);
  }
  scale(audio, 0.5 / (peak(audio) || 1));
  const clip = cropClip(audio, recipe.augment, recipe.clipS);
  applyInNode(clip, recipe.augment, new Rng(`${recipe.name}:augment`));
  await encodeClip(clip, recipe.augment, outFile, work);
  const common = {
    category: recipe.category, durS: recipe.clipS, style: recipe.style, base: recipe.base, seed: recipe.seed, variant: recipe.variant,
    split: recipe.split, renderer: recipe.nobeat && recipe.nobeat !== 'pad' ? 'synth' : recipe.renderer,
    soundfont: recipe.renderer === 'fluid' || recipe.nobeat === 'pad' || !recipe.nobeat ? recipe.soundfont : null, kit: recipe.kit, augment: recipe.augment,
  };
  if (!arr) return { bpm: null, truthKind: 'synthetic', ...common, nobeat: recipe.nobeat };
  const { bpm: _bpm, seconds: _seconds, ...form } = recipe.form;
  return { ...gridTruth(arr, recipe.augment, recipe.clipS), truthKind: recipe.renderer === 'fluid' ? 'midi' : 'synthetic', ...common, form, arrangement: arr.info };
}

/** Returns the arrangement with its drums played by the recipe's kit over FluidSynth's other parts. */
async function renderWithKit(arr: Arrangement, recipe: Recipe, fluid: FluidOptions, work: string): Promise<Stereo> {
  const rest = await renderMidi(toMidi(arr, (p) => p.role !== 'drums'), fluid, work);
  const drums = await renderKit(arr, recipe.kit!, rest.left.length);
  const out = silence(rest.left.length);
  mixInto(out, rest, 0, 1);
  const drumGain = ((rms(rest) || 1e-3) / (rms(drums) || 1)) * 10 ** (recipe.drumLevelDb / 20);
  mixInto(out, drums, 0, drumGain);
  return out;
}
