/**
 * Export audio: the dialog's state as one named status — closed, choosing the format, rendering (with the
 * fraction done), done (the file and its cue sheet) or failed (in words) — and the actions that move it. The
 * work is the audio export service's; a cancel aborts it at once and the dialog goes back to choosing.
 */
import type { StateCreator } from 'zustand';
import type { AppServices } from './services';
import type { AppState } from './create-app-store';
import type { ExportChoice, ExportedAudio, ExportFormat } from '../audio/export-types';

export type { ExportFormat };
import { trackOpener } from './track-loader';

/** Where the Export audio dialog is. */
export type AudioExportStatus =
  | { status: 'closed' }
  | ({ status: 'choosing' } & ExportTarget)
  | ({ status: 'rendering'; fraction: number } & ExportTarget)
  | ({ status: 'done'; result: ExportedAudio } & ExportTarget)
  | ({ status: 'failed'; message: string } & ExportTarget);

/** The workout being exported. */
export interface ExportTarget {
  workoutId: string;
  workoutName: string;
}

export interface AudioExportSlice {
  audioExport: AudioExportStatus;
  /** The last choice made in the dialog (the next export starts from it). */
  audioExportChoice: ExportChoice;
  /** The formats this browser can write. */
  audioExportFormats: ExportFormat[];
  /** Whether spoken cues can go in the file. */
  audioExportVoice: boolean;
  openAudioExport(target: ExportTarget): void;
  closeAudioExport(): void;
  setAudioExportChoice(choice: Partial<ExportChoice>): void;
  startAudioExport(): Promise<void>;
  cancelAudioExport(): void;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The slice; `services.audioExport` does the work. */
export const createAudioExportSlice = (services: AppServices): StateCreator<AppState, [], [], AudioExportSlice> => (set, get) => {
  let running: AbortController | null = null;
  const cancel = () => {
    running?.abort(new DOMException('The export was cancelled.', 'AbortError'));
    running = null;
  };
  return {
    audioExport: { status: 'closed' },
    audioExportChoice: { format: 'mp3', includeCues: true, includeVoice: services.audioExport?.offlineVoice ?? false },
    audioExportFormats: services.audioExport?.formats() ?? [],
    audioExportVoice: services.audioExport?.offlineVoice ?? false,
    openAudioExport(target) {
      cancel();
      set({ audioExport: { status: 'choosing', ...target } });
    },
    closeAudioExport() {
      cancel();
      set({ audioExport: { status: 'closed' } });
    },
    setAudioExportChoice(choice) {
      set((s) => ({ audioExportChoice: { ...s.audioExportChoice, ...choice } }));
    },
    async startAudioExport() {
      const current = get().audioExport;
      if (current.status === 'closed' || current.status === 'rendering') return;
      const target: ExportTarget = { workoutId: current.workoutId, workoutName: current.workoutName };
      const { workoutId } = target;
      const exporter = services.audioExport;
      const program = get().programOf(workoutId);
      if (!exporter || !program) {
        set({ audioExport: { status: 'failed', ...target, message: exporter ? 'This workout is no longer there.' : 'This browser cannot export audio.' } });
        return;
      }
      const controller = new AbortController();
      running = controller;
      const mine = () => running === controller;
      set({ audioExport: { status: 'rendering', ...target, fraction: 0 } });
      try {
        const choice = get().audioExportChoice;
        const result = await exporter.exportAudio(program, trackOpener(services), { ...choice, includeVoice: choice.includeVoice && exporter.offlineVoice }, controller.signal, (fraction) => {
          if (mine()) set({ audioExport: { status: 'rendering', ...target, fraction } });
        });
        if (!mine()) return;
        running = null;
        set({ audioExport: { status: 'done', ...target, result } });
      } catch (e) {
        if (!mine()) return;
        running = null;
        set({ audioExport: { status: 'failed', ...target, message: `"${program.workoutName}" could not be exported: ${messageOf(e)}` } });
      }
    },
    cancelAudioExport() {
      const current = get().audioExport;
      if (current.status !== 'rendering') return;
      cancel();
      set({ audioExport: { status: 'choosing', workoutId: current.workoutId, workoutName: current.workoutName } });
    },
  };
};
