import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, entriesToCsv } from '../../../src/core/csv';
import { MONDAY_MS, intervalSteps, logEntry } from '../../helpers/log-entries';

// A strict RFC 4180 reader, to read back what was written.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) cell += c;
    else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

describe('entriesToCsv', () => {
  it('writes a header and one row per workout, oldest first, quoting what needs it', () => {
    const entries = [
      logEntry({ id: 'b', startedAt: MONDAY_MS, workoutName: 'Hills, "steep"\nand long', effort: 6, activeSec: 1800, steps: intervalSteps(150) }),
      logEntry({ id: 'a', startedAt: MONDAY_MS - 1000, workoutName: '=HYPERLINK("x")', tracks: [{ trackId: null, title: 'A', seconds: null }, { trackId: null, title: 'B', seconds: null }] }),
    ];
    const rows = parseCsv(entriesToCsv(entries));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const col = (r: string[], name: (typeof CSV_COLUMNS)[number]) => r[CSV_COLUMNS.indexOf(name)];
    expect(col(rows[1], 'workout')).toBe(`'=HYPERLINK("x")`);
    expect(col(rows[1], 'effort')).toBe('');
    expect(col(rows[1], 'tracks')).toBe('A; B');
    expect(col(rows[2], 'workout')).toBe('Hills, "steep"\nand long');
    expect(col(rows[2], 'started_at')).toBe(new Date(MONDAY_MS).toISOString());
    expect([col(rows[2], 'active_minutes'), col(rows[2], 'effort'), col(rows[2], 'session_load'), col(rows[2], 'work_music_bpm')]).toEqual(['30', '6', '180', '150']);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('writes just the header for an empty log, and cells for every kind of value', () => {
    expect(parseCsv(entriesToCsv([]))).toEqual([[...CSV_COLUMNS]]);
    expect([csvCell(null), csvCell(true), csvCell(1.5), csvCell('-1'), csvCell('@x'), csvCell('plain')]).toEqual(['', 'yes', '1.5', "'-1", "'@x", 'plain']);
  });
});
