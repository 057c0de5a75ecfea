/** Runs a callback on every animation frame while mounted (for values that move at 60 Hz: never React state). */
import { useEffect, useRef } from 'react';

/** Calls `onFrame` each animation frame; the latest callback is always used. */
export function useFrame(onFrame: () => void): void {
  const ref = useRef(onFrame);
  useEffect(() => {
    ref.current = onFrame;
  });
  useEffect(() => {
    let id = requestAnimationFrame(function loop() {
      ref.current();
      id = requestAnimationFrame(loop);
    });
    return () => cancelAnimationFrame(id);
  }, []);
}
