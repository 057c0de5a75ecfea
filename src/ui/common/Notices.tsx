/** The notices of a screen: the newest few, each dismissable, the older ones behind "N earlier", and Dismiss all. */
import { useState } from 'react';
import { SHOWN_NOTICES, shownNotices, type Notice } from '../../core/notices';

interface Props {
  notices: readonly Notice[];
  /** What the list is, for screen readers ("Library messages"). */
  label: string;
  onDismiss(index: number): void;
  onDismissAll(): void;
}

/** Shows `notices`; errors are announced at once, successes politely. */
export function Notices({ notices, label, onDismiss, onDismissAll }: Props) {
  const [expanded, setExpanded] = useState(false);
  const { shown, hidden } = shownNotices(notices, expanded);
  return (
    <div role="status" aria-live="polite" className="notices">
      {notices.length > 0 && (
        <ul className="notice-list" aria-label={label}>
          {shown.map(({ notice, index }) => (
            <li key={`${index}-${notice.text}`} className={notice.tone === 'error' ? 'error' : 'ok'}>
              <span>{notice.text}{notice.count > 1 && <span className="notice-count"> (×{notice.count})</span>}</span>
              <button type="button" aria-label={`Dismiss: ${notice.text}`} onClick={() => onDismiss(index)}>×</button>
            </li>
          ))}
        </ul>
      )}
      {(hidden > 0 || expanded || notices.length > 1) && (
        <p className="notice-actions">
          {hidden > 0 && <button type="button" className="link-button" onClick={() => setExpanded(true)}>{hidden} earlier {hidden === 1 ? 'message' : 'messages'}</button>}
          {expanded && notices.length > SHOWN_NOTICES && <button type="button" className="link-button" onClick={() => setExpanded(false)}>Show fewer</button>}
          {notices.length > 1 && <button type="button" className="link-button" onClick={() => { setExpanded(false); onDismissAll(); }}>Dismiss all</button>}
        </p>
      )}
    </div>
  );
}
