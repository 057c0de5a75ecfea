/** The playlists tab: the library (or the demo) grouped into tempo bands, counting half/double time. */
import { useApp } from '../store-context';
import { EmptyState } from '../common/EmptyState';

const BANDS = [
  { label: 'Walking and strength', min: 100, max: 130 },
  { label: 'Easy running', min: 140, max: 160 },
  { label: 'Running cadence', min: 160, max: 180 },
  { label: 'Sprints', min: 180, max: 200 },
];

/** Shows which tracks fit each tempo band. */
export function PlaylistsScreen() {
  const tracks = useApp((s) => s.tracks).filter((t) => t.status === 'ready' && t.bpm !== null);
  return (
    <section aria-label="Playlists">
      <h2>Tempo bands</h2>
      {tracks.length === 0 ? (
        <EmptyState title="No analysed tracks yet">Import music in the Library: each track lands in the bands its tempo fits, counting half and double time.</EmptyState>
      ) : (
        BANDS.map((band) => {
          const fit = tracks.filter((t) => [t.bpm!, t.bpm! * 2, t.bpm! / 2].some((b) => b >= band.min && b <= band.max));
          return (
            <div key={band.label} className="band">
              <h3>{band.label} · {band.min}–{band.max} BPM · {fit.length} tracks</h3>
              <ul>{fit.slice(0, 50).map((t) => <li key={t.id} className="truncate">{t.title} — {t.bpm!.toFixed(0)} BPM</li>)}</ul>
            </div>
          );
        })
      )}
    </section>
  );
}
