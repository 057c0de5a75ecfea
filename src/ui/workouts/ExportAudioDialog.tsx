/**
 * The Export audio dialog: the format, whether the cues and the voice go in, Export; while it renders a progress
 * bar and Cancel; at the end the file downloads, with buttons to download it again and its cue sheet. What it
 * shows is the store's export status, nothing kept here.
 */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store-context';
import { downloadBlob, downloadText } from './download-text';
import { formatClock } from '../format';
import type { ExportFormat } from '../../state/audio-export-slice';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  mp3: 'MP3 (192 kbit/s, with chapters)',
  opus: 'Opus (160 kbit/s, smaller, with chapters)',
  wav: 'WAV (uncompressed, 16-bit)',
};

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

/** Shown over any screen while an export is open. */
export function ExportAudioDialog() {
  const { state, choice, formats, voice, setChoice, start, cancel, close } = useApp(useShallow((s) => ({
    state: s.audioExport, choice: s.audioExportChoice, formats: s.audioExportFormats, voice: s.audioExportVoice,
    setChoice: s.setAudioExportChoice, start: s.startAudioExport, cancel: s.cancelAudioExport, close: s.closeAudioExport,
  })));
  const firstRef = useRef<HTMLSelectElement>(null);
  const downloaded = useRef<unknown>(null);
  const open = state.status !== 'closed';
  useEffect(() => {
    if (open) firstRef.current?.focus();
  }, [open]);
  useEffect(() => {
    // The file downloads once, when it is done; the buttons download it again.
    if (state.status === 'done' && downloaded.current !== state.result) {
      downloaded.current = state.result;
      downloadBlob(state.result.fileName, state.result.file);
    }
  }, [state]);
  if (state.status === 'closed') return null;
  const busy = state.status === 'rendering';
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') (busy ? cancel : close)();
  };
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="export-audio-title" onKeyDown={onKey}>
        <h2 id="export-audio-title">Export audio: {state.workoutName}</h2>
        <p className="hint">One file with your music in the planned order and tempo, every cue on the beat and the step names as chapters: for an MP3 player, a watch, or a phone that stays locked.</p>
        <label className="field">
          <span>Format</span>
          <select ref={firstRef} value={choice.format} disabled={busy} onChange={(e) => setChoice({ format: e.target.value as ExportFormat })}>
            {formats.map((f) => <option key={f} value={f}>{FORMAT_LABELS[f]}</option>)}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={choice.includeCues} disabled={busy} onChange={(e) => setChoice({ includeCues: e.target.checked })} /> Include cues
        </label>
        <label className="check">
          <input type="checkbox" checked={voice && choice.includeVoice} disabled={busy || !voice} aria-describedby="export-voice-note" onChange={(e) => setChoice({ includeVoice: e.target.checked })} /> Include voice
        </label>
        {voice && <p className="hint" id="export-voice-note">The words are spoken by Montage's own voice (eSpeak NG): your device's voice cannot be recorded into a file.</p>}
        {!voice && <p className="hint" id="export-voice-note">Spoken cues cannot go in the file yet: your device's voice cannot be recorded, and this version has no voice of its own. The chimes and countdowns are in the file, on the beat.</p>}
        {busy && (
          <div className="export-progress">
            <div role="progressbar" aria-label="Export progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(state.fraction * 100)} className="bar">
              <div className="fill" style={{ width: `${(state.fraction * 100).toFixed(1)}%` }} />
            </div>
            <span>{Math.round(state.fraction * 100)} %</span>
          </div>
        )}
        {state.status === 'failed' && <p className="error" role="alert">{state.message}</p>}
        {state.status === 'done' && (
          <p role="status">
            {`${state.result.fileName}: ${formatClock(state.result.render.frames / state.result.render.sampleRate)}, ${megabytes(state.result.file.size)}.`}
            {state.result.voiceCut > 0 && ` ${state.result.voiceCut} spoken cue${state.result.voiceCut === 1 ? ' was' : 's were'} cut short to end before the next cue.`}
          </p>
        )}
        <div className="dialog-buttons">
          {busy && <button type="button" className="danger" onClick={cancel}>Cancel</button>}
          {!busy && state.status !== 'done' && <button type="button" className="primary" disabled={formats.length === 0} onClick={() => void start()}>Export</button>}
          {state.status === 'done' && (
            <>
              <button type="button" className="primary" onClick={() => downloadBlob(state.result.fileName, state.result.file)}>Download {state.result.fileName}</button>
              <button type="button" onClick={() => downloadText(state.result.cueSheetName, `${JSON.stringify(state.result.cueSheet, null, 2)}\n`)}>Download cue sheet</button>
            </>
          )}
          {!busy && <button type="button" onClick={close}>Close</button>}
        </div>
      </div>
    </div>
  );
}
