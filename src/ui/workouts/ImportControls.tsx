/** Importing workouts: a file input (.json, .zwo, .txt) and a box for pasted workout text. */
import { useId, useState } from 'react';
import { useApp } from '../store-context';
import { MAX_NAME_LENGTH } from '../../core/workout-defaults';

/** Shows the import file button and the paste box. */
export function ImportControls() {
  const importWorkoutFile = useApp((s) => s.importWorkoutFile);
  const addWorkoutText = useApp((s) => s.addWorkoutText);
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const textId = useId();
  const onFiles = async (files: File[]) => {
    for (const file of files) await importWorkoutFile(file);
  };
  const add = async () => {
    const [added, addedName] = [text, name];
    // Cleared only where the box still holds what was added: text typed while the save ran is kept.
    if (await addWorkoutText(added, addedName)) {
      setText((current) => (current === added ? '' : current));
      setName((current) => (current === addedName ? '' : current));
    }
  };
  return (
    <div className="import-controls">
      <label className="button">
        Import workout
        <input className="visually-hidden" type="file" multiple accept=".json,.zwo,.txt" aria-label="Import workout"
          onChange={(e) => { void onFiles([...(e.target.files ?? [])]); e.target.value = ''; }} />
      </label>
      <div className="paste-box">
        <label htmlFor={textId}>Paste workout text</label>
        <textarea id={textId} rows={2} value={text} onChange={(e) => setText(e.target.value)}
          placeholder="10m warmup 120bpm; 6x(30s sprint 175bpm, 30s easy 150bpm); 5m cooldown" />
        <input type="text" value={name} maxLength={MAX_NAME_LENGTH} onChange={(e) => setName(e.target.value)} aria-label="Name of the pasted workout"
          placeholder="Name (optional)" />
        <button type="button" aria-label="Add pasted workout" disabled={text.trim() === ''} onClick={() => void add()}>Add</button>
      </div>
    </div>
  );
}
