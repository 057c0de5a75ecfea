/** The playlists tab: the user's playlists (manual and smart), the cadence helper, and the music plan of a workout. */
import { useEffect, useState } from 'react';
import { useApp } from '../store-context';
import { PlaylistList } from './PlaylistList';
import { PlaylistDetail } from './PlaylistDetail';
import { CadenceHelper } from './CadenceHelper';
import { MusicPlanView } from './MusicPlanView';
import './playlists.css';
import { Notices } from '../common/Notices';

/** Shows playlists, or the music plan of a workout. */
export function PlaylistsScreen() {
  const libraryLoaded = useApp((s) => s.libraryLoaded);
  const loadLibrary = useApp((s) => s.loadLibrary);
  const playlistsLoaded = useApp((s) => s.playlistsLoaded);
  const loadPlaylists = useApp((s) => s.loadPlaylists);
  const messages = useApp((s) => s.playlistMessages);
  const dismiss = useApp((s) => s.dismissPlaylistMessage);
  const dismissAll = useApp((s) => s.dismissAllPlaylistMessages);
  const [view, setView] = useState<'playlists' | 'plan'>('playlists');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  useEffect(() => {
    if (!libraryLoaded) void loadLibrary();
  }, [libraryLoaded, loadLibrary]);
  useEffect(() => {
    if (!playlistsLoaded) void loadPlaylists();
  }, [playlistsLoaded, loadPlaylists]);

  return (
    <section aria-label="Playlists" className="playlists">
      <div className="playlists-head">
        <h2>{view === 'playlists' ? 'Playlists' : 'Music plan'}</h2>
        <div className="segmented" role="group" aria-label="Playlists view">
          <button type="button" aria-pressed={view === 'playlists'} onClick={() => setView('playlists')}>Playlists</button>
          <button type="button" aria-pressed={view === 'plan'} onClick={() => setView('plan')}>Music plan</button>
        </div>
      </div>
      <Notices notices={messages} label="Playlist messages" onDismiss={dismiss} onDismissAll={dismissAll} />
      {view === 'plan' ? (
        <MusicPlanView />
      ) : (
        <div className="playlists-layout">
          <div className="playlists-side">
            <PlaylistList selectedId={selectedId} onSelect={setSelectedId} />
            <CadenceHelper onCreated={setSelectedId} />
          </div>
          <PlaylistDetail playlistId={selectedId} onDeleted={() => setSelectedId(null)} />
        </div>
      )}
    </section>
  );
}
