import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { entriesToTcx, escapeXml } from '../../../src/core/tcx';
import { summarizeSession } from '../../../src/core/workout-log';
import { planWorkout } from '../../../src/core/program';
import { demo3030Template } from '../../../src/core/workout-templates';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';
import { MONDAY_MS, intervalSteps, logEntry } from '../../helpers/log-entries';

// Garmin's TrainingCenterDatabase v2 schema and its samples (copied from shared/schemas/tcx).
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/tcx/${name}`, import.meta.url), 'utf8');
const XSD = fixture('TrainingCenterDatabasev2.xsd');

async function validate(xml: string, fileName = 'export.tcx') {
  const r = await validateXML({ xml: [{ fileName, contents: xml }], schema: [{ fileName: 'TrainingCenterDatabasev2.xsd', contents: XSD }] });
  return { valid: r.valid, errors: r.errors.map((e) => e.rawMessage) };
}

describe('the TCX schema check itself', () => {
  it('accepts the valid sample and refuses the invalid one (duplicate Ids, bad Sport, missing fields)', async () => {
    expect(await validate(fixture('sample-valid.tcx'), 'sample-valid.tcx')).toEqual({ valid: true, errors: [] });
    const bad = await validate(fixture('sample-invalid.tcx'), 'sample-invalid.tcx');
    expect(bad.valid).toBe(false);
    expect(bad.errors.join('\n')).toMatch(/ActivityIdMustBeUnique/);
  });
});

describe('entriesToTcx', () => {
  const program = planWorkout(demo3030Template(), { library: [], demo: demoTrackInfos(), maxTempoChangePct: 0 }, { quantize: 'bar', countdownBeats: 3, metronome: false });
  const played = summarizeSession(program, { spans: [{ fromSec: -program.leadInSec, toSec: program.stepStarts[3] + 5 }], skippedSteps: [2] }, { id: 'e1', startedAt: MONDAY_MS, completed: false });

  it('writes one Activity per workout and a Lap per step played, valid against the official schema', async () => {
    const entries = [
      { ...played, effort: 7 },
      logEntry({ id: 'old', startedAt: MONDAY_MS - 86_400_000, workoutName: 'Tom & Jerry <fast> "quoted" \u0007' }),
      // Two workouts started in the same millisecond still get distinct Ids.
      logEntry({ id: 'twin1', startedAt: MONDAY_MS + 3_600_000, steps: intervalSteps(150) }),
      logEntry({ id: 'twin2', startedAt: MONDAY_MS + 3_600_000, steps: intervalSteps(160), effort: 4 }),
    ];
    const xml = entriesToTcx(entries);
    expect(await validate(xml)).toEqual({ valid: true, errors: [] });
    expect(xml.match(/<Activity /g)).toHaveLength(4);
    const ids = [...xml.matchAll(/<Id>([^<]+)<\/Id>/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toBe(new Date(MONDAY_MS - 86_400_000).toISOString());
    // The demo session: steps 0–3 played (4 laps), the skipped one ended by hand.
    const demo = xml.slice(xml.indexOf(`<Id>${new Date(MONDAY_MS).toISOString()}</Id>`)).split('</Activity>')[0];
    expect(demo.match(/<Lap /g)).toHaveLength(played.steps.filter((s) => s.activeSec > 0).length);
    const lapSec = [...demo.matchAll(/<TotalTimeSeconds>([\d.]+)</g)].map((m) => Number(m[1]));
    expect(lapSec.reduce((a, b) => a + b, 0)).toBeCloseTo(played.activeSec, 0);
    expect(demo).toContain('effort 7/10');
    expect(demo).toMatch(/<TriggerMethod>Manual<\/TriggerMethod>\s*<Notes>[^<]*skipped/);
    expect(xml).toContain('Tom &amp; Jerry &lt;fast&gt; &quot;quoted&quot;');
  });

  it('writes each lap\'s average and maximum heart rate where a strap reported one, in the schema\'s order', async () => {
    const hr = (avgBpm: number, maxBpm: number) => ({ avgBpm, maxBpm, samples: 60 });
    const steps = intervalSteps(150).map((s, k) => ({ ...s, heartRate: k === 2 ? null : hr(120 + 10 * k, 130 + 10 * k) }));
    const entries = [
      logEntry({ id: 'hr', steps, heartRate: hr(135, 160) }),
      // No steps recorded: one lap with the whole workout's heart rate, clamped to TCX's 1–255.
      logEntry({ id: 'whole', startedAt: MONDAY_MS + 86_400_000, heartRate: hr(140.4, 300) }),
    ];
    const xml = entriesToTcx(entries);
    expect(await validate(xml)).toEqual({ valid: true, errors: [] });
    const laps = xml.split('<Lap ').slice(1);
    expect(laps[0]).toMatch(/<Calories>0<\/Calories>\s*<AverageHeartRateBpm><Value>120<\/Value><\/AverageHeartRateBpm>\s*<MaximumHeartRateBpm><Value>130<\/Value><\/MaximumHeartRateBpm>\s*<Intensity>/);
    expect(laps[2]).not.toContain('HeartRateBpm');
    expect(laps[3]).toContain('<MaximumHeartRateBpm><Value>160</Value>');
    expect(laps[4]).toContain('<AverageHeartRateBpm><Value>140</Value>');
    expect(laps[4]).toContain('<MaximumHeartRateBpm><Value>255</Value>');
    expect(xml).toContain('heart rate 135 average, 160 max');
  });

  it('writes a valid empty file when there is nothing to export', async () => {
    expect(await validate(entriesToTcx([]))).toEqual({ valid: true, errors: [] });
  });

  it('escapes every character XML gives meaning to', () => {
    expect(escapeXml(`a&b<c>d"e'f\u0000`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
  });
});
