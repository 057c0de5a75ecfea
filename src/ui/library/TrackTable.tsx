/** The library table: virtualised (smooth with 10,000 tracks), sortable, with per-track corrections. */
import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { trackBpm, type TrackRecord } from '../../core/track';
import { formatClock } from '../format';
import { TrackRow } from './TrackRow';

type SortKey = 'title' | 'artist' | 'durationSec' | 'bpm' | 'confidence';
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'artist', label: 'Artist' },
  { key: 'durationSec', label: 'Time' },
  { key: 'bpm', label: 'BPM' },
  { key: 'confidence', label: 'Beat' },
];
const ROW_PX = 52;
// A grid the user set sorts as the surest.
const sortValue = (t: TrackRecord, key: SortKey): string | number | null =>
  key === 'bpm' ? trackBpm(t) : key === 'confidence' ? (t.corrected ? 1 : t.confidence) : t[key];

/** Shows `tracks` in a scrolling, sortable table; `onOpen` opens a track's details. */
export function TrackTable({ tracks, onOpen }: { tracks: TrackRecord[]; onOpen: (id: string) => void }) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'title', dir: 1 });
  const sorted = useMemo(() => [...tracks].sort((a, b) => compare(sortValue(a, sort.key), sortValue(b, sort.key)) * sort.dir), [tracks, sort]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: sorted.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_PX, overscan: 8 });
  if (tracks.length === 0) return <p className="empty-state">No tracks yet. Import some music to get started.</p>;
  return (
    <div className="track-table" role="table" aria-label="Tracks" aria-rowcount={sorted.length + 1}>
      <div className="track-row header" role="row">
        <div role="columnheader" className="col-cover"><span className="visually-hidden">Cover</span></div>
        {COLUMNS.map((c) => (
          <div key={c.key} role="columnheader" aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'} className={`col-${c.key}`}>
            <button type="button" className="sort" onClick={() => setSort({ key: c.key, dir: sort.key === c.key ? (-sort.dir as 1 | -1) : 1 })}>
              {c.label}
            </button>
          </div>
        ))}
        <div role="columnheader" className="col-actions">Fix</div>
      </div>
      <div className="track-scroll" ref={scrollRef}>
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => (
            <TrackRow key={sorted[item.index].id} track={sorted[item.index]} top={item.start} rowIndex={item.index + 2} onOpen={onOpen} />
          ))}
        </div>
      </div>
      <p className="table-foot">{sorted.length} tracks · {formatClock(sorted.reduce((s, t) => s + t.durationSec, 0))}</p>
    </div>
  );
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b);
  return (a as number) < (b as number) ? -1 : 1;
}
