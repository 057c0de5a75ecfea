/** The list of playlists with buttons to create a manual or smart one and to import a playlist file. */
import { useState } from 'react';
import { useApp } from '../store-context';

/** Shows every playlist; selecting one opens it. */
export function PlaylistList({ selectedId, onSelect }: { selectedId: string | null; onSelect: (id: string) => void }) {
  const playlists = useApp((s) => s.playlists);
  const createPlaylist = useApp((s) => s.createPlaylist);
  const importPlaylistFile = useApp((s) => s.importPlaylistFile);
  const [name, setName] = useState('');
  const [importNote, setImportNote] = useState<string | null>(null);

  const create = async (smart: boolean) => {
    const id = await createPlaylist(name || (smart ? 'New smart playlist' : 'New playlist'), smart ? { bpmMin: 160, bpmMax: 180, allowHalfDouble: true } : undefined);
    setName('');
    onSelect(id);
  };
  const importFile = async (file: File) => {
    try {
      const report = await importPlaylistFile(await file.text(), file.name);
      setImportNote(report.missing.length === 0
        ? `Imported "${report.name}".`
        : `Imported "${report.name}"; not in your library: ${report.missing.join(', ')}.`);
      onSelect(report.playlistId);
    } catch {
      setImportNote(null); // The store shows the message naming the file.
    }
  };
  return (
    <div className="playlist-list">
      <label className="field"><span>New playlist name</span>
        <input type="text" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} aria-label="New playlist name" />
      </label>
      <div className="button-row">
        <button type="button" onClick={() => void create(false)}>New playlist</button>
        <button type="button" onClick={() => void create(true)}>New smart playlist</button>
        <label className="button">
          Import playlist
          <input className="visually-hidden" type="file" accept=".json,application/json" aria-label="Import playlist file"
            onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} />
        </label>
      </div>
      {importNote && <p className="hint" role="status">{importNote}</p>}
      {playlists.length === 0 ? (
        <p className="hint">No playlists yet: make one, or let the cadence helper make one for your stride.</p>
      ) : (
        <ul className="playlist-names" aria-label="Your playlists">
          {playlists.map((p) => (
            <li key={p.id}>
              <button type="button" aria-current={p.id === selectedId ? 'true' : undefined} onClick={() => onSelect(p.id)}>
                <span className="truncate">{p.name}</span> <span className="tag">{p.kind === 'smart' ? 'smart' : 'manual'}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
