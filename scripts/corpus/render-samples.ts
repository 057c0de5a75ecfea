/**
 * Sample-based drums: plays a drum part with a real Hydrogen kit in Node, each hit placed at the
 * exact frame of its MIDI time under the tempo map, open hi-hats choked by the next closed or
 * pedal hat, and a fixed balance per drum (samples are peak-normalised).
 */
import { tickToSeconds, type Arrangement, type Note } from './arrangement';
import { RATE, silence, type Stereo } from './audio-io';
import { layerFor, loadKit, sample } from './drum-kits';
import { GM_DRUMS } from './patterns';

// Level and pan (-1 left … 1 right) per GM drum.
const BALANCE: Record<number, [number, number]> = {
  [GM_DRUMS.kick]: [1, 0], [GM_DRUMS.snare]: [0.8, 0.05], [GM_DRUMS.rim]: [0.5, 0.05], [GM_DRUMS.clap]: [0.7, -0.05],
  [GM_DRUMS.hatC]: [0.38, 0.3], [GM_DRUMS.hatP]: [0.3, 0.3], [GM_DRUMS.hatO]: [0.38, 0.3], [GM_DRUMS.ride]: [0.35, -0.35],
  [GM_DRUMS.bell]: [0.35, -0.35], [GM_DRUMS.crash]: [0.4, -0.25], [GM_DRUMS.tomH]: [0.7, 0.3], [GM_DRUMS.tomM]: [0.7, 0],
  [GM_DRUMS.tomL]: [0.75, -0.3], [GM_DRUMS.shaker]: [0.25, 0.4], [GM_DRUMS.tamb]: [0.3, 0.4], [GM_DRUMS.cowbell]: [0.35, -0.2],
};

const CHOKE_FRAMES = Math.round(0.008 * RATE);

/** Returns the drum part of `arr` played with kit `kitName`, `frames` long. */
export async function renderKit(arr: Arrangement, kitName: string, frames: number): Promise<Stereo> {
  const kit = loadKit(kitName);
  const drums = arr.parts.find((p) => p.role === 'drums')?.notes ?? [];
  const out = silence(frames);
  for (let i = 0; i < drums.length; i++) {
    const note = drums[i];
    const layers = kit.get(note.pitch);
    if (!layers) continue;
    const audio = await sample(layerFor(layers, note.vel).file);
    const at = Math.round(tickToSeconds(arr.tempo, note.tick) * RATE);
    const length = note.pitch === GM_DRUMS.hatO ? chokeAt(drums, i, arr) - at : audio.left.length;
    const [level, pan] = BALANCE[note.pitch] ?? [0.5, 0];
    const gain = level * (note.vel / 127) ** 1.4;
    const gl = gain * Math.min(1, 1 - pan);
    const gr = gain * Math.min(1, 1 + pan);
    const end = Math.min(audio.left.length, length, frames - at);
    for (let j = 0; j < end; j++) {
      const fade = length - j < CHOKE_FRAMES ? (length - j) / CHOKE_FRAMES : 1;
      out.left[at + j] += audio.left[j] * gl * fade;
      out.right[at + j] += audio.right[j] * gr * fade;
    }
  }
  return out;
}

/** Returns the frame at which the open hat `drums[i]` is cut by the next closed or pedal hat. */
function chokeAt(drums: Note[], i: number, arr: Arrangement): number {
  for (let k = i + 1; k < drums.length; k++) {
    const p = drums[k].pitch;
    if (p === GM_DRUMS.hatC || p === GM_DRUMS.hatP) return Math.round(tickToSeconds(arr.tempo, drums[k].tick) * RATE);
  }
  return Number.MAX_SAFE_INTEGER;
}
