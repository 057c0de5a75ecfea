import { defineConfig } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Several people may test at once on one machine: each can use its own port and build folder. `npm run test:browser`
// picks a free port (scripts/run-browser-tests.mjs); a server already on the port is never reused, so the tests can
// only ever test this checkout's build (Playwright stops with "already used" instead).
const port = Number(process.env.MONTAGE_PORT ?? 4173);
const outDir = process.env.MONTAGE_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/browser',
  timeout: 60_000,
  // A busy machine (several people testing on two cores) renders slowly: room for that, not fixed sleeps.
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--autoplay-policy=no-user-gesture-required',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
