/**
 * Band styles: rock and punk at 145–210 BPM (where analysers fall to half tempo; punk's polka
 * beat puts the snare on the off-beats), syncopated funk and pop, boom-bap hip-hop at 80–100 with
 * swung sixteenths, one-drop reggae (kick and snare on 3, off-beat skank) and ska.
 */
import { GM, type StyleSpec } from './style-spec';

/** Rock, 145–200 BPM: eighth-note hats, backbeat, driven guitar chords. */
export const ROCK: StyleSpec = {
  name: 'rock', meter: '4/4', bpm: [145, 200], stepsPerBeat: 4, modes: ['major', 'mixolydian', 'minor'],
  grooves: [
    { kick: 'x.......x.x.....', snare: '....x.......x...', hatC: 'x.x.x.x.x.x.x.x.' },
    { kick: 'x.....x.x.......', snare: '....x.......x...', ride: 'x.x.x.x.x.x.x.x.' },
    { kick: 'x...x...x...x...', snare: '....x.......x...', hatC: 'x.x.x.x.x.x.x.x.' },
    { kick: 'x..x..x.x.......', snare: '....x.......x..g', hatO: 'x.x.x.x.x.x.x.x.' },
  ],
  bass: ['r.r.r.r.r.r.r.r.', 'R.r.r.r.f.f.r.r.', 'r...r...r...r.f.', 'R-r-R-r-f-f-o-r-'],
  comp: ['x.x.x.x.x.x.x.x.', 'x-----x-x-----x-', 'x---x---x---x---', 'x-x-x-x-x-x-x-x-'],
  chordBars: [1, 2], programs: { bass: [...GM.bassFinger, 35], comp: [...GM.guitarDrive, ...GM.organ], lead: [30, 81, 65], pad: [48, 16], arp: [27] },
  parts: { lead: 0.5, pad: 0.2, arp: 0.1 }, leadDensity: [0.15, 0.35], low: { bass: 28, comp: 52, lead: 64, arp: 60 },
};

/** Punk, 175–210 BPM: polka/d-beat (snare on the off-beats) or a fast backbeat. */
export const PUNK: StyleSpec = {
  name: 'punk', meter: '4/4', bpm: [175, 210], stepsPerBeat: 4, modes: ['major', 'minor'],
  grooves: [
    { kick: 'x...x...x...x...', snare: '..x...x...x...x.', hatC: 'x.x.x.x.x.x.x.x.' },
    { kick: 'x.......x.......', snare: '....x.......x...', hatC: 'x.x.x.x.x.x.x.x.' },
    { kick: 'x.x.....x.x.....', snare: '....x.......x...', ride: 'x.x.x.x.x.x.x.x.' },
    { kick: 'x...x.x.x...x.x.', snare: '....x.......x...', hatC: 'x.x.x.x.x.x.x.x.' },
  ],
  bass: ['r.r.r.r.r.r.r.r.', 'R.r.r.r.r.r.f.f.'],
  comp: ['x.x.x.x.x.x.x.x.', 'x-x-x-x-x-x-x-x-', 'x---x---x---x---'],
  chordBars: [1, 2], programs: { bass: [...GM.bassFinger, 34], comp: [...GM.guitarDrive], lead: [30, 29], pad: [48], arp: [29] },
  parts: { lead: 0.3, pad: 0.1, arp: 0 }, leadDensity: [0.1, 0.25], low: { bass: 28, comp: 52, lead: 64, arp: 60 },
};

/** Funk, 90–120 BPM: syncopated kick, ghost notes, sixteenth hats, slap bass, clavinet stabs. */
export const FUNK: StyleSpec = {
  name: 'funk', meter: '4/4', bpm: [90, 120], stepsPerBeat: 4, modes: ['dorian', 'minor', 'mixolydian'], sevenths: true,
  grooves: [
    { kick: 'x..x..x...x..x..', snare: '....x..g.g..x..g', hatC: 'xoxoxoxoxoxoxoxo' },
    { kick: 'x.x...x..x......', snare: '....x..g....x.g.', hatC: 'x.o.x.o.x.o.x.o.', hatO: '.......o........' },
    { kick: 'x......x..x.....', snare: '....x.g.g.g.x...', hatC: 'xoooxoooxoooxooo' },
  ],
  bass: ['R..r..o.r.r..fo.', 'R.ro..r.R..o.rr.', 'R...r.o..r.Ro..r', 'R-.r.or..o.r.f7.'],
  comp: ['.x.x..x..x.x..x.', '..x..x..x..x..x.', 'x..x..x...x..x..', '....x.x.....x.x.'],
  chordBars: [1, 2], programs: { bass: [...GM.bassSlap, 33], comp: [...GM.clav, ...GM.guitarMuted, 4], lead: [...GM.brass, ...GM.sax], pad: [48, 61], arp: [7] },
  parts: { lead: 0.5, pad: 0.2, arp: 0.1 }, leadDensity: [0.2, 0.4],
};

