/**
 * Registers the service worker (built by vite-plugin-pwa) with workbox-window. A new version waits until
 * the user presses "Reload" in the update prompt: it is never applied by itself, and the prompt is held
 * while a workout runs (see ui/common/UpdatePrompt.tsx; the waiting update lives in the store's app slice).
 */
import { Workbox } from 'workbox-window';

/** How often a long-open tab asks the server for a new version, milliseconds. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** Registers `/sw.js`, calling `offerUpdate` with the way to apply a waiting version; returns the Workbox handle, or null where service workers are unavailable. */
export function registerServiceWorker(offerUpdate: (apply: () => void) => void, url = '/sw.js'): Workbox | null {
  if (!('serviceWorker' in navigator)) return null;
  const wb = new Workbox(url, { scope: '/' });
  let requested = false;
  wb.addEventListener('waiting', () =>
    offerUpdate(() => {
      requested = true;
      wb.messageSkipWaiting();
    }),
  );
  wb.addEventListener('controlling', () => {
    // This tab asked for the update: reload into it. Another tab applied it: offer a plain reload here,
    // so a workout playing in this tab is never interrupted.
    if (requested) window.location.reload();
    else offerUpdate(() => window.location.reload());
  });
  void wb.register().catch((e: unknown) => console.warn('Service worker not registered:', e));
  setInterval(() => void wb.update().catch(() => undefined), UPDATE_CHECK_MS);
  return wb;
}
