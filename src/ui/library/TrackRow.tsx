/** One row of the library table; tag text is rendered as text (React escapes it), long text is cut with an ellipsis. */
import type { TrackRecord } from '../../core/track';
import { doubleTempo, halveTempo } from '../../core/beat-grid';
import { useApp } from '../store-context';
import { beatConfidenceText, formatClock } from '../format';
import { formatBpm } from '../../core/bpm-text';
import { CoverImage } from './CoverImage';

/** Shows one track with its cover, status, preview, details and the quick tempo corrections. */
export function TrackRow({ track, top, rowIndex, onOpen }: { track: TrackRecord; top: number; rowIndex: number; onOpen: (id: string) => void }) {
  const correctTrack = useApp((s) => s.correctTrack);
  const deleteTrack = useApp((s) => s.deleteTrack);
  const previewing = useApp((s) => (s.preview?.trackId === track.id ? s.preview.status : null));
  const startPreview = useApp((s) => s.startPreview);
  const stopPreview = useApp((s) => s.stopPreview);
  const name = track.title || track.fileName;
  const grid = track.grid;
  return (
    <div className="track-row" role="row" aria-rowindex={rowIndex} style={{ transform: `translateY(${top}px)` }} data-testid="track-row" data-status={track.status}>
      <div role="cell" className="col-cover"><CoverImage coverId={track.coverId} /></div>
      {/* On a phone the artist column is hidden: the title cell shows title and artist on two lines. */}
      <div role="cell" className="col-title" title={track.artist ? `${name} — ${track.artist}` : name}>
        <span className="title-line truncate">{name}</span>
        {track.artist && <span className="artist-line truncate">{track.artist}</span>}
      </div>
      <div role="cell" className="col-artist truncate" title={track.artist}>{track.artist}</div>
      <div role="cell" className="col-durationSec">{track.durationSec > 0 ? formatClock(track.durationSec) : '–'}</div>
      <div role="cell" className="col-bpm" data-testid="track-bpm">
        {track.status === 'ready' && grid ? formatBpm(grid.bpm) : <StatusText track={track} />}
      </div>
      <div role="cell" className="col-confidence">{track.status === 'ready' ? beatConfidenceText(track) : ''}</div>
      <div role="cell" className="col-actions">
        <button type="button" aria-pressed={previewing !== null} aria-label={previewing ? `Stop preview of ${name}` : `Preview ${name}`}
          onClick={() => (previewing ? stopPreview() : void startPreview(track.id, grid?.firstDownbeatSec ?? 0))}>{previewing ? '■' : '▶'}</button>
        <button type="button" aria-label={`Details of ${name}`} onClick={() => onOpen(track.id)}>⋯</button>
        <button type="button" disabled={!grid} aria-label={`Halve the BPM of ${name}`} onClick={() => grid && void correctTrack(track.id, halveTempo(grid))}>½×</button>
        <button type="button" disabled={!grid} aria-label={`Double the BPM of ${name}`} onClick={() => grid && void correctTrack(track.id, doubleTempo(grid))}>2×</button>
        <button type="button" aria-label={`Delete ${name}`} onClick={() => void deleteTrack(track.id)}>✕</button>
      </div>
    </div>
  );
}

function StatusText({ track }: { track: TrackRecord }) {
  if (track.status === 'failed') return <span className="status failed" title={track.error}>{track.error ?? 'failed'}</span>;
  return <span className={`status ${track.status}`}>{track.status}</span>;
}
