/**
 * Synthesises the built-in demo loops with Tone.js (no third-party audio). Each loop is a
 * whole number of 4/4 bars starting on a downbeat at 0 s, so its beat grid is exact.
 */
import * as Tone from 'tone';
import { DEMO_LOOP_BARS, type DemoTrackSpec } from './demo-catalog';
import { renderOffline } from './offline-queue';

/** Renders one demo loop offline and returns its audio (stereo, 44.1 kHz). */
export async function renderDemoTrack(spec: DemoTrackSpec): Promise<AudioBuffer> {
  const beat = 60 / spec.bpm;
  const rendered = await renderOffline(() => {
    const master = new Tone.Gain(0.55).toDestination();
    const kick = new Tone.MembraneSynth({ pitchDecay: 0.03, octaves: 6, envelope: { attack: 0.001, decay: 0.3, sustain: 0 } }).connect(master);
    const snare = new Tone.NoiseSynth({ noise: { type: 'white' }, envelope: { attack: 0.001, decay: 0.15, sustain: 0 } }).connect(new Tone.Gain(0.45).connect(master));
    const hat = new Tone.MetalSynth({ envelope: { attack: 0.001, decay: 0.04, release: 0.01 }, harmonicity: 5.1, modulationIndex: 32, resonance: 4000, octaves: 1.5 }).connect(new Tone.Gain(0.08).connect(master));
    const bass = new Tone.MonoSynth({ oscillator: { type: 'sawtooth' }, filter: { Q: 2, type: 'lowpass' }, filterEnvelope: { attack: 0.005, decay: 0.15, sustain: 0.2, baseFrequency: 120, octaves: 2.5 }, envelope: { attack: 0.005, decay: 0.2, sustain: 0.4, release: 0.05 } }).connect(new Tone.Gain(0.35).connect(master));
    const pad = new Tone.PolySynth(Tone.Synth, { oscillator: { type: 'triangle' }, envelope: { attack: 0.02, decay: 0.3, sustain: 0.5, release: 0.3 } }).connect(new Tone.Gain(0.1).connect(master));

    for (let bar = 0; bar < DEMO_LOOP_BARS; bar++) {
      const root = Tone.Frequency(spec.roots[bar % spec.roots.length]);
      for (let b = 0; b < 4; b++) {
        const t = (bar * 4 + b) * beat;
        playDrums(spec.style, t, b, beat, { kick, snare, hat });
        const bassT = spec.style === 'house' ? t + beat / 2 : t;
        bass.triggerAttackRelease(root.toFrequency(), beat * 0.4, bassT);
        // The pad holds each chord until the next, so the music never drops to silence.
        if (b === 0 || (spec.style !== 'house' && b === 2)) {
          const chord = [0, 3, 7].map((st) => root.transpose(24 + st).toFrequency());
          pad.triggerAttackRelease(chord, spec.style === 'house' ? beat * 4 : beat * 2, t);
        }
      }
    }
  }, (DEMO_LOOP_BARS * 4 * beat), 2, 44100);
  const buffer = rendered.get();
  if (!buffer) throw new Error(`Could not render the demo track "${spec.title}".`);
  return buffer;
}

interface Kit {
  kick: Tone.MembraneSynth;
  snare: Tone.NoiseSynth;
  hat: Tone.MetalSynth;
}

/** Places one beat of drums for a style; every beat has a kick or snare so the pulse is clear. */
function playDrums(style: DemoTrackSpec['style'], t: number, beatInBar: number, beat: number, kit: Kit): void {
  const backbeat = beatInBar === 1 || beatInBar === 3;
  if (style === 'house' || !backbeat) kit.kick.triggerAttackRelease('C1', beat * 0.5, t, beatInBar === 0 ? 1 : 0.85);
  if (style === 'dnb' && beatInBar === 2) kit.kick.triggerAttackRelease('C1', beat * 0.3, t + beat / 2, 0.7);
  if (backbeat) kit.snare.triggerAttackRelease(beat * 0.3, t, style === 'house' ? 0.6 : 0.9);
  // In time order: a monophonic synth refuses events scheduled before its last one.
  if (style !== 'house') kit.hat.triggerAttackRelease('C6', 0.02, t, 0.4);
  kit.hat.triggerAttackRelease('C6', 0.03, t + beat / 2, 0.8);
}
