/**
 * MIDI rendering: writes an arrangement as a Standard MIDI File (@tonejs/midi, MIT) and renders it
 * with FluidSynth to float stereo. FluidSynth plays each note at its MIDI time (measured onset
 * latency 3–10 ms, the soundfonts' attack; see verify-truth.ts), so the truth needs no offset.
 */
import fs from 'node:fs';
import path from 'node:path';
import midiPkg from '@tonejs/midi';
import type { Arrangement, Part } from './arrangement';
import { fromInterleaved, RATE, run, type Stereo } from './audio-io';

const { Midi } = midiPkg;

/** The soundfonts the corpus renders with, by short name. */
export const SOUNDFONTS = {
  fluidr3: '/usr/share/sounds/sf2/FluidR3_GM.sf2',
  timgm6mb: '/usr/share/sounds/sf2/TimGM6mb.sf2',
  musescore: '/usr/share/sounds/sf3/MuseScore_General_Lite.sf3',
  opl3: '/usr/share/sounds/sf2/OPL-3_FM_128M.sf2',
} as const;

/** A soundfont's short name. */
export type SoundfontName = keyof typeof SOUNDFONTS;

/** Returns the arrangement's parts for which `keep` is true as MIDI file bytes. */
export function toMidi(arr: Arrangement, keep: (part: Part) => boolean = () => true): Uint8Array {
  const midi = new Midi();
  // @tonejs/midi floors 60e6 / bpm to whole microseconds; a quarter of a microsecond more per beat makes
  // the floor land exactly on the value the truth was computed with (quantizeQpm).
  midi.header.tempos = arr.tempo.map((p) => ({ ticks: p.tick, bpm: 60e6 / (Math.round(60e6 / p.qpm) + 0.25) }));
  midi.header.timeSignatures = [{ ticks: 0, timeSignature: [arr.meter.num, arr.meter.den] }];
  midi.header.update();
  let channel = 0;
  for (const part of arr.parts.filter(keep)) {
    const track = midi.addTrack();
    if (part.role === 'drums') track.channel = 9;
    else {
      track.channel = channel;
      channel = channel === 8 ? 10 : channel + 1;
      track.instrument.number = part.program;
    }
    for (const n of part.notes) track.addNote({ midi: n.pitch, ticks: n.tick, durationTicks: n.dur, velocity: n.vel / 127 });
  }
  return midi.toArray();
}

/** Rendering choices for FluidSynth. */
export interface FluidOptions {
  soundfont: SoundfontName;
  reverb: boolean;
  chorus: boolean;
}

/** Returns the MIDI bytes rendered by FluidSynth (44.1 kHz float stereo); `work` holds the temporary files. */
export async function renderMidi(midiBytes: Uint8Array, opts: FluidOptions, work: string): Promise<Stereo> {
  const mid = path.join(work, 'in.mid');
  const raw = path.join(work, 'out.raw');
  fs.writeFileSync(mid, midiBytes);
  await run('fluidsynth', [
    '-ni', '-q', '-g', '0.5', '-R', opts.reverb ? '1' : '0', '-C', opts.chorus ? '1' : '0', '-o', 'synth.polyphony=512',
    '-r', String(RATE), '-T', 'raw', '-O', 'float', '-E', 'little', '-F', raw, SOUNDFONTS[opts.soundfont], mid,
  ]);
  const audio = fromInterleaved(fs.readFileSync(raw));
  fs.rmSync(mid);
  fs.rmSync(raw);
  return audio;
}
