/**
 * A Chromium driven over its DevTools pipe, without Playwright attached. Playwright keeps every page it drives
 * visible (its focus emulation counts as a capture of the tab), so a test of what a hidden page does launches
 * its own browser here: a tab opened in front of another really hides it, and its timers are really throttled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** A browser over the pipe: `send` a DevTools command (to a page's session), `close` it. */
export interface PipeBrowser {
  // DevTools replies are untyped JSON: a caller names the type it expects, or reads it as such.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  send<T = any>(method: string, params?: object, sessionId?: string): Promise<T>;
  /** Resolves with the params of the next `method` event (e.g. 'Debugger.paused'). */
  next(method: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Launches `executablePath` headless with `args`, talking DevTools over fds 3 and 4. */
export function launchOverPipe(executablePath: string, args: string[]): PipeBrowser {
  const profile = mkdtempSync(join(tmpdir(), 'montage-pipe-'));
  const child: ChildProcess = spawn(executablePath, ['--headless=new', '--remote-debugging-pipe', `--user-data-dir=${profile}`, ...args, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; method: string }>();
  const awaited = new Map<string, ((params: unknown) => void)[]>();
  let nextId = 0;
  let buffered = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let end: number;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      if (message.method && awaited.has(message.method)) {
        for (const resolve of awaited.get(message.method)!) resolve(message.params);
        awaited.delete(message.method);
      }
      const waiting = message.id !== undefined ? pending.get(message.id) : undefined;
      if (!waiting) continue;
      pending.delete(message.id);
      if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
      else waiting.resolve(message.result);
    }
  });
  return {
    send(method, params = {}, sessionId) {
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method });
        toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
      });
    },
    next(method) {
      return new Promise((resolve) => awaited.set(method, [...(awaited.get(method) ?? []), resolve]));
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      toBrowser.write(`${JSON.stringify({ id: ++nextId, method: 'Browser.close', params: {} })}\0`);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
