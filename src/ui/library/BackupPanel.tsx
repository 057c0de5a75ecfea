/** Backup and storage safety in the Library: export, full backup, restore, and whether the browser keeps the data. */
import { createContext, useContext, useEffect, useState } from 'react';
import { useApp, useAppStore } from '../store-context';
import type { LibraryBackupService, PersistState, RestoreReport } from '../../state/services';

/** The backup service, provided by main.tsx (null in a tree without one: the panel then hides). */
export const BackupServiceContext = createContext<LibraryBackupService | null>(null);

type Note = { tone: 'ok' | 'error'; text: string } | null;

/** Shows the backup buttons, the restore input and the persistence status. */
export function BackupPanel() {
  const service = useContext(BackupServiceContext);
  const store = useAppStore();
  const trackCount = useApp((s) => s.tracks.length);
  const persist = useApp((s) => s.persistence);
  const checkPersistence = useApp((s) => s.checkPersistence);
  const askPersist = useApp((s) => s.askPersistence);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  // Importing asks for persistence too (library slice): read the answer again when the library changes.
  useEffect(() => {
    void checkPersistence();
  }, [trackCount, checkPersistence]);
  if (!service) return null;

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setNote(null);
    try {
      setNote({ tone: 'ok', text: await work() });
    } catch (e) {
      setNote({ tone: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  const exportLibrary = () => run(async () => saveJson(await service.exportLibrary(), 'montage-library'));
  const fullBackup = () => run(async () => saveJson(await service.exportBackup(), 'montage-backup'));
  const restore = (file: File) =>
    run(async () => {
      // Resolves once the store has read everything again (tracks, workouts, playlists, the log).
      const report = await service.restoreBackup(file);
      // Restored tracks waiting for analysis get it now.
      store.getState().resumeAnalysis();
      return describeRestore(file.name, report);
    });

  return (
    <div className="backup-panel" role="region" aria-labelledby="backup-heading">
      <h3 id="backup-heading">Backup</h3>
      <p className="hint">
        Your library lives only in this browser. A full backup (tracks&apos; tempo and beat data, workouts, playlists and your
        workout log) lets you restore it here or on another device; the music files themselves stay yours to keep.
      </p>
      <div className="import-buttons">
        <button type="button" disabled={busy} onClick={() => void exportLibrary()}>Export library</button>
        <button type="button" disabled={busy} onClick={() => void fullBackup()}>Full backup</button>
        <label className="button">
          Restore backup
          <input className="visually-hidden" type="file" accept=".json,application/json" aria-label="Restore backup" disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void restore(file);
            }} />
        </label>
      </div>
      {note && (
        <p className={note.tone === 'error' ? 'error' : 'hint'} role={note.tone === 'error' ? 'alert' : 'status'} data-testid="backup-message">
          {note.text}
        </p>
      )}
      {persist && (
        <p className="hint" data-testid="persist-status">
          {describePersist(persist)}{' '}
          {persist === 'best-effort' && (
            <button type="button" onClick={() => void askPersist()}>Ask the browser to keep it</button>
          )}
        </p>
      )}
    </div>
  );
}

/** Downloads `data` as `<base>-<date>.json`; returns the sentence saying so. */
function saveJson(data: unknown, base: string): string {
  const name = `${base}-${new Date().toISOString().slice(0, 10)}.json`;
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own reference to the bytes once started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `Saved ${name}.`;
}

/** Returns the sentence that tells the user what `state` means for their library. */
export function describePersist(state: PersistState): string {
  if (state === 'persisted') return 'Your browser will keep your library even when the device runs low on space.';
  if (state === 'best-effort') {
    return 'Your browser may clear your library if the device runs low on space. Installing Montage usually lets it keep it; a full backup keeps you safe either way.';
  }
  return 'This browser cannot promise to keep your library: make a full backup now and then.';
}

function describeRestore(fileName: string, r: RestoreReport): string {
  const parts = [
    `${r.tracksAdded} tracks added`, `${r.tracksUpdated} updated`,
    `${r.workouts} workouts`, `${r.playlists} playlists`, `${r.logEntries} log entries`, `${r.musicChoices} workouts' music choices`,
  ];
  const missing = r.missingAudio.length > 0 ? ` Import these files again to play them: ${r.missingAudio.join(', ')}.` : '';
  return `Restored ${fileName}: ${parts.join(', ')}. Nothing already stored was lost.${missing}`;
}
