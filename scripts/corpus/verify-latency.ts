/**
 * `npx tsx scripts/corpus/verify-latency.ts`: measures the delay between a note's time and its
 * first sound for every soundfont (drums and pitched instruments), every drum kit, and every
 * codec as the analyser decodes it (scripts/decode-file.ts) — the constant offsets the truth
 * would need if they were not near zero.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeFile } from '../decode-file';
import { METERS, type Arrangement } from './arrangement';
import { silence, type Stereo } from './audio-io';
import { encodeClip, type Augment, type Codec } from './augment';
import { KITS } from './drum-kits';
import { firstSound } from './onsets';
import { GM_DRUMS } from './patterns';
import { renderMidi, SOUNDFONTS, toMidi, type SoundfontName } from './render-fluid';
import { renderKit } from './render-samples';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-latency-'));
const mono = (a: Stereo): Float32Array => a.left.map((x, i) => x + a.right[i]);
const ms = (x: number): string => (Number.isNaN(x) ? '  –' : (1000 * x).toFixed(1).padStart(5));

// One note per second at 60 quarter notes a minute (480 ticks = 1 s).
const PROBES: { label: string; role: 'drums' | 'lead'; program: number; pitch: number }[] = [
  { label: 'kick', role: 'drums', program: 0, pitch: GM_DRUMS.kick }, { label: 'snare', role: 'drums', program: 0, pitch: GM_DRUMS.snare },
  { label: 'hat', role: 'drums', program: 0, pitch: GM_DRUMS.hatC }, { label: 'piano', role: 'lead', program: 0, pitch: 60 },
  { label: 'bass', role: 'lead', program: 33, pitch: 40 }, { label: 'guitar', role: 'lead', program: 29, pitch: 52 },
  { label: 'organ', role: 'lead', program: 16, pitch: 60 }, { label: 'strings', role: 'lead', program: 48, pitch: 60 },
];

/** Returns an arrangement holding one probe note at `1 + index` seconds (others silent). */
function probeArrangement(index: number): Arrangement {
  const p = PROBES[index];
  return {
    meter: METERS['4/4'], tempo: [{ tick: 0, qpm: 60 }], pickupTicks: 0, totalTicks: 480 * 3, info: {},
    parts: [{ role: p.role, program: p.program, notes: [{ tick: 480, dur: 240, pitch: p.pitch, vel: 110 }] }],
  };
}

console.log(`note → first sound (10 % of peak), ms\n${'soundfont'.padEnd(12)}${PROBES.map((p) => p.label.padStart(8)).join('')}`);
for (const sf of Object.keys(SOUNDFONTS) as SoundfontName[]) {
  const cells: string[] = [];
  for (let i = 0; i < PROBES.length; i++) {
    const audio = await renderMidi(toMidi(probeArrangement(i)), { soundfont: sf, reverb: false, chorus: false }, work);
    cells.push(ms(firstSound(mono(audio), 44100, 0.95) - 1).padStart(8));
  }
  console.log(sf.padEnd(12) + cells.join(''));
}

console.log(`\n${'drum kit'.padEnd(24)}    kick   snare     hat`);
for (const kit of KITS) {
  const cells: string[] = [];
  for (let i = 0; i < 3; i++) {
    const audio = await renderKit(probeArrangement(i), kit, 44100 * 3);
    cells.push(ms(firstSound(mono(audio), 44100, 0.95) - 1).padStart(8));
  }
  console.log(kit.padEnd(24) + cells.join(''));
}

// A click (1 ms burst) every second from 1 s, encoded as the corpus encodes, decoded as the analyser decodes.
const clicks = silence(44100 * 8);
for (let s = 1; s < 8; s++) for (let i = 0; i < 44; i++) clicks.left[s * 44100 + i] = clicks.right[s * 44100 + i] = 0.8 * (1 - i / 44);
console.log('\ncodec (decoded by scripts/decode-file.ts)   mean offset of 7 clicks, ms');
for (const [codec, bitrateK] of [['mp3', 128], ['mp3', 48], ['flac', 0], ['m4a', 0], ['ogg', 0]] as [Codec, number][]) {
  const aug: Augment = { offsetS: 0, leadInS: 0, levelDb: -1, codec, ...(bitrateK ? { bitrateK } : {}) };
  const file = path.join(work, `clicks.${codec}`);
  await encodeClip(clicks, aug, file, work);
  const decoded = await decodeFile(file, 44100);
  const offsets = [1, 2, 3, 4, 5, 6, 7].map((s) => firstSound(decoded.pcm, decoded.sampleRate, s - 0.05, 0.2) - s);
  console.log(`${`${codec}${bitrateK ? ` ${bitrateK}k` : ''}`.padEnd(44)}${ms(offsets.reduce((a, b) => a + b, 0) / offsets.length)}`);
}
fs.rmSync(work, { recursive: true });
