/** Tap tempo: a button (and the T key while the details are open) whose taps set the track's BPM. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrackRecord } from '../../core/track';
import { addTap, tapBpm } from '../../core/tap-tempo';
import { useApp } from '../store-context';
import { formatBpm } from '../../core/bpm-text';
import { setTempo, steadyGrid } from '../../core/beat-grid';

/** Shows the tap button; from the fourth tap on, every tap saves the tapped tempo. */
export function TapTempo({ track }: { track: TrackRecord }) {
  const correctTrack = useApp((s) => s.correctTrack);
  const taps = useRef<number[]>([]);
  const [tapped, setTapped] = useState<{ count: number; bpm: number | null }>({ count: 0, bpm: null });
  const latest = useRef(track);
  latest.current = track;

  const tap = useCallback(() => {
    taps.current = addTap(taps.current, performance.now());
    const bpm = tapBpm(taps.current);
    setTapped({ count: taps.current.length, bpm });
    const grid = latest.current.grid;
    if (bpm !== null) void correctTrack(latest.current.id, grid ? setTempo(grid, bpm) : steadyGrid(Math.round(bpm * 10) / 10, 0, 0, 4));
  }, [correctTrack]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.repeat || e.ctrlKey || e.metaKey || e.altKey || e.key.toLowerCase() !== 't') return;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      e.preventDefault();
      tap();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tap]);

  return (
    <div className="tap-tempo">
      <button type="button" onPointerDown={(e) => { e.preventDefault(); tap(); }} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); tap(); } }}
        aria-describedby="tap-result">Tap tempo (T)</button>
      <span id="tap-result" className="hint" aria-live="polite">
        {tapped.bpm !== null ? `Tapped ${formatBpm(tapped.bpm)} BPM — saved` : tapped.count > 0 ? `${4 - tapped.count} more taps…` : 'Tap along on the beat, 4 taps or more'}
      </span>
    </div>
  );
}
