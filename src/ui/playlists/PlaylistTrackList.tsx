/** A playlist's tracks (title, artist, BPM); in a manual playlist, move with buttons or Alt+↑/↓, and remove. */
import type { KeyboardEvent } from 'react';
import type { TrackRecord } from '../../core/track';
import { useApp } from '../store-context';
import { formatBpm } from '../../core/bpm-text';

/** Shows `tracks` in order; `editable` adds the reorder and remove controls. */
export function PlaylistTrackList({ playlistId, tracks, editable }: { playlistId: string; tracks: readonly TrackRecord[]; editable: boolean }) {
  const move = useApp((s) => s.moveTrackInPlaylist);
  const remove = useApp((s) => s.removeTrackFromPlaylist);
  if (tracks.length === 0) return <p className="hint">No tracks in this playlist yet.</p>;
  const onKey = (e: KeyboardEvent, i: number) => {
    if (!editable || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const to = e.key === 'ArrowUp' ? i - 1 : i + 1;
    void move(playlistId, i, to).then(() => {
      // Keep the focus on the moved track so it can move again.
      document.querySelector<HTMLElement>(`[data-playlist-row="${to}"]`)?.focus();
    });
  };
  return (
    <ol className="playlist-tracks" aria-label="Playlist tracks">
      {tracks.map((t, i) => {
        const name = t.title || t.fileName;
        return (
          <li key={`${t.id}-${i}`} data-testid="playlist-track" tabIndex={editable ? 0 : undefined} data-playlist-row={i}
            onKeyDown={(e) => onKey(e, i)} aria-label={editable ? `${name}, position ${i + 1}; Alt+arrow keys move it` : undefined}>
            <span className="truncate title">{name}</span>
            <span className="truncate artist">{t.artist}</span>
            <span className="bpm" data-testid="playlist-track-bpm">{t.grid === null ? '–' : formatBpm(t.grid.bpm)}</span>
            {editable && (
              <span className="row-actions">
                <button type="button" disabled={i === 0} aria-label={`Move ${name} up`} onClick={() => void move(playlistId, i, i - 1)}>↑</button>
                <button type="button" disabled={i === tracks.length - 1} aria-label={`Move ${name} down`} onClick={() => void move(playlistId, i, i + 1)}>↓</button>
                <button type="button" aria-label={`Remove ${name}`} onClick={() => void remove(playlistId, i)}>✕</button>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
