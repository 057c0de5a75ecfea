/**
 * The HTTP security headers of Montage, in one place: `vite.config.ts` serves them from `vite preview`
 * (and, relaxed, from the dev server), the build writes the CSP into index.html as a <meta> for hosts
 * that cannot set headers, and `public/_headers` repeats them for Netlify/Cloudflare-style hosts.
 */

/** The Content-Security-Policy directives of the built app: nothing inline, nothing evaluated, nothing third-party. */
export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  // Scripts come only from this origin, worklet modules too (never from a blob: URL). 'wasm-unsafe-eval'
  // lets the tempo stretcher's WebAssembly compile in its AudioWorklet; it allows no JavaScript eval.
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' blob: data:",
  'media-src': "'self' blob:",
  'connect-src': "'self'",
  // Tone.js runs its clock in a Worker made from a blob: URL.
  'worker-src': "'self' blob:",
  'font-src': "'self'",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

/** Returns the CSP header value; `forMeta` leaves out what a <meta> element cannot carry (browsers log an error). */
export function cspValue(directives: Record<string, string> = CSP_DIRECTIVES, forMeta = false): string {
  return Object.entries(directives)
    .filter(([name]) => !(forMeta && name === 'frame-ancestors'))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** Every header of the built app (vite preview, static hosts). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': cspValue(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), midi=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * The dev server's headers: the same, except that the CSP allows Vite's inline React-refresh preamble,
 * its injected <style> elements and the HMR websocket. Never used for a build.
 */
export const DEV_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': cspValue({
    ...CSP_DIRECTIVES,
    'script-src': "'self' 'wasm-unsafe-eval' 'unsafe-inline'",
    'style-src': "'self' 'unsafe-inline'",
    'connect-src': "'self' ws: wss:",
  }),
};
