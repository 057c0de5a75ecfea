/** "End the workout?" — asked before Stop (or Escape) ends a workout under way; the workout plays on meanwhile. */
import { useEffect, useRef } from 'react';

interface Props {
  onEnd(): void;
  onKeepGoing(): void;
}

/** The confirm: End workout (focused, so Escape then Enter ends it) or Keep going (Escape again). */
export function StopConfirm({ onEnd, onKeepGoing }: Props) {
  const endRef = useRef<HTMLButtonElement>(null);
  useEffect(() => endRef.current?.focus(), []);
  return (
    <div className="stop-confirm" role="alertdialog" aria-labelledby="stop-confirm-title" aria-describedby="stop-confirm-text">
      <p id="stop-confirm-title" className="stop-confirm-title">End the workout?</p>
      <p id="stop-confirm-text" className="hint">What you have done so far is saved to your log.</p>
      <div className="stop-confirm-buttons">
        <button ref={endRef} type="button" className="danger" onClick={onEnd}>End workout</button>
        <button type="button" className="primary" onClick={onKeepGoing}>Keep going</button>
      </div>
    </div>
  );
}
