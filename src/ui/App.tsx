/** The app shell: header, navigation between the five screens, and global keyboard shortcuts. */
import { lazy, Suspense, useEffect } from 'react';
import { isActive } from '../core/player-phase';
import { useApp, useAppStore } from './store-context';
import type { Screen } from '../state/nav-slice';
import { PlayerScreen } from './player/PlayerScreen';
import { UpdatePrompt } from './common/UpdatePrompt';

// Only the Player is needed on first load: the other screens arrive when opened (first-load budget, see README).
const LibraryScreen = lazy(() => import('./library/LibraryScreen').then((m) => ({ default: m.LibraryScreen })));
const WorkoutsScreen = lazy(() => import('./workouts/WorkoutsScreen').then((m) => ({ default: m.WorkoutsScreen })));
const PlaylistsScreen = lazy(() => import('./playlists/PlaylistsScreen').then((m) => ({ default: m.PlaylistsScreen })));
const ExportAudioDialog = lazy(() => import('./workouts/ExportAudioDialog').then((m) => ({ default: m.ExportAudioDialog })));
const ProgressScreen = lazy(() => import('./progress/ProgressScreen').then((m) => ({ default: m.ProgressScreen })));

const SCREENS: { id: Screen; label: string }[] = [
  { id: 'player', label: 'Player' },
  { id: 'library', label: 'Library' },
  { id: 'workouts', label: 'Workouts' },
  { id: 'playlists', label: 'Playlists' },
  { id: 'progress', label: 'Progress' },
];

/** The whole app. */
export function App() {
  const screen = useApp((s) => s.screen);
  const goTo = useApp((s) => s.goTo);
  const exporting = useApp((s) => s.audioExport.status !== 'closed');
  useShortcuts();
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">Montage</h1>
        <nav aria-label="Main">
          <ul>
            {SCREENS.map((s) => (
              <li key={s.id}>
                <button type="button" aria-current={screen === s.id ? 'page' : undefined} onClick={() => goTo(s.id)}>
                  {s.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <UpdatePrompt />
      <main>
        <Suspense fallback={null}>
          {screen === 'player' && <PlayerScreen />}
          {screen === 'library' && <LibraryScreen />}
          {screen === 'workouts' && <WorkoutsScreen />}
          {screen === 'playlists' && <PlaylistsScreen />}
          {screen === 'progress' && <ProgressScreen />}
        </Suspense>
        {exporting && <Suspense fallback={null}><ExportAudioDialog /></Suspense>}
      </main>
    </div>
  );
}

/** Space = pause/resume, N = skip step, M = skip track, while a workout runs (not while typing). Escape (asks to stop) is the running screen's. */
function useShortcuts() {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const { player, togglePause, skipStep, skipTrack } = store.getState();
      if (!isActive(player.phase)) return;
      if (e.code === 'Space') {
        e.preventDefault();
        togglePause();
      } else if (e.key === 'n' || e.key === 'N') void skipStep();
      else if (e.key === 'm' || e.key === 'M') void skipTrack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
