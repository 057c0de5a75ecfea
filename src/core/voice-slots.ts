/**
 * Where the spoken words go in an exported workout file: each cue with words (a step's start, the finish) is
 * said just after its chime, and must be over before the next cue sounds (the countdown into the next step, or
 * the next step itself), so the words never talk over the beat they lead to. Pure.
 */
import type { Cue } from './cue-plan';
import type { Seconds } from './units';

/** The words start this long after their chime (its notes are under way by then). */
export const VOICE_AFTER_CHIME_SEC = 0.3;
/** The words end at least this long before the next cue. */
const CLEAR_BEFORE_NEXT_SEC = 0.05;
/** Longest a clip may run when nothing follows it (the finish), seconds. */
const LAST_MAX_SEC = 6;

/** One clip to say: its words, when it starts on the workout clock, and how long it may last. */
export interface VoiceSlot {
  text: string;
  atSec: Seconds;
  maxSec: Seconds;
}

/** Returns the voice slots of `cues` (sorted by time), in order; metronome clicks are not cues one waits for. */
export function voiceSlots(cues: readonly Cue[]): VoiceSlot[] {
  const slots: VoiceSlot[] = [];
  cues.forEach((cue, i) => {
    if ((cue.kind !== 'step-start' && cue.kind !== 'finish') || !cue.text) return;
    const atSec = cue.timeSec + VOICE_AFTER_CHIME_SEC;
    const next = cues.slice(i + 1).find((c) => c.kind !== 'metronome' && c.timeSec > cue.timeSec + 1e-6);
    const maxSec = next ? next.timeSec - CLEAR_BEFORE_NEXT_SEC - atSec : LAST_MAX_SEC;
    slots.push({ text: cue.text, atSec, maxSec: Math.max(0, maxSec) });
  });
  return slots;
}

/**
 * How long a cue's words are heard, for the music's duck under them: not at all (no voice), about as long as the
 * text takes to say (the browser's voice, whose length is not known ahead), or as the clips said (an export:
 * each clip's start and end on the workout clock).
 */
export type SpokenWords = { kind: 'none' } | { kind: 'estimated' } | { kind: 'known'; clips: readonly (readonly [startSec: Seconds, endSec: Seconds])[] };

/** The music comes back up over this long, from the duck to its level. */
export const DUCK_RELEASE_SEC = 0.3;

/**
 * Returns how long after `cue` the music holds its duck for the cue's words, seconds (0 without words): known
 * words end as the music is back at its level; estimated ones hold for 60 % of the time they take to say.
 */
export function wordsHoldSec(cue: Pick<Cue, 'timeSec'> & { text?: string }, spoken: SpokenWords): Seconds {
  if (spoken.kind === 'none' || !cue.text) return 0;
  if (spoken.kind === 'estimated') return 0.6 * Math.min(4, 0.4 + cue.text.length * 0.06);
  const clip = spoken.clips.find(([start]) => start >= cue.timeSec - 1e-6 && start <= cue.timeSec + VOICE_AFTER_CHIME_SEC + 0.1);
  return clip ? Math.max(0, clip[1] - DUCK_RELEASE_SEC - cue.timeSec) : 0;
}

/** A clip placed in the file: its first frame and its mono samples. */
export interface PlacedClip {
  startFrame: number;
  samples: Float32Array;
}

/** Adds every clip's samples (× `gain`) into `channels`, whose first frame is file frame `startFrame`. */
export function mixClips(channels: readonly Float32Array[], startFrame: number, clips: readonly PlacedClip[], gain = 1): void {
  const length = channels[0]?.length ?? 0;
  for (const clip of clips) {
    const from = Math.max(0, clip.startFrame - startFrame);
    const to = Math.min(length, clip.startFrame + clip.samples.length - startFrame);
    for (const ch of channels) for (let i = from; i < to; i++) ch[i] += clip.samples[i + startFrame - clip.startFrame] * gain;
  }
}

/** Returns `samples` cut to `maxFrames` with a 20 ms fade-out (a clip that would run into the next cue). */
export function fitClip(samples: Float32Array, maxFrames: number, sampleRate: number): Float32Array {
  if (samples.length <= maxFrames) return samples;
  const out = samples.slice(0, Math.max(0, maxFrames));
  const fade = Math.min(out.length, Math.round(0.02 * sampleRate));
  for (let i = 0; i < fade; i++) out[out.length - 1 - i] *= i / fade;
  return out;
}
