#!/usr/bin/env node
/**
 * Runs the Playwright browser tests against a server of this checkout's own build, never one already running:
 * with MONTAGE_PORT set it refuses (with a message) when that port is taken; without it, it asks the system for a
 * free port. The chosen port goes to playwright.config.ts through MONTAGE_PORT. Arguments are passed to Playwright.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

// Resolves with the port once listening on it worked (0 = let the system choose), or null when it is taken.
function tryListen(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      const bound = server.address().port;
      server.close(() => resolve(bound));
    });
  });
}

const asked = process.env.MONTAGE_PORT;
let port;
if (asked) {
  port = Number(asked);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`run-browser-tests: MONTAGE_PORT=${asked} is not a port number (1 to 65535)`);
    process.exit(2);
  }
  if ((await tryListen(port)) === null) {
    console.error(`run-browser-tests: port ${port} (MONTAGE_PORT) is already in use; the tests will not run against a server they did not start. Stop that server or unset MONTAGE_PORT to use a free port.`);
    process.exit(2);
  }
} else {
  port = await tryListen(0);
  if (port === null) {
    console.error('run-browser-tests: could not find a free port on 127.0.0.1');
    process.exit(2);
  }
}
console.log(`run-browser-tests: serving ${process.env.MONTAGE_DIST ?? 'dist'} on port ${port}`);
const child = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, MONTAGE_PORT: String(port) },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
