/**
 * `npm run analyze` entry: bundles scripts/analyze.ts with esbuild (≈ 20 ms) and runs the bundle in
 * this same plain-node process, which starts faster and uses ≈ 25 MB less than running it under
 * tsx. The bundle is written under a name of its own and renamed into place, so that runs started
 * together never read a half-written file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(repo, 'node_modules', '.cache', 'montage', 'analyze.mjs');
const fresh = `${bundle}.${process.pid}.mjs`;
await build({ entryPoints: [path.join(repo, 'scripts', 'analyze.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: fresh, logLevel: 'warning' });
fs.renameSync(fresh, bundle);
await import(pathToFileURL(bundle).href);
