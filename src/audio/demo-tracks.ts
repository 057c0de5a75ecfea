/**
 * Synthesises the built-in demo loops with Tone.js (no third-party audio). Each loop is a
 * whole number of 4/4 bars starting on a downbeat at 0 s, so its beat grid is exact.
 * A loop's pattern repeats after its chords (one per bar), so only that period is rendered, with the
 * sound that rings on past it, and laid end to end: half the rendering of the whole loop, the same music.
 */
import * as Tone from 'tone';
import { DEMO_LOOP_BARS, type DemoTrackSpec } from './demo-catalog';

/** Bump when the synthesis changes: loops kept from an older renderer are then rendered again. */
export const DEMO_RENDER_VERSION = 2;

const SAMPLE_RATE = 44100;
/** How long the last notes of a period ring on into the next, seconds. */
const TAIL_SEC = 1;

/** Renders one demo loop offline and returns its audio (stereo, 44.1 kHz). */
export async function renderDemoTrack(spec: DemoTrackSpec): Promise<AudioBuffer> {
  const beat = 60 / spec.bpm;
  const periodBars = DEMO_LOOP_BARS % spec.roots.length === 0 ? spec.roots.length : DEMO_LOOP_BARS;
  // Its own offline context, never Tone's global one: a render may run while a live workout starts.
  const context = new Tone.OfflineContext(2, periodBars * 4 * beat + TAIL_SEC, SAMPLE_RATE);
  const band = createBand(context);
  for (let bar = 0; bar < periodBars; bar++) {
    const root = Tone.Frequency(spec.roots[bar % spec.roots.length]);
    for (let b = 0; b < 4; b++) {
      const t = (bar * 4 + b) * beat;
      playDrums(spec.style, t, b, beat, band);
      const bassT = spec.style === 'house' ? t + beat / 2 : t;
      band.bass.triggerAttackRelease(root.toFrequency(), beat * 0.4, bassT);
      // The pad holds each chord until the next, so the music never drops to silence.
      if (b === 0 || (spec.style !== 'house' && b === 2)) {
        const chord = [0, 3, 7].map((st) => root.transpose(24 + st).toFrequency());
        band.pad.triggerAttackRelease(chord, spec.style === 'house' ? beat * 4 : beat * 2, t);
      }
    }
    // Placing notes is main-thread work: a bar at a time keeps the page responsive (the other loops render while a workout plays).
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const period = (await context.render()).get();
  if (!period) throw new Error(`Could not render the demo track "${spec.title}".`);
  return layEndToEnd(period, periodBars * 4 * beat, DEMO_LOOP_BARS * 4 * beat);
}

// Returns `loopSec` of audio made of copies of `period` every `periodSec`, each one's tail added into the next.
function layEndToEnd(period: AudioBuffer, periodSec: number, loopSec: number): AudioBuffer {
  const rate = period.sampleRate;
  const loop = new AudioBuffer({ length: Math.round(loopSec * rate), numberOfChannels: period.numberOfChannels, sampleRate: rate });
  for (let c = 0; c < period.numberOfChannels; c++) {
    const from = period.getChannelData(c);
    const to = loop.getChannelData(c);
    for (let k = 0, start = 0; start < to.length; k++, start = Math.round(k * periodSec * rate)) {
      const n = Math.min(from.length, to.length - start);
      for (let i = 0; i < n; i++) to[start + i] += from[i];
    }
  }
  return loop;
}

interface Band {
  kick: Tone.MembraneSynth;
  snare: Tone.NoiseSynth;
  hat: Tone.MetalSynth;
  bass: Tone.MonoSynth;
  pad: Tone.PolySynth;
}

// The instruments, mixed into the destination of `context`.
function createBand(context: Tone.OfflineContext): Band {
  const master = new Tone.Gain({ context, gain: 0.55 }).toDestination();
  const bus = (gain: number) => new Tone.Gain({ context, gain }).connect(master);
  return {
    kick: new Tone.MembraneSynth({ context, pitchDecay: 0.03, octaves: 6, envelope: { attack: 0.001, decay: 0.3, sustain: 0 } }).connect(master),
    snare: new Tone.NoiseSynth({ context, noise: { type: 'white' }, envelope: { attack: 0.001, decay: 0.15, sustain: 0 } }).connect(bus(0.45)),
    hat: new Tone.MetalSynth({ context, envelope: { attack: 0.001, decay: 0.04, release: 0.01 }, harmonicity: 5.1, modulationIndex: 32, resonance: 4000, octaves: 1.5 }).connect(bus(0.08)),
    bass: new Tone.MonoSynth({ context, oscillator: { type: 'sawtooth' }, filter: { Q: 2, type: 'lowpass' }, filterEnvelope: { attack: 0.005, decay: 0.15, sustain: 0.2, baseFrequency: 120, octaves: 2.5 }, envelope: { attack: 0.005, decay: 0.2, sustain: 0.4, release: 0.05 } }).connect(bus(0.35)),
    pad: new Tone.PolySynth({ context, voice: Tone.Synth, options: { oscillator: { type: 'triangle' }, envelope: { attack: 0.02, decay: 0.3, sustain: 0.5, release: 0.3 } } }).connect(bus(0.1)),
  };
}

/** Places one beat of drums for a style; every beat has a kick or snare so the pulse is clear. */
function playDrums(style: DemoTrackSpec['style'], t: number, beatInBar: number, beat: number, kit: Band): void {
  const backbeat = beatInBar === 1 || beatInBar === 3;
  if (style === 'house' || !backbeat) kit.kick.triggerAttackRelease('C1', beat * 0.5, t, beatInBar === 0 ? 1 : 0.85);
  if (style === 'dnb' && beatInBar === 2) kit.kick.triggerAttackRelease('C1', beat * 0.3, t + beat / 2, 0.7);
  if (backbeat) kit.snare.triggerAttackRelease(beat * 0.3, t, style === 'house' ? 0.6 : 0.9);
  // In time order: a monophonic synth refuses events scheduled before its last one.
  if (style !== 'house') kit.hat.triggerAttackRelease('C6', 0.02, t, 0.4);
  kit.hat.triggerAttackRelease('C6', 0.03, t + beat / 2, 0.8);
}
