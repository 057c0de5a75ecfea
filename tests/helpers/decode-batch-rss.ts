/**
 * Child-process probe for tests/unit/cli/native-decode.test.ts: decodes one MP3, lengthened to
 * about two minutes by repeating its frames, `count` times in a fresh process (a tiny JS heap, like
 * the CLI's) and prints how much the resident memory grew, MB.
 * Usage: node --import tsx tests/helpers/decode-batch-rss.ts <file.mp3> <count>
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeFile } from '../../scripts/decode-file';
import { indexFrames } from '../../scripts/mp3-frames';

const [source, count] = [process.argv[2], Number(process.argv[3])];
const data = new Uint8Array(fs.readFileSync(source));
const index = indexFrames(data);
if (!index) throw new Error(`${source}: no MPEG frames`);
const frames = data.subarray(index.starts[1], index.starts[index.count]); // without the first (info) frame
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'montage-rss-')), 'long.mp3');
fs.writeFileSync(file, Buffer.concat(Array.from({ length: 10 }, () => frames)));
try {
  for (let i = 0; i < 3; i++) await decodeFile(file, 11025);
  const before = process.memoryUsage().rss;
  for (let i = 0; i < count; i++) await decodeFile(file, 11025);
  process.stdout.write(String((process.memoryUsage().rss - before) / 2 ** 20));
} finally {
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
