/**
 * Swing and meter styles: jazz swing and blues shuffle on a triplet grid, 3/4 waltz, 6/8 (the
 * dotted quarter is the beat and the BPM), and music without drums: piano, strings, arpeggios
 * and a piano waltz.
 */
import { GM, type StyleSpec } from './style-spec';

const NO_DRUMS = { lead: 0.8, pad: 0, arp: 0.3 };

/** Jazz swing, 100–210 BPM, triplet grid: ride "ding ding-a", hi-hat foot on 2 and 4, walking bass. */
export const SWING: StyleSpec = {
  name: 'swing', meter: '4/4', bpm: [100, 210], stepsPerBeat: 3, modes: ['major', 'dorian'], sevenths: true,
  grooves: [
    { ride: 'x..x.ox..x.o', hatP: '...x.....x..', kick: 'g..g..g..g..' },
    { ride: 'x..x.ox..x.o', hatP: '...x.....x..', snare: '.....g....g.' },
    { snare: 'o.go.go.go.g', hatP: '...x.....x..' },
    { ride: 'x..x.xx..x.x', hatP: '...x.....x..', kick: 'x.....x.....' },
  ],
  bass: ['w..w..w..w..', 'r..w..f..w..', 'r.....f.....'],
  comp: ['x....x......', 'x..x..x..x..', '..x..x.....x', '.....x.....x'],
  chordBars: [1, 2], programs: { bass: [32], comp: [0, 26, 4], lead: [65, 66, 56, 11], pad: [48], arp: [11] },
  parts: { lead: 0.7, pad: 0.1, arp: 0 }, leadDensity: [0.2, 0.4], low: { bass: 28, comp: 55, lead: 62, arp: 60 },
};

/** Blues shuffle, 80–130 BPM: twelve-bar blues, long-short triplet hats and boogie bass. */
export const SHUFFLE: StyleSpec = {
  name: 'shuffle', meter: '4/4', bpm: [80, 130], stepsPerBeat: 3, modes: ['major'], blues: true,
  grooves: [
    { kick: 'x.....x.....', snare: '...x.....x..', hatC: 'x.xx.xx.xx.x' },
    { kick: 'x.....x.....', snare: '...x.....x..', ride: 'x.xx.xx.xx.x' },
    { kick: 'x.x...x.x...', snare: '...x.....x..', hatC: 'x.xx.xx.xx.x' },
  ],
  bass: ['r.r3.3f.f6.6', 'r.rf.f6.6f.f'],
  comp: ['x.xx.xx.xx.x', 'x-....x-....', '...x.....x..'],
  chordBars: [1], programs: { bass: [...GM.bassFinger, 32], comp: [0, 16, 26, 29], lead: [65, 66, 22, 29], pad: [16], arp: [0] },
  parts: { lead: 0.6, pad: 0.1, arp: 0 }, leadDensity: [0.2, 0.35], low: { bass: 28, comp: 55, lead: 64, arp: 60 },
};

/** Waltz, 3/4 at 84–180 BPM (quarter beat): bass on 1, chords on 2 and 3. */
export const WALTZ: StyleSpec = {
  name: 'waltz', meter: '3/4', bpm: [84, 180], stepsPerBeat: 2, modes: ['major', 'minor'],
  grooves: [
    { kick: 'x.....', hatC: '..x.x.' },
    { kick: 'x.....', snare: '..g.g.', hatP: '..x.x.' },
    { kick: 'x.....', rim: '..o.o.', ride: 'x.x.x.' },
  ],
  bass: ['r.....', 'r...f.', 'r-----'],
  comp: ['..x.x.', '..x-x-', 'x.x.x.'],
  chordBars: [1, 2], programs: { bass: [32, 58, 33], comp: [0, 21, 48, 46], lead: [73, 40, 21, 71], pad: [48, 52], arp: [46, 0] },
  parts: { lead: 0.7, pad: 0.3, arp: 0.2 }, leadDensity: [0.25, 0.45],
};

