/**
 * The ID3v2.3 tag at the front of an exported MP3: title, artist, length and the workout's steps as
 * chapters (ID3v2 Chapter Frame Addendum 1.0: one CHAP per step with its own TIT2, and a top-level,
 * ordered CTOC listing them all), so podcast-style players show and skip between steps.
 * Written by browser-id3-writer (MIT, pure, no I/O): text is UTF-16, chapter byte offsets are
 * left "unknown" (0xFFFFFFFF), so players seek by time. The tag carries 4 KiB of zero padding.
 */
import { ID3Writer } from 'browser-id3-writer';

/** The most chapters one CTOC frame can list (its entry count is a single byte). */
export const MAX_ID3_CHAPTERS = 255;

/** One chapter: a span of the file's audio, in milliseconds from the first decoded sample. */
export interface Id3Chapter {
  title: string;
  startMs: number;
  endMs: number;
}

/** What the tag says about the file. */
export interface Id3Input {
  title: string;
  artist?: string;
  /** Length of the audio (TLEN), milliseconds. */
  durationMs: number;
  /** In playing order; at most MAX_ID3_CHAPTERS. */
  chapters: Id3Chapter[];
}

/** Returns the problem with `input` as a sentence, or null when it can be written. */
export function id3Problem(input: Id3Input): string | null {
  if (input.chapters.length > MAX_ID3_CHAPTERS) return `ID3 tag: ${input.chapters.length} chapters (at most ${MAX_ID3_CHAPTERS} fit)`;
  if (!(input.durationMs >= 0)) return `ID3 tag: duration ${input.durationMs} ms`;
  const bad = input.chapters.findIndex((c) => !(c.startMs >= 0 && c.endMs >= c.startMs));
  if (bad >= 0) return `ID3 tag: chapter ${bad + 1} ("${input.chapters[bad].title}") ends before it starts`;
  return null;
}

/** Returns the ID3v2.3 tag bytes (header, frames, padding) to put before the first MP3 frame; throws the `id3Problem` sentence on bad input. */
export function id3Tag(input: Id3Input): Uint8Array {
  const problem = id3Problem(input);
  if (problem) throw new Error(problem);
  const writer = new ID3Writer(new ArrayBuffer(0));
  writer.setFrame('TIT2', input.title);
  if (input.artist) writer.setFrame('TPE1', [input.artist]);
  writer.setFrame('TLEN', Math.round(input.durationMs));
  const ids = input.chapters.map((_, i) => `ch${i}`);
  if (ids.length > 0) writer.setFrame('CTOC', { id: 'toc', ordered: true, topLevel: true, childElementIds: ids });
  input.chapters.forEach((chapter, i) => {
    writer.setFrame('CHAP', {
      id: ids[i],
      startTime: Math.round(chapter.startMs),
      endTime: Math.round(chapter.endMs),
      subFrames: { TIT2: chapter.title },
    });
  });
  return new Uint8Array(writer.addTag());
}
