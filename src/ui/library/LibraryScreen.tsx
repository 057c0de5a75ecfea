/** The library tab: import music (files, folders, drag and drop), the batch's progress, and the track table. */
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import { useApp } from '../store-context';
import { TrackTable } from './TrackTable';
import { BackupPanel } from './BackupPanel';
import { ImportProgress } from './ImportProgress';
import { TrackDetails } from './TrackDetails';
import './library.css';
import { Notices } from '../common/Notices';
import { UndoDelete } from './UndoDelete';
import { filesFromDrop } from './files-from-drop';
import { filterTracks, type TrackFilter } from './filter-tracks';

/** Shows the user's library. */
export function LibraryScreen() {
  const tracks = useApp((s) => s.tracks);
  const loaded = useApp((s) => s.libraryLoaded);
  const loadLibrary = useApp((s) => s.loadLibrary);
  const importFiles = useApp((s) => s.importFiles);
  const storage = useApp((s) => s.storage);
  const messages = useApp((s) => s.libraryMessages);
  const dismiss = useApp((s) => s.dismissLibraryMessage);
  const dismissAll = useApp((s) => s.dismissAllLibraryMessages);
  const [filter, setFilter] = useState<TrackFilter>({ text: '', bpmMin: null, bpmMax: null, halfDouble: true });
  const [dragging, setDragging] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const closeDetails = useCallback(() => setOpenId(null), []);
  useEffect(() => {
    if (!loaded) void loadLibrary();
  }, [loaded, loadLibrary]);
  const stopPreview = useApp((s) => s.stopPreview);
  // A preview belongs to this screen: leaving it stops the music.
  useEffect(() => stopPreview, [stopPreview]);
  const shown = useMemo(() => filterTracks(tracks, filter), [tracks, filter]);

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    await importFiles(await filesFromDrop(e.dataTransfer));
  };
  return (
    <section
      aria-label="Library"
      className={dragging ? 'library dragging' : 'library'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <div className="library-head">
        <h2>Library</h2>
        <div className="import-buttons">
          <label className="button primary">
            Import music
            <input className="visually-hidden" type="file" multiple accept="audio/*,.mp3,.m4a,.aac,.ogg,.opus,.flac,.wav" aria-label="Import music"
              onChange={(e) => { void importFiles([...(e.target.files ?? [])]); e.target.value = ''; }} />
          </label>
          <label className="button">
            Import folder
            <input className="visually-hidden" type="file" aria-label="Import folder" {...{ webkitdirectory: '' }}
              onChange={(e) => { void importFiles([...(e.target.files ?? [])]); e.target.value = ''; }} />
          </label>
        </div>
      </div>
      <p className="hint">Drop audio files or folders anywhere here. MP3, M4A/AAC, OGG/Opus, FLAC and WAV. Your music stays on this device.</p>
      {storage && (
        <p className="storage" data-testid="storage">
          Storage: {formatBytes(storage.usedBytes)} used of {formatBytes(storage.quotaBytes)} available
        </p>
      )}
      <ImportProgress />
      <Notices notices={messages} label="Library messages" onDismiss={dismiss} onDismissAll={dismissAll} />
      <UndoDelete />
      <div className="filters">
        <label className="field"><span>Search</span>
          <input type="search" value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} aria-label="Search title, artist or album" />
        </label>
        <label className="field narrow"><span>BPM from</span>
          <input type="number" min={30} max={300} value={filter.bpmMin ?? ''} aria-label="Lowest BPM"
            onChange={(e) => setFilter({ ...filter, bpmMin: e.target.value ? Number(e.target.value) : null })} />
        </label>
        <label className="field narrow"><span>to</span>
          <input type="number" min={30} max={300} value={filter.bpmMax ?? ''} aria-label="Highest BPM"
            onChange={(e) => setFilter({ ...filter, bpmMax: e.target.value ? Number(e.target.value) : null })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={filter.halfDouble} onChange={(e) => setFilter({ ...filter, halfDouble: e.target.checked })} />
          including half/double time
        </label>
      </div>
      {loaded ? <TrackTable tracks={shown} onOpen={setOpenId} /> : <p className="empty-state" role="status">Loading your library…</p>}
      {openId && <TrackDetails trackId={openId} onClose={closeDetails} />}
      <BackupPanel />
    </section>
  );
}

function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  return `${Math.round(n / 1e3)} kB`;
}
