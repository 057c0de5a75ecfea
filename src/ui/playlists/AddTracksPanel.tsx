/** Adding library tracks to a manual playlist: a searchable multi-select list. */
import { useMemo, useState } from 'react';
import { useApp } from '../store-context';
import { formatBpm } from '../../core/bpm-text';

const SHOWN = 200;

/** Lets the user tick library tracks (not yet in the playlist) and add them in one go. */
export function AddTracksPanel({ playlistId, alreadyIn }: { playlistId: string; alreadyIn: readonly string[] }) {
  const library = useApp((s) => s.tracks);
  const add = useApp((s) => s.addTracksToPlaylist);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const candidates = useMemo(() => {
    const inList = new Set(alreadyIn);
    const q = query.trim().toLowerCase();
    return library.filter((t) => !inList.has(t.id) && (!q || `${t.title}\u0000${t.artist}\u0000${t.album}\u0000${t.fileName}`.toLowerCase().includes(q)));
  }, [library, alreadyIn, query]);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  return (
    <fieldset className="add-tracks">
      <legend>Add tracks from the library</legend>
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search the library to add tracks" placeholder="Search title, artist or album" />
      {candidates.length === 0 ? (
        <p className="hint">{library.length === 0 ? 'Your library is empty: import music in the Library tab.' : 'No other tracks match.'}</p>
      ) : (
        <ul className="pick-list" aria-label="Library tracks to add">
          {candidates.slice(0, SHOWN).map((t) => (
            <li key={t.id}>
              <label className="check">
                <input type="checkbox" checked={picked.includes(t.id)} onChange={() => toggle(t.id)} aria-label={`Pick ${t.title || t.fileName}`} />
                <span className="truncate">{t.title || t.fileName}</span>
                <span className="muted">{t.artist}</span>
                <span className="muted">{t.grid === null ? t.status : `${formatBpm(t.grid.bpm)} BPM`}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {candidates.length > SHOWN && <p className="hint">Showing {SHOWN} of {candidates.length}: search to narrow the list.</p>}
      <button type="button" className="primary" disabled={picked.length === 0}
        onClick={() => void add(playlistId, picked).then(() => setPicked([]))}>
        Add {picked.length || ''} selected
      </button>
    </fieldset>
  );
}
