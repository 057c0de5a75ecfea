/**
 * The browser benches' server: the app built into a folder of its own and served by `vite preview` on a given
 * port for as long as a bench needs it.
 */
import { execSync, spawn } from 'node:child_process';

/** Where and whether to build: `build: false` serves a folder built before (e.g. `MONTAGE_DIST`). */
export interface PreviewOptions {
  port: number;
  outDir: string;
  build?: boolean;
}

/** Builds the app (unless told not to), serves it, runs `use` with its URL, and stops the server whatever happens. */
export async function withPreview<T>({ port, outDir, build = true }: PreviewOptions, use: (url: string) => Promise<T>): Promise<T> {
  if (build) execSync(`npx vite build --outDir ${outDir}`, { stdio: 'ignore' });
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', outDir], { stdio: 'ignore', detached: true });
  const url = `http://localhost:${port}/`;
  try {
    // Up to 30 s for the server to answer (a busy machine).
    for (let i = 0; i < 150; i++) {
      try {
        await fetch(url);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    return await use(url);
  } finally {
    process.kill(-server.pid!);
  }
}