/** 6/8 at 60–100 BPM (dotted quarter): two beats a bar of three eighths. */
export const SIXEIGHT: StyleSpec = {
  name: 'sixeight', meter: '6/8', bpm: [60, 100], stepsPerBeat: 3, modes: ['major', 'minor'],
  grooves: [
    { kick: 'x.....', snare: '...x..', hatC: 'xxxxxx' },
    { kick: 'x..x..', snare: '...x..', ride: 'x.xx.x' },
    { kick: 'x.....', rim: '...o..', hatC: 'x.xx.x' },
  ],
  bass: ['r..f..', 'r-----', 'r.ff.o'],
  comp: ['x.xx.x', 'x-----', '.xx.xx'],
  chordBars: [1, 2], programs: { bass: [...GM.bassFinger, 32], comp: [0, 25, 48, 4], lead: [73, 65, 40, 52], pad: [48, 89], arp: [46, 0, 25] },
  parts: { lead: 0.6, pad: 0.3, arp: 0.5 }, leadDensity: [0.3, 0.5],
};

/** Solo piano without drums, 60–140 BPM: left-hand bass, block or broken chords, melody. */
export const PIANO: StyleSpec = {
  name: 'piano', meter: '4/4', bpm: [60, 140], stepsPerBeat: 4, modes: ['major', 'minor'], grooves: [],
  bass: ['r-------f-------', 'r---------------', 'r-------r-------', 'r---f---o---f---'],
  comp: ['x-------x-------', 'x---x---x---x---', 'x..x..x.x..x..x.', 'x-x-x-x-x-x-x-x-'],
  chordBars: [1, 2], programs: { bass: [0, 1], comp: [0, 1, 2, 4], lead: [0, 1, 2], pad: [48], arp: [0] },
  parts: NO_DRUMS, leadDensity: [0.2, 0.45],
};

/** String ensemble without drums, 60–120 BPM: slow-attack chords, pizzicato or held bass. */
export const STRINGS: StyleSpec = {
  name: 'strings', meter: '4/4', bpm: [60, 120], stepsPerBeat: 4, modes: ['major', 'minor'], grooves: [],
  bass: ['r---------------', 'r...r...r...r...', 'r---r---f---r---'],
  comp: ['x---------------', 'x-------x-------', 'x---x---x---x---'],
  chordBars: [1, 2], programs: { bass: [45, 43, 42], comp: [48, 49, 52, 44], lead: [40, 73, 68, 71], pad: [49], arp: [46, 45] },
  parts: { lead: 0.8, pad: 0, arp: 0.4 }, leadDensity: [0.15, 0.35],
};

/** Arpeggios without drums, 80–170 BPM: harp, mallets or synth over held chords. */
export const ARPEGGIO: StyleSpec = {
  name: 'arpeggio', meter: '4/4', bpm: [80, 170], stepsPerBeat: 4, modes: ['major', 'minor', 'dorian'], grooves: [],
  bass: ['r---------------', 'R-------r-------', ''.padEnd(16, '.')],
  comp: ['x---------------', 'x-------x-------'],
  chordBars: [1, 2], programs: { bass: [32, 38, 0], comp: [...GM.padSynth, 48, 52], lead: [73, 81, 11], pad: [89, 48], arp: [46, ...GM.mallets, 81, 0, 6, 24] },
  parts: { lead: 0.4, pad: 0.5, arp: 1 }, leadDensity: [0.1, 0.3],
};

/** Piano waltz without drums, 3/4 at 72–170 BPM. */
export const PIANO_WALTZ: StyleSpec = {
  ...WALTZ, name: 'piano-waltz', bpm: [72, 170], grooves: [],
  programs: { bass: [0, 1], comp: [0, 1, 4, 21], lead: [0, 1, 73], pad: [48], arp: [0] }, parts: NO_DRUMS,
};