/** Pop, 96–128 BPM: syncopated kicks or four on the floor, piano or guitar eighths. */
export const POP: StyleSpec = {
  name: 'pop', meter: '4/4', bpm: [96, 128], stepsPerBeat: 4, modes: ['major', 'minor'],
  grooves: [
    { kick: 'x.....x.x.......', snare: '....x.......x...', hatC: 'x.x.x.x.x.x.x.x.' },
    { kick: 'x.......x.x.....', clap: '....x.......x...', hatC: 'xoxoxoxoxoxoxoxo' },
    { kick: 'x..x....x..x....', snare: '....x.......x...', shaker: 'gogogogogogogogo' },
    { kick: 'x...x...x...x...', snare: '....x.......x...', hatC: '..x...x...x...x.' },
  ],
  bass: ['r.r.r.r.r.r.r.r.', 'R..r..r.R...r...', 'R-..r-..R-..f-..', 'R.....r.r...f...'],
  comp: ['x.x.x.x.x.x.x.x.', 'x..x..x.x..x..x.', 'x-------x-------', '..x...x...x...x.'],
  chordBars: [1, 2], programs: { bass: [...GM.bassFinger, ...GM.bassSynth], comp: [...GM.piano, ...GM.guitarClean, ...GM.epiano], lead: [...GM.leadSynth, ...GM.flute, 65], pad: [...GM.strings, ...GM.padSynth], arp: [...GM.mallets, 46] },
  parts: { lead: 0.7, pad: 0.4, arp: 0.3 }, leadDensity: [0.2, 0.4],
};

/** Hip-hop, 80–100 BPM: boom-bap drums with swung sixteenths, electric piano loops. */
export const HIPHOP: StyleSpec = {
  name: 'hiphop', meter: '4/4', bpm: [80, 100], stepsPerBeat: 4, swing: [0.5, 0.62], swing16: true, modes: ['minor', 'dorian'], sevenths: true,
  grooves: [
    { kick: 'x.......x.x.....', snare: '....x.......x...', hatC: 'x.x.x.x.x.x.x.x.' },
    { kick: 'x..x......x.....', snare: '....x.......x...', hatC: 'xoxoxoxoxoxoxoxo' },
    { kick: 'x.....x...x..x..', snare: '....x.......x..g', hatC: 'x.x.x.x.x.x.x.x.', hatO: '..............o.' },
  ],
  bass: ['R.....r...r.....', 'R-------..r-r---', 'R..r......r.....'],
  comp: ['x-------....x---', 'x-------x-------', '..x.......x.....', 'x-----x-----x---'],
  chordBars: [1, 2], programs: { bass: [...GM.bassFinger, ...GM.bassSynth, 32], comp: [...GM.epiano, 0, 48, 11], lead: [...GM.flute, ...GM.bell, 11], pad: [...GM.strings, 89], arp: [...GM.mallets] },
  parts: { lead: 0.4, pad: 0.3, arp: 0.2 }, leadDensity: [0.1, 0.25],
};

/** Reggae one-drop, 64–90 BPM: kick and rim on 3, off-beat skank, melodic bass. */
export const REGGAE: StyleSpec = {
  name: 'reggae', meter: '4/4', bpm: [64, 90], stepsPerBeat: 4, swing: [0.5, 0.6], modes: ['major', 'minor'],
  grooves: [
    { kick: '........x.......', rim: '........x.......', hatC: 'x.x.x.x.x.x.x.x.' },
    { kick: '........x.......', snare: '........x.......', hatC: '..x...x...x...x.' },
    { kick: '........x.......', rim: '........x.......', hatC: 'x.xxx.xxx.xxx.xx' },
  ],
  bass: ['R-..r...f-..r...', '..r-r...R---.r..', 'R--.f--.o--.f...', '....R-r-f---r...'],
  comp: ['..x...x...x...x.', '....x.......x...', '..x-..x-..x-..x-', '..xx..x...xx..x.'],
  chordBars: [1, 2], programs: { bass: [...GM.bassFinger, 38], comp: [27, 28, 16, 17, 0], lead: [16, 22, 61, 65], pad: [16, 48], arp: [16] },
  parts: { lead: 0.4, pad: 0.2, arp: 0 }, leadDensity: [0.1, 0.3],
};

/** Ska, 110–160 BPM: backbeat drums, off-beat skank chords, walking bass, horns. */
export const SKA: StyleSpec = {
  name: 'ska', meter: '4/4', bpm: [110, 160], stepsPerBeat: 4, modes: ['major', 'minor'],
  grooves: [
    { kick: 'x.......x.......', snare: '....x.......x...', hatC: 'x.x.x.x.x.x.x.x.' },
    { kick: 'x...x...x...x...', snare: '....x.......x...', ride: 'x.xxx.xxx.xxx.xx' },
    { kick: 'x.......x.......', rim: '..x...x...x...x.', hatC: 'x.x.x.x.x.x.x.x.' },
  ],
  bass: ['r...3...f...o...', 'w...w...w...w...', 'r...r...f...f...'],
  comp: ['..x...x...x...x.', '..x-..x-..x-..x-'],
  chordBars: [1, 2], programs: { bass: [...GM.bassFinger, 32], comp: [27, 28, 0, 16], lead: [...GM.brass, ...GM.sax, 56], pad: [16], arp: [16] },
  parts: { lead: 0.7, pad: 0.1, arp: 0 }, leadDensity: [0.2, 0.4],
};
