/** The rule editor of a smart playlist: BPM range (with half/double time), beat confidence, text, artist, album, duration. */
import { useState } from 'react';
import type { SmartRules } from '../../core/playlist';
import { useApp } from '../store-context';

type Draft = Record<'bpmMin' | 'bpmMax' | 'minConfidencePct' | 'text' | 'artist' | 'album' | 'durationMinMin' | 'durationMaxMin', string> & { allowHalfDouble: boolean };

const str = (n: number | undefined, scale = 1) => (n === undefined ? '' : String(Math.round((n / scale) * 100) / 100));
const num = (s: string, scale = 1): number | undefined => (s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Math.max(0, Number(s) * scale));
const words = (s: string): string | undefined => s.trim() || undefined;

function toDraft(r: SmartRules): Draft {
  return {
    bpmMin: str(r.bpmMin), bpmMax: str(r.bpmMax), allowHalfDouble: r.allowHalfDouble,
    minConfidencePct: str(r.minConfidence, 0.01), text: r.text ?? '', artist: r.artist ?? '', album: r.album ?? '',
    durationMinMin: str(r.durationMinSec, 60), durationMaxMin: str(r.durationMaxSec, 60),
  };
}

function toRules(d: Draft): SmartRules {
  const rules: SmartRules = {
    bpmMin: num(d.bpmMin), bpmMax: num(d.bpmMax), allowHalfDouble: d.allowHalfDouble,
    minConfidence: num(d.minConfidencePct, 0.01), text: words(d.text), artist: words(d.artist), album: words(d.album),
    durationMinSec: num(d.durationMinMin, 60), durationMaxSec: num(d.durationMaxMin, 60),
  };
  if (rules.minConfidence !== undefined) rules.minConfidence = Math.min(1, rules.minConfidence);
  // Absent fields do not filter: drop the undefined ones so the stored record stays minimal.
  return Object.fromEntries(Object.entries(rules).filter(([, v]) => v !== undefined)) as unknown as SmartRules;
}

const FIELDS: { key: Exclude<keyof Draft, 'allowHalfDouble'>; label: string; type: 'number' | 'text' }[] = [
  { key: 'bpmMin', label: 'BPM from', type: 'number' },
  { key: 'bpmMax', label: 'BPM to', type: 'number' },
  { key: 'minConfidencePct', label: 'Beat confidence at least (%)', type: 'number' },
  { key: 'text', label: 'Text in title, artist or album', type: 'text' },
  { key: 'artist', label: 'Artist contains', type: 'text' },
  { key: 'album', label: 'Album contains', type: 'text' },
  { key: 'durationMinMin', label: 'Length from (min)', type: 'number' },
  { key: 'durationMaxMin', label: 'Length to (min)', type: 'number' },
];

/** Edits the rules of smart playlist `playlistId`; "Save rules" stores them and the track list follows. */
export function SmartRulesEditor({ playlistId, rules }: { playlistId: string; rules: SmartRules }) {
  const setSmartRules = useApp((s) => s.setSmartRules);
  const [draft, setDraft] = useState<Draft>(() => toDraft(rules));
  return (
    <form className="rules" aria-label="Smart playlist rules" onSubmit={(e) => { e.preventDefault(); void setSmartRules(playlistId, toRules(draft)); }}>
      {FIELDS.map((f) => (
        <label key={f.key} className={`field ${f.type === 'number' ? 'narrow' : ''}`}><span>{f.label}</span>
          <input type={f.type} min={f.type === 'number' ? 0 : undefined} step="any" value={draft[f.key]} aria-label={f.label}
            onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })} />
        </label>
      ))}
      <label className="check">
        <input type="checkbox" checked={draft.allowHalfDouble} onChange={(e) => setDraft({ ...draft, allowHalfDouble: e.target.checked })} />
        count half and double time (85 BPM fits 170)
      </label>
      <button type="submit" className="primary">Save rules</button>
    </form>
  );
}
