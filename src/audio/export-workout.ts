/**
 * Exports a workout as one audio file: the program the player plays, rendered piece by piece by the same engine
 * (export-render.ts), the spoken cues made by the offline synthesiser and mixed in after their chimes, each piece
 * encoded off the main thread and written to the file as it comes. The encoder, the synthesiser and the file are
 * passed in (main.tsx wires the worker, the WASM voice and OPFS); tests pass their own.
 */
import type { Program } from '../core/program';
import type { OpenTrack } from '../core/track-reader';
import { renderExport } from './export-render';
import type { OfflineStretcher } from '../core/prestretch';
import { cueSheetOf, chaptersOf } from '../core/cue-sheet';
import type { ExportChoice, ExportedAudio, ExportFormat } from './export-types';

export type { ExportChoice, ExportedAudio, ExportFormat };
import { exportSpan } from '../core/export-window';
import { fitClip, voiceSlots, type PlacedClip } from '../core/voice-slots';

/** The tag written into an MP3: the workout's name and one chapter per step. */
export interface ExportTag {
  title: string;
  artist: string;
  durationMs: number;
  chapters: { title: string; startMs: number; endMs: number }[];
}

/** An encoder running (in a worker): pieces of audio in, pieces of the file out. */
export interface EncoderSession {
  /** Resolves once the encoder is open, with the silence its decoded file has before the first frame (LAME's delay). */
  ready: Promise<{ encoderDelayFrames: number }>;
  push(channels: Float32Array[]): Promise<Uint8Array[]>;
  end(): Promise<Uint8Array[]>;
  cancel(): void;
}

/** A file being written (storage/export-file.ts). */
export interface ExportSink {
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<Blob>;
  abort(): Promise<void>;
}

/** What the export is made with. */
export interface ExportDeps {
  startEncoder(options: { format: ExportFormat; sampleRate: number; channels: number; frames: number; tag?: ExportTag }): EncoderSession;
  createFile(name: string): Promise<ExportSink>;
  /** Says each text as a mono clip at `sampleRate`; `rate` 1 is the voice's usual speed. */
  synthesize(texts: string[], options: { sampleRate: number; rate?: number; signal?: AbortSignal }): Promise<Float32Array[]>;
  /** Starts the tempo stretcher of one export (a worker), ended with `close()` (export-render.ts `stretch`). */
  startStretcher: () => OfflineStretcher & { close(): void };
}

const SAMPLE_RATE = 44100;
/** Speaking rates tried for a clip: the usual, then faster where the words would run into the next cue. */
const VOICE_RATES = [1.1, 1.5];
const VOICE_GAIN = 0.9;
const VOICE_SHARE = 0.05;

/** Returns a file name for the workout: its own name, without the characters file systems refuse. */
export const exportFileName = (workoutName: string, extension: string): string =>
  `${workoutName.replace(/[\\/:*?"<>|]/g, '_').trim() || 'workout'}.${extension}`;

/** Returns the spoken clips of `program`, placed on the file's frames and each over before the next cue. */
async function voiceClips(program: Program, deps: ExportDeps, signal: AbortSignal): Promise<{ clips: PlacedClip[]; cut: number }> {
  const slots = voiceSlots(program.cues);
  const { fromSec } = exportSpan(program);
  const said = new Map<string, Float32Array>();
  let cut = 0;
  const clipOf = async (text: string, rate: number): Promise<Float32Array> => {
    const key = `${rate}|${text}`;
    if (!said.has(key)) said.set(key, (await deps.synthesize([text], { sampleRate: SAMPLE_RATE, rate, signal }))[0]);
    return said.get(key)!;
  };
  const clips: PlacedClip[] = [];
  for (const slot of slots) {
    const maxFrames = Math.floor(slot.maxSec * SAMPLE_RATE);
    let samples = await clipOf(slot.text, VOICE_RATES[0]);
    for (const rate of VOICE_RATES.slice(1)) if (samples.length > maxFrames) samples = await clipOf(slot.text, rate);
    if (samples.length > maxFrames) cut += 1;
    clips.push({ startFrame: Math.round((slot.atSec - fromSec) * SAMPLE_RATE), samples: fitClip(samples, maxFrames, SAMPLE_RATE).map((v) => v * VOICE_GAIN) });
  }
  return { clips, cut };
}

/**
 * Renders `program` as `choice` asks and writes it; `onProgress` gets the fraction done (0–1). An abort stops
 * at once: the encoder is stopped, the half-written file removed, and the promise rejects with the abort.
 */
export async function exportWorkoutAudio(program: Program, openTrack: OpenTrack, choice: ExportChoice, deps: ExportDeps, signal: AbortSignal, onProgress: (fraction: number) => void): Promise<ExportedAudio> {
  const fileName = exportFileName(program.workoutName, choice.format);
  const voice = choice.includeVoice ? await voiceClips(program, deps, signal) : { clips: [], cut: 0 };
  const start = choice.includeVoice ? VOICE_SHARE : 0;
  onProgress(start);
  signal.throwIfAborted();
  const { durationSec } = exportSpan(program);
  const frames = Math.round(durationSec * SAMPLE_RATE);
  const chapters = chaptersOf(program);
  // An ID3 table of contents lists at most 255 chapters: a longer workout's file has none.
  const tag: ExportTag = { title: program.workoutName, artist: 'Montage', durationMs: Math.round(durationSec * 1000), chapters: chapters.length <= 255 ? chapters : [] };
  const encoder = deps.startEncoder({ format: choice.format, sampleRate: SAMPLE_RATE, channels: 2, frames, tag });
  const stop = () => encoder.cancel();
  signal.addEventListener('abort', stop);
  let file: ExportSink | null = null;
  const stretcher = deps.startStretcher();
  const writeAll = async (bytes: Uint8Array[]) => {
    for (const b of bytes) await file!.write(b);
  };
  try {
    const { encoderDelayFrames } = await encoder.ready;
    file = await deps.createFile(fileName);
    const render = await renderExport(program, openTrack, {
      sampleRate: SAMPLE_RATE,
      include: choice.includeCues ? 'all' : 'music',
      voice: voice.clips,
      signal,
      stretch: stretcher,
      onProgress: (done, total) => onProgress(start + (1 - start) * (done / total)),
    }, async (channels) => {
      const bytes = await encoder.push(channels);
      signal.throwIfAborted();
      await writeAll(bytes);
    });
    await writeAll(await encoder.end());
    signal.throwIfAborted();
    const blob = await file.close();
    // An MP3 decodes with the encoder's delay before the first sample: the cue sheet gives the times as decoded.
    const cueSheet = cueSheetOf(program, SAMPLE_RATE, encoderDelayFrames / SAMPLE_RATE);
    return { file: blob, fileName, cueSheet, cueSheetName: exportFileName(program.workoutName, 'cues.json'), render, voiceCut: voice.cut };
  } catch (e) {
    encoder.cancel();
    await file?.abort();
    throw e;
  } finally {
    stretcher.close();
    signal.removeEventListener('abort', stop);
  }
}
