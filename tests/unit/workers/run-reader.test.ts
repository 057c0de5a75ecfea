import { describe, expect, it } from 'vitest';
import { runReader, type RunSource } from '../../../src/workers/run-reader';

/** A stream whose samples count 0, 1, 2… (left) and their negatives (right): run 0 trimmed to 900 frames, then runs of 1000, the last 400. */
function source(failAt: number[] = []) {
  const sizes = [900, 1000, 1000, 1000, 400];
  const starts = sizes.reduce((s, n) => [...s, s.at(-1)! + n], [0]);
  const decoded: number[] = [];
  let wholes = 0;
  const ramp = (from: number, n: number) => [Float32Array.from({ length: n }, (_, i) => from + i), Float32Array.from({ length: n }, (_, i) => -(from + i))];
  const src: RunSource = {
    sampleRate: 1000,
    runCount: sizes.length,
    framesOfRun: (k) => sizes[k],
    decodeRun: async (k) => {
      decoded.push(k);
      if (failAt.includes(k)) throw new Error('bad run');
      return ramp(starts[k], sizes[k]);
    },
    decodeWhole: async () => (wholes++, ramp(0, starts.at(-1)!)),
  };
  return { src, decoded, wholes: () => wholes };
}

const expectRamp = (channels: Float32Array[], from: number, to: number) => {
  expect(channels[0].length).toBe(to - from);
  expect(Array.from(channels[0])).toEqual(Array.from({ length: to - from }, (_, i) => from + i));
  expect(channels[1][0] + from).toBe(0);
};

describe('runReader: a track decoded run by run as it is read', () => {
  it('reads any stretch across runs exactly as the whole stream, decoding only the runs it covers', async () => {
    const { src, decoded } = source();
    const reader = await runReader(src);
    expect([reader.length, reader.channels, reader.sampleRate]).toEqual([4300, 2, 1000]);
    expect(decoded).toEqual([0]);
    expectRamp(await reader.read(850, 2850), 850, 2850);
    expect(decoded).toEqual([0, 1, 2]);
    // The next piece starts a little back: the two runs kept serve it without decoding them again.
    expectRamp(await reader.read(2500, 4300), 2500, 4300);
    expect(decoded).toEqual([0, 1, 2, 3, 4]);
    expectRamp(await reader.read(0, 10), 0, 10);
    expect(decoded).toEqual([0, 1, 2, 3, 4, 0]);
    // Past the end is cut off.
    expectRamp(await reader.read(4200, 9999), 4200, 4300);
  });

  it('turns to the whole-file decode when a run fails, and keeps to it', async () => {
    const { src, decoded, wholes } = source([2]);
    const reader = await runReader(src);
    expectRamp(await reader.read(100, 1500), 100, 1500);
    expect(wholes()).toBe(0);
    expectRamp(await reader.read(1500, 3500), 1500, 3500);
    expect(wholes()).toBe(1);
    expectRamp(await reader.read(3500, 4000), 3500, 4000);
    expect(wholes()).toBe(1);
    expect(decoded).toEqual([0, 1, 2]);
  });

  it('decodes whole from the start when the first run fails', async () => {
    const { src, wholes } = source([0]);
    const reader = await runReader(src);
    expect(wholes()).toBe(1);
    expect(reader.length).toBe(4300);
    expectRamp(await reader.read(0, 4300), 0, 4300);
  });

  it('reads into the arrays it is given (the buffer of the caller is the only copy), runs and whole alike', async () => {
    for (const failAt of [[], [2]]) {
      const reader = await runReader(source(failAt).src);
      for (const [from, to] of [[850, 2850], [2500, 4300]]) {
        const into = [new Float32Array(to - from), new Float32Array(to - from)];
        const got = await reader.read(from, to, into);
        expect(got[0]).toBe(into[0]);
        expect(got[1]).toBe(into[1]);
        expectRamp(into, from, to);
      }
    }
  });
});
