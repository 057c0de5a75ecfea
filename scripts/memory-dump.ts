/**
 * Where a Chromium renderer's memory is, by allocator (the browser's own memory-infra dump, as chrome://tracing
 * shows it): for the export bench's `MONTAGE_EXPORT_MEMDUMP=<seconds>`, which takes one that far into an export.
 */
import type { Browser } from '@playwright/test';

interface Allocator { attrs?: { size?: { value: string } } }
interface DumpEvent { ph: string; pid: number; args?: { dumps?: { allocators?: Record<string, Allocator> } } }

/** Takes a detailed memory dump of every process and returns, per process, its allocators of 5 MB or more (MB). */
export async function memoryDump(browser: Browser): Promise<string[]> {
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-memory-infra'] }, transferMode: 'ReturnAsStream' });
  await cdp.send('Tracing.requestMemoryDump', { deterministic: false, levelOfDetail: 'detailed' });
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream ?? '')));
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.detach();
  const events = (JSON.parse(text) as { traceEvents: DumpEvent[] }).traceEvents.filter((e) => e.ph === 'v' && e.args?.dumps?.allocators);
  return events.map((e) => {
    const sizes = Object.entries(e.args!.dumps!.allocators!)
      .map(([name, a]) => [name, parseInt(a.attrs?.size?.value ?? '0', 16) / 2 ** 20] as const)
      .filter(([name, mb]) => mb >= 5 && name.split('/').length <= 3)
      .sort((a, b) => b[1] - a[1]);
    return `pid ${e.pid}: ${sizes.map(([n, mb]) => `${n} ${mb.toFixed(0)}`).join(', ')}`;
  });
}
