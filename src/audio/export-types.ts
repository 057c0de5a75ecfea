/** The shapes of an audio export, apart from the code that makes it (the store and the screen import only these). */
import type { CueSheet } from '../core/cue-sheet';

/** The file formats an export can write. */
export type ExportFormat = 'wav' | 'mp3' | 'opus';

/** What the user chose in the dialog. */
export interface ExportChoice {
  format: ExportFormat;
  includeCues: boolean;
  includeVoice: boolean;
}

/** A cue as the engine placed it, on the file's clock (second 0: the file's first sample). */
export interface ExportedCue {
  /** Where the plan puts it, and where the engine sounded it in the file, seconds. */
  plannedSec: number;
  placedSec: number;
  kind: string;
}

/** What was written: frames per channel, the sample rate and every cue as placed. */
export interface ExportRender {
  frames: number;
  sampleRate: number;
  channels: number;
  cues: ExportedCue[];
  /** File frames where one piece's render gives way to the next. */
  joins: number[];
  /** At each join, how alike the two renders were over the crossfade (1: the same sound; core/export-join.ts). */
  joinCorrelations: number[];
}

/** The finished export. */
export interface ExportedAudio {
  file: Blob;
  fileName: string;
  cueSheet: CueSheet;
  cueSheetName: string;
  render: ExportRender;
  /** Spoken cues that were cut short to end before the next cue. */
  voiceCut: number;
}
