import { describe, expect, it } from 'vitest';
import { planWorkout } from '../../../src/core/program';
import { DUCK_RELEASE_SEC, fitClip, mixClips, voiceSlots, wordsHoldSec, VOICE_AFTER_CHIME_SEC } from '../../../src/core/voice-slots';
import { tabataTemplate } from '../../../src/core/workout-templates';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';

describe('voiceSlots: where the words go in an exported file', () => {
  it('says each step and the finish just after its chime, and ends before the next cue (metronome clicks aside)', () => {
    const p = planWorkout(tabataTemplate(), { library: [], demo: demoTrackInfos(), maxTempoChangePct: 0 }, { quantize: 'bar', countdownBeats: 3, metronome: true });
    const slots = voiceSlots(p.cues);
    const worded = p.cues.filter((c) => c.kind === 'step-start' || c.kind === 'finish');
    expect(slots).toHaveLength(worded.length);
    slots.forEach((s, i) => {
      expect(s.text).toBe((worded[i] as { text: string }).text);
      expect(s.atSec).toBeCloseTo(worded[i].timeSec + VOICE_AFTER_CHIME_SEC, 9);
      const next = p.cues.find((c) => c.kind !== 'metronome' && c.timeSec > worded[i].timeSec + 1e-6);
      if (next) expect(s.atSec + s.maxSec).toBeLessThan(next.timeSec);
      expect(s.maxSec).toBeGreaterThan(0.5);
    });
    // A 10-second rest with a 3-beat countdown into the next step leaves a few seconds for "Rest."
    const rest = slots.find((s) => s.text.startsWith('Rest'))!;
    expect(rest.maxSec).toBeGreaterThan(3);
    expect(rest.maxSec).toBeLessThan(10);
  });
});

describe('mixClips and fitClip', () => {
  it('adds a clip into both channels across the boundary of two pieces, each sample once', () => {
    const clip = { startFrame: 8, samples: Float32Array.from({ length: 6 }, (_, i) => i + 1) };
    const a = [new Float32Array(10), new Float32Array(10)];
    const b = [new Float32Array(10).fill(1), new Float32Array(10)];
    mixClips(a, 0, [clip]);
    mixClips(b, 10, [clip], 2);
    expect([...a[0]]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
    expect([...a[1]]).toEqual([...a[0]]);
    expect([...b[0]]).toEqual([7, 9, 11, 13, 1, 1, 1, 1, 1, 1]);
    expect([...b[1]]).toEqual([6, 8, 10, 12, 0, 0, 0, 0, 0, 0]);
  });

  it('cuts a clip that is too long with a short fade, and leaves one that fits alone', () => {
    const long = new Float32Array(44100).fill(0.5);
    const cut = fitClip(long, 22050, 44100);
    expect(cut.length).toBe(22050);
    expect(cut[cut.length - 1]).toBe(0);
    expect(cut[22050 - 882 - 1]).toBeCloseTo(0.5, 6);
    expect(cut[22050 - 441]).toBeLessThan(0.3);
    expect(fitClip(long, 44100, 44100)).toBe(long);
  });

  it('holds the music down under the words: as long as their clip where it is known, an estimate where not, not at all without a voice', () => {
    const cue = { timeSec: 10, text: 'Sprint. 30 seconds. Then easy.' };
    // The export's clip of these words runs from 10.3 to 13.1 s: the music is back up as they end.
    const known = { kind: 'known' as const, clips: [[4.3, 5] as const, [10 + VOICE_AFTER_CHIME_SEC, 13.1] as const, [20.3, 21] as const] };
    expect(wordsHoldSec(cue, known) + DUCK_RELEASE_SEC + cue.timeSec).toBeCloseTo(13.1, 9);
    // No clip for it (its words were not said), no text, no voice: no hold for words.
    expect(wordsHoldSec({ timeSec: 30, text: 'Done' }, known)).toBe(0);
    expect(wordsHoldSec({ timeSec: 10 }, known)).toBe(0);
    expect(wordsHoldSec(cue, { kind: 'none' })).toBe(0);
    // The browser's voice: 60 % of about as long as the words take to say, capped.
    expect(wordsHoldSec(cue, { kind: 'estimated' })).toBeCloseTo(0.6 * (0.4 + cue.text.length * 0.06), 9);
    expect(wordsHoldSec({ timeSec: 0, text: 'x'.repeat(500) }, { kind: 'estimated' })).toBeCloseTo(2.4, 9);
  });
});
