/** Settings that let libraries run under the app's strict CSP (no eval). main.tsx imports this module first. */
import { config } from 'zod';

// zod probes `new Function` to JIT-compile object parsers; under the CSP the probe is blocked and reported
// as a violation even though zod catches it. Parsing without the JIT is fast enough for our records.
config({ jitless: true });
