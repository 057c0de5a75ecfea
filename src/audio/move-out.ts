/**
 * Moving samples instead of copying them: Chromium keeps a finished offline context that loaded an AudioWorklet
 * alive, and with it the buffers it rendered or decoded; samples moved out are held only as long as they are used.
 */

/** Returns `data`'s samples, moved out of it (it is left empty) into this realm, or a copy where the browser cannot move them. */
export function moveOut(data: Float32Array<ArrayBuffer>): Float32Array<ArrayBuffer> {
  try {
    return structuredClone(data, { transfer: [data.buffer] });
  } catch {
    return data.slice();
  }
}
