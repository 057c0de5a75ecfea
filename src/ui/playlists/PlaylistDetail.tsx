/** One playlist opened: its name, tempo curve, tracks, and the editor that fits its kind; export as M3U8 or JSON. */
import { useMemo } from 'react';
import { useApp } from '../store-context';
import { playlistTracks } from '../../core/smart-playlist';
import { playlistToM3u8, playlistFileName } from '../../core/playlist-m3u';
import { playlistToFile } from '../../core/playlist-file';
import { TempoCurve } from './TempoCurve';
import { PlaylistTrackList } from './PlaylistTrackList';
import { AddTracksPanel } from './AddTracksPanel';
import { SmartRulesEditor } from './SmartRulesEditor';
import { downloadText } from './download';

/** Shows the playlist `playlistId`, or a hint when none is selected. */
export function PlaylistDetail({ playlistId, onDeleted }: { playlistId: string | null; onDeleted: () => void }) {
  const playlist = useApp((s) => s.playlists.find((p) => p.id === playlistId) ?? null);
  const library = useApp((s) => s.tracks);
  const renamePlaylist = useApp((s) => s.renamePlaylist);
  const deletePlaylist = useApp((s) => s.deletePlaylist);
  const sortPlaylistByBpm = useApp((s) => s.sortPlaylistByBpm);
  const tracks = useMemo(() => (playlist ? playlistTracks(playlist, library) : []), [playlist, library]);
  if (!playlist) return <div className="playlist-detail"><p className="hint">Choose a playlist, or make a new one.</p></div>;

  const exportM3u = () => downloadText(playlistToM3u8(playlist.name, tracks), playlistFileName(playlist.name, 'm3u8'), 'audio/x-mpegurl');
  const exportJson = () =>
    downloadText(JSON.stringify(playlistToFile(playlist, tracks, new Date().toISOString()), null, 2), playlistFileName(playlist.name, 'json'), 'application/json');
  return (
    <div className="playlist-detail" aria-label={`Playlist ${playlist.name}`} role="region">
      <label className="field"><span>Name</span>
        <input key={playlist.id + playlist.name} type="text" defaultValue={playlist.name} maxLength={200} aria-label="Playlist name"
          onBlur={(e) => {
            const input = e.currentTarget;
            if (input.value !== playlist.name) void renamePlaylist(playlist.id, input.value).then((ok) => { if (!ok) input.value = playlist.name; });
          }}
          onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }} />
      </label>
      <p className="hint">{playlist.kind === 'smart' ? 'Smart playlist: the library tracks that match its rules, updated live.' : 'Your hand-picked tracks, in playing order.'} {tracks.length} tracks.</p>
      <div className="button-row">
        {playlist.kind === 'manual' && (
          <>
            <button type="button" onClick={() => void sortPlaylistByBpm(playlist.id, 'asc')}>Sort by BPM ↑</button>
            <button type="button" onClick={() => void sortPlaylistByBpm(playlist.id, 'desc')}>Sort by BPM ↓</button>
          </>
        )}
        <button type="button" onClick={exportM3u}>Export M3U8</button>
        <button type="button" onClick={exportJson}>Export JSON</button>
        <button type="button" className="danger" onClick={() => { void deletePlaylist(playlist.id); onDeleted(); }}>Delete playlist</button>
      </div>
      <TempoCurve tracks={tracks} />
      {playlist.kind === 'smart' && <SmartRulesEditor key={playlist.id} playlistId={playlist.id} rules={playlist.rules} />}
      <PlaylistTrackList playlistId={playlist.id} tracks={tracks} editable={playlist.kind === 'manual'} />
      {playlist.kind === 'manual' && <AddTracksPanel playlistId={playlist.id} alreadyIn={playlist.trackIds} />}
    </div>
  );
}
