/** The details drawer of one track: full tags, tempo, status and error, the preview, and the beat-grid corrections. */
import { useEffect, useRef } from 'react';
import { useApp } from '../store-context';
import { beatConfidenceText, formatClock } from '../format';
import { formatBpm } from '../../core/bpm-text';
import { CoverImage } from './CoverImage';
import { GridCorrections } from './GridCorrections';
import { PreviewControls } from './PreviewControls';

/** Shows track `trackId` in a side panel; Escape or the close button calls `onClose`. */
export function TrackDetails({ trackId, onClose }: { trackId: string; onClose: () => void }) {
  const track = useApp((s) => s.tracks.find((t) => t.id === trackId));
  const reanalyseTrack = useApp((s) => s.reanalyseTrack);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Focus moves into the panel when it opens and back to where it came from when it closes.
    const opener = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, [trackId, onClose]);
  useEffect(() => {
    if (!track) onClose();
  }, [track, onClose]);
  if (!track) return null;
  const name = track.title || track.fileName;
  return (
    <aside className="track-details" role="dialog" aria-modal="false" aria-labelledby="track-details-title" data-testid="track-details">
      <div className="details-head">
        <CoverImage coverId={track.coverId} size={72} />
        <h3 id="track-details-title" className="details-title">{name}</h3>
        <button ref={closeRef} type="button" className="close" aria-label="Close details" onClick={onClose}>✕</button>
      </div>
      <dl className="details-tags">
        <dt>Title</dt><dd data-testid="details-title">{track.title}</dd>
        <dt>Artist</dt><dd data-testid="details-artist">{track.artist || '–'}</dd>
        <dt>Album</dt><dd data-testid="details-album">{track.album || '–'}</dd>
        <dt>File</dt><dd>{track.fileName}</dd>
        <dt>Duration</dt><dd>{track.durationSec > 0 ? formatClock(track.durationSec) : '–'}</dd>
        <dt>Tempo</dt><dd data-testid="details-bpm">{track.grid ? `${formatBpm(track.grid.bpm)} BPM${track.grid.beats ? ' (tempo moves: beats followed one by one)' : ''}` : '–'}{track.status === 'ready' && (track.corrected ? ' (beat grid set by you)' : ` (beat confidence ${beatConfidenceText(track)})`)}</dd>
        <dt>BPM tag</dt><dd data-testid="details-tag-bpm">{track.tagBpm !== null ? `${formatBpm(track.tagBpm)} (a hint only)` : 'none'}</dd>
        <dt>Status</dt><dd data-testid="details-status">{track.status}</dd>
        {track.error && (<><dt>Problem</dt><dd className="error" data-testid="details-error">{track.error}</dd></>)}
      </dl>
      <PreviewControls key={track.id} track={track} />
      <GridCorrections track={track} />
      <button type="button" disabled={track.status === 'queued' || track.status === 'analyzing'} onClick={() => void reanalyseTrack(track.id)}>
        Analyse again
      </button>
    </aside>
  );
}
