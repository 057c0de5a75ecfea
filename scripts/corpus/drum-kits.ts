/**
 * Real recorded drum kits from Debian's hydrogen-drumkits and hydrogen-data (Hydrogen drumkit.xml
 * + WAV/FLAC/AIFF samples, GPL / CC licences listed in /usr/share/doc/hydrogen-drumkits). Each
 * kit instrument is matched by name to a General-MIDI drum; samples are decoded once, trimmed of
 * leading silence (so a hit sounds at its note time) and peak-normalised.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeWithFfmpeg, peak, scale, type Stereo } from './audio-io';
import { GM_DRUMS } from './patterns';

/** Where the Hydrogen kits are installed. */
export const KIT_DIR = '/usr/share/hydrogen/data/drumkits';

/** The kits used for the `produced` category (each has a kick, a snare and a closed hi-hat). */
export const KITS = [
  'GMRockKit', 'The Black Pearl 1.0', 'ForzeeStereo', 'Millo-Drums_v.1', 'Millo_MultiLayered2', 'Millo_MultiLayered3',
  'ColomboAcousticDrumkit', 'BJA_Pacific', 'TR808EmulationKit', 'HardElectro1', 'ElectricEmpireKit', 'VariBreaks',
  'Audiophob', 'rumpf_kit_z01_h2',
] as const;

/** One velocity layer of a kit instrument. */
export interface Layer {
  file: string;
  min: number;
  max: number;
}

/** A kit: for each GM drum note, the layers of the instrument that plays it. */
export type Kit = Map<number, Layer[]>;

// Name patterns per GM note, most specific first (cowbell before ride bell, rim before snare).
const MATCHERS: [number, RegExp][] = [
  [GM_DRUMS.cowbell, /cowbell/i], [GM_DRUMS.shaker, /shaker|maraca/i], [GM_DRUMS.tamb, /tamb/i],
  [GM_DRUMS.clap, /clap/i], [GM_DRUMS.rim, /stick|rim ?click|side ?stick/i],
  [GM_DRUMS.hatP, /(hat|hh).*(pedal|pd\b)|pedal.*(hat|hh)/i], [GM_DRUMS.hatO, /(hat|hh).*(open|op\b)|open.*(hat|hh)|ohh/i],
  [GM_DRUMS.hatC, /(hat|hh).*(closed|cl\b)|closed.*(hat|hh)|chh/i],
  [GM_DRUMS.bell, /ride.*(bell|cup)|^(?!.*cow).*bell$/i], [GM_DRUMS.ride, /ride/i], [GM_DRUMS.crash, /crash|china|splash|cymbal/i],
  [GM_DRUMS.tomL, /floor|tom.*lo|lo.*tom/i], [GM_DRUMS.tomM, /tom.*(mid|2)|mid.*tom/i], [GM_DRUMS.tomH, /tom.*(hi|1)|hi.*tom/i],
  [GM_DRUMS.kick, /kick|bass ?drum|\bbd\b/i], [GM_DRUMS.snare, /snare(?!.*(rim|roll))/i],
];

// A drum the kit lacks is played by the nearest one it has.
const FALLBACK: Record<number, number[]> = {
  [GM_DRUMS.rim]: [GM_DRUMS.snare], [GM_DRUMS.clap]: [GM_DRUMS.snare], [GM_DRUMS.hatP]: [GM_DRUMS.hatC],
  [GM_DRUMS.hatO]: [GM_DRUMS.hatC], [GM_DRUMS.ride]: [GM_DRUMS.hatO, GM_DRUMS.hatC], [GM_DRUMS.bell]: [GM_DRUMS.ride, GM_DRUMS.cowbell],
  [GM_DRUMS.crash]: [GM_DRUMS.ride], [GM_DRUMS.tomM]: [GM_DRUMS.tomH, GM_DRUMS.tomL, GM_DRUMS.snare],
  [GM_DRUMS.tomH]: [GM_DRUMS.tomM, GM_DRUMS.snare], [GM_DRUMS.tomL]: [GM_DRUMS.tomM, GM_DRUMS.kick],
  [GM_DRUMS.shaker]: [GM_DRUMS.tamb, GM_DRUMS.hatC], [GM_DRUMS.tamb]: [GM_DRUMS.shaker, GM_DRUMS.hatC],
  [GM_DRUMS.cowbell]: [GM_DRUMS.bell, GM_DRUMS.rim], [GM_DRUMS.clave]: [GM_DRUMS.rim], [GM_DRUMS.conga]: [GM_DRUMS.tomH],
};

/** Returns the kit `name` read from its drumkit.xml (throws when the file is missing). */
export function loadKit(name: string): Kit {
  const dir = path.join(KIT_DIR, name);
  const xml = fs.readFileSync(path.join(dir, 'drumkit.xml'), 'utf8');
  const kit: Kit = new Map();
  for (const block of xml.split('<instrument>').slice(1)) {
    const instrument = (block.match(/<name>([^<]*)<\/name>/)?.[1] ?? '').trim();
    // Kits of the newer format list velocity layers; older ones give one <filename> per instrument.
    const layerTexts = [...block.matchAll(/<layer>([\s\S]*?)<\/layer>/g)].map((m) => m[1]);
    const layers = (layerTexts.length ? layerTexts : [block]).map((text) => ({
      file: path.join(dir, text.match(/<filename>([^<]*)<\/filename>/)?.[1] ?? ''),
      min: Number(text.match(/<min>([^<]*)<\/min>/)?.[1] ?? 0),
      max: Number(text.match(/<max>([^<]*)<\/max>/)?.[1] ?? 1),
    })).filter((l) => fs.existsSync(l.file) && !/empty/i.test(path.basename(l.file)));
    const note = MATCHERS.find(([, re]) => re.test(instrument))?.[0];
    if (note != null && layers.length && !kit.has(note)) kit.set(note, layers);
  }
  for (const [note, alternatives] of Object.entries(FALLBACK)) {
    const found = alternatives.find((a) => kit.has(a));
    if (!kit.has(Number(note)) && found != null) kit.set(Number(note), kit.get(found)!);
  }
  return kit;
}

/** Returns the layer of `layers` for a MIDI velocity (1–127), as Hydrogen's velocity selection does. */
export function layerFor(layers: Layer[], vel: number): Layer {
  const v = vel / 127;
  return layers.find((l) => v >= l.min && v <= l.max) ?? layers.reduce((a, b) => (Math.abs(b.max - v) < Math.abs(a.max - v) ? b : a));
}

const samples = new Map<string, Promise<Stereo>>();

/** Returns the decoded sample (cached), trimmed to 0.5 ms before its first sound and normalised to peak 1. */
export function sample(file: string): Promise<Stereo> {
  let found = samples.get(file);
  if (!found) {
    found = decodeWithFfmpeg(file).then((audio) => {
      const max = peak(audio) || 1;
      let start = 0;
      while (start < audio.left.length && Math.max(Math.abs(audio.left[start]), Math.abs(audio.right[start])) < 0.05 * max) start++;
      start = Math.max(0, start - 22);
      const trimmed = { left: audio.left.slice(start), right: audio.right.slice(start) };
      scale(trimmed, 1 / max);
      return trimmed;
    });
    samples.set(file, found);
  }
  return found;
}
