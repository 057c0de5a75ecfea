/** A read-only text (an exported workout, a share link) with a note above it and a Copy button. */
import { useId, useState } from 'react';

interface Props {
  label: string;
  value: string;
  note: string;
  multiline?: boolean;
}

/** Shows `value` ready to select or copy. */
export function CopyField({ label, value, note, multiline = false }: Props) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = () => void navigator.clipboard?.writeText(value).then(() => setCopied(true), () => setCopied(false));
  return (
    <div className="copy-field">
      <label htmlFor={id}>{note}</label>
      {multiline
        ? <textarea id={id} aria-label={label} readOnly value={value} rows={3} onFocus={(e) => e.target.select()} />
        : <input id={id} aria-label={label} type="text" readOnly value={value} onFocus={(e) => e.target.select()} />}
      <button type="button" onClick={copy}>{copied ? 'Copied' : 'Copy'}</button>
    </div>
  );
}
