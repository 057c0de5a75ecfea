/**
 * Electronic styles: house and techno (four on the floor with OFF-BEAT hats and bass, the
 * anti-phase trap), breakbeat, drum & bass at 160–180, and half-time trap/dubstep whose truth is
 * the notated quarter (snare on beat 3; listeners may tap half of it).
 */
import { GM, type StyleSpec } from './style-spec';

const DANCE_PROGRAMS = {
  bass: [...GM.bassSynth, 87], comp: [...GM.organ, ...GM.epiano, 0, 62, 63, 50], lead: [...GM.leadSynth, 84, 98],
  pad: [...GM.padSynth, 50], arp: [81, 84, ...GM.mallets, 98],
};

/** House, 118–130 BPM: kick on every beat, open hat and bass on the off-beats. */
export const HOUSE: StyleSpec = {
  name: 'house', meter: '4/4', bpm: [118, 130], stepsPerBeat: 4, modes: ['minor', 'dorian', 'major'],
  grooves: [
    { kick: 'x...x...x...x...', clap: '....x.......x...', hatO: '..x...x...x...x.' },
    { kick: 'x...x...x...x...', clap: '....x.......x...', hatC: 'g.o.g.o.g.o.g.o.', hatO: '..x...x...x...x.' },
    { kick: 'x...x...x...x...', snare: '....x.......x...', hatO: '..o...o...o...o.', shaker: 'gogogogogogogogo' },
    { kick: 'x...x...x...x...', rim: '.......o..o.....', hatO: '..x...x...x...x.', hatC: 'g.g.g.g.g.g.g.g.' },
  ],
  bass: ['..R...r...R...r.', '..r-..r-..r-..r-', '..rr..r...rr..o.', '..r..fr...r..or.', '...r..r...r...r.'],
  comp: ['..x...x...x...x.', 'x---------------', '...x..x....x..x.', '.x.x..x..x.x..x.'],
  chordBars: [1, 2, 4], programs: DANCE_PROGRAMS, parts: { lead: 0.5, pad: 0.4, arp: 0.3 }, leadDensity: [0.15, 0.35],
};

/** Techno, 124–140 BPM: four on the floor, off-beat hats, rolling or off-beat bass. */
export const TECHNO: StyleSpec = {
  name: 'techno', meter: '4/4', bpm: [124, 140], stepsPerBeat: 4, modes: ['minor', 'dorian'],
  grooves: [
    { kick: 'x...x...x...x...', hatC: '..x...x...x...x.', clap: '....x.......x...' },
    { kick: 'x...x...x...x...', ride: '..x...x...x...x.', hatO: '..o...o...o...o.' },
    { kick: 'x...x...x...x...', hatC: 'g.x.g.x.g.x.g.x.' },
    { kick: 'x...x...x...x...', rim: '...o..o...o..o..', hatC: '..x...x...x...x.' },
  ],
  bass: ['.rrr.rrr.rrr.rrr', '..r...r...r...r.', '.r.r.r.r.r.r.r.r', '..R-.r..R-.r..r.'],
  comp: ['..x.......x.....', 'x---------------', '...x.....x....x.', '................'],
  chordBars: [2, 4], programs: DANCE_PROGRAMS, parts: { lead: 0.3, pad: 0.5, arp: 0.5 }, leadDensity: [0.1, 0.25],
};

/** Breakbeat, 125–150 BPM: syncopated breaks with ghost snares. */
export const BREAKBEAT: StyleSpec = {
  name: 'breakbeat', meter: '4/4', bpm: [125, 150], stepsPerBeat: 4, modes: ['minor', 'dorian'],
  grooves: [
    { kick: 'x.x.......xx....', snare: '....x..g.g..x..g', hatC: 'x.x.x.x.x.x.x.x.' },
    { kick: 'x.........x.....', snare: '....x.......x...', hatC: 'x.xxx.xxx.xxx.xx' },
    { kick: 'x..x......x..x..', snare: '....x..g.x..x...', hatC: 'x.x.x.x.x.x.x.x.', hatO: '..............x.' },
    { kick: 'x.....x...x.....', snare: '....x.......x..g', ride: 'x.x.x.x.x.x.x.x.' },
  ],
  bass: ['R-----r---r-----', 'r..r..r...r.....', 'R---......r-r---'],
  comp: ['x-------x-------', '...x.......x....', 'x---------------'],
  chordBars: [1, 2], programs: DANCE_PROGRAMS, parts: { lead: 0.5, pad: 0.4, arp: 0.3 }, leadDensity: [0.15, 0.3],
};

/** Drum & bass, 160–180 BPM: two-step and amen-like breaks over long bass notes. */
export const DNB: StyleSpec = {
  name: 'dnb', meter: '4/4', bpm: [160, 180], stepsPerBeat: 4, modes: ['minor', 'dorian'],
  grooves: [
    { kick: 'x.........x.....', snare: '....x.......x...', hatC: 'x.x.x.x.x.x.x.x.' },
    { kick: 'x.........xx....', snare: '....x..g.g..x...', hatC: 'x.x.x.x.x.x.x.x.' },
    { kick: 'x.x.......xx....', snare: '....x..x.x..x..x', ride: 'x.x.x.x.x.x.x.x.' },
    { kick: 'x......x..x.....', snare: '....x.......x...', shaker: 'gogogogogogogogo' },
  ],
  bass: ['R-------........', 'R-----r-------..', 'R-------r-------'],
  comp: ['x---------------', 'x-------x-------'],
  chordBars: [2, 4], programs: DANCE_PROGRAMS, parts: { lead: 0.4, pad: 0.7, arp: 0.3 }, leadDensity: [0.1, 0.25],
};

/** Half-time trap/dubstep, notated 130–150 BPM: kick on 1, snare (or clap) on 3, busy hats. */
export const HALFTIME: StyleSpec = {
  name: 'halftime', meter: '4/4', bpm: [130, 150], stepsPerBeat: 4, modes: ['minor'],
  grooves: [
    { kick: 'x......x..x.....', snare: '........x.......', hatC: 'x.x.x.x.x.x.xxxx' },
    { kick: 'x.........x..x..', clap: '........x.......', hatC: 'xxxxxxxxxxxxxxxx', hatO: '......o.........' },
    { kick: 'x.........x.....', snare: '........x.......', hatC: 'x.x.x.x.x.x.x.x.' },
    { kick: 'x.....x.........', snare: '........x.......', hatC: '..x...x...x...x.' },
  ],
  bass: ['R---------r-----', 'R-----r-----r---', 'R-------........'],
  comp: ['x---------------', '........x-------', 'x.......x.......'],
  chordBars: [2, 4], programs: { ...DANCE_PROGRAMS, lead: [...GM.bell, ...GM.mallets, 80] }, parts: { lead: 0.6, pad: 0.6, arp: 0.2 }, leadDensity: [0.1, 0.3],
};
