import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Step } from '../../../src/core/workout';
import { flattenWorkout } from '../../../src/core/workout-timeline';
import { parseXml } from '../../../src/core/xml-scan';
import { parseZwo, powerToIntensity } from '../../../src/core/zwo-import';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/zwo/${name}`, import.meta.url), 'utf8');
const seqIds = () => {
  let n = 0;
  return () => `z${(n += 1)}`;
};
const errorOf = (xml: string, file = 'w.zwo'): string => {
  const r = parseZwo(xml, file);
  if (r.ok) throw new Error('expected an error');
  return r.error;
};
const wrap = (body: string) => `<workout_file><name>T</name><workout>${body}</workout></workout_file>`;

describe('parseZwo on real-world-shaped files', () => {
  it('maps every element type of a bike workout', () => {
    const r = parseZwo(fixture('over-unders.zwo'), 'over-unders.zwo', { newId: seqIds(), now: 7 });
    if (!r.ok) throw new Error(r.error);
    const w = r.workout;
    expect(w.name).toBe('Over-Unders & Sprints');
    expect(w.updatedAt).toBe(7);
    expect(w.nodes.map((n) => (n.type === 'step' ? n.name : `repeat ${n.times}`))).toEqual([
      'Warm-up 40%–75% FTP', 'repeat 3', 'Steady 88% FTP', 'Ramp 60%–90% FTP', 'Free ride', 'Max effort', 'Steady 45% FTP', 'Max effort', 'Cool-down 65%–35% FTP',
    ]);
    const [warm, block, steady, ramp, , max, easy, , cool] = w.nodes;
    expect(warm).toMatchObject({ kind: 'warmup', duration: { unit: 'seconds', value: 600 }, intensity: 1, voice: 'Easy spin to start. Ten minutes.' });
    expect(block).toMatchObject({ type: 'repeat', times: 3, children: [
      { kind: 'work', name: 'On 105% FTP', duration: { value: 120 }, intensity: 4, voice: 'Over! Push above threshold.',
        tempo: { minBpm: 95, maxBpm: 95, allowHalfDouble: true } },
      { kind: 'recover', name: 'Off 55% FTP', duration: { value: 60 }, intensity: 1, tempo: { minBpm: 85, maxBpm: 85, allowHalfDouble: true } },
    ] });
    expect(steady).toMatchObject({ kind: 'work', intensity: 3, tempo: { minBpm: 90 } });
    expect(ramp).toMatchObject({ kind: 'recover', intensity: 2, duration: { value: 180 } }); // average power 75%
    expect((max as Step).intensity).toBe(5);
    expect(easy).toMatchObject({ kind: 'recover', intensity: 1 });
    expect(cool).toMatchObject({ kind: 'cooldown', voice: 'Well done — cool down.' });
    const flat = flattenWorkout(w);
    expect(flat).toHaveLength(14);
    expect(flat.at(-1)!.startSec + flat.at(-1)!.durationSec).toBe(600 + 3 * 180 + 300 + 180 + 240 + 20 + 40 + 20 + 480);
  });

  it('reads a run workout with CRLF line ends', () => {
    const r = parseZwo(fixture('run-5x1k.zwo'), 'run-5x1k.zwo');
    if (!r.ok) throw new Error(r.error);
    expect(r.workout.name).toBe('Run 5x1k');
    expect(r.workout.nodes[1]).toMatchObject({ type: 'repeat', times: 5 });
  });

  it('accepts spaces around = and single-quoted attributes', () => {
    const r = parseZwo(wrap(`<SteadyState Duration = '90' Power= "0.5" />`), 'w.zwo');
    expect(r).toMatchObject({ ok: true, workout: { nodes: [{ duration: { value: 90 }, intensity: 1 }] } });
    expect(parseZwo(wrap('<SteadyState Duration=90/>'), 'w.zwo')).toMatchObject({ ok: false, error: /Duration in <SteadyState> needs a quoted value/ });
  });

  it('falls back to the file name and ignores unknown elements', () => {
    const r = parseZwo('<workout_file><workout><Unknown Duration="5"/><SteadyState Duration="60" Power="1.2"/></workout></workout_file>', 'My ride.zwo');
    expect(r).toMatchObject({ ok: true, workout: { name: 'My ride', nodes: [{ kind: 'work', intensity: 5 }] } });
  });
});

describe('parseZwo reads every way Zwift writes an effort', () => {
  const steps = (body: string, head = '') => {
    const r = parseZwo(`<workout_file><name>T</name>${head}<workout>${body}</workout></workout_file>`, 'w.zwo');
    if (!r.ok) throw new Error(r.error);
    return flattenWorkout(r.workout).map((t) => ({ name: t.step.name, intensity: t.step.intensity, kind: t.step.kind, sec: t.durationSec }));
  };

  it('keeps a ramp-test ladder that climbs above 5 × FTP', () => {
    expect(steps('<SteadyState Duration="60" Power="4.8"/><SteadyState Duration="60" Power="6.4000001"/>')).toEqual([
      { name: 'Steady 480% FTP', intensity: 5, kind: 'work', sec: 60 }, { name: 'Steady 640% FTP', intensity: 5, kind: 'work', sec: 60 },
    ]);
    expect(errorOf(wrap('<SteadyState Duration="60" Power="25"/>'))).toMatch(/element 1 <SteadyState>: Power must be a number from 0 to 20 \(it is "25"\)/);
  });

  it('reads SteadyState written with PowerLow/PowerHigh', () => {
    expect(steps('<SteadyState Duration="20" PowerLow="2.41" PowerHigh="2.61"/><SteadyState Duration="30" PowerLow="0.79" PowerHigh="0.79000002"/>')).toEqual([
      { name: 'Steady 241%–261% FTP', intensity: 5, kind: 'work', sec: 20 }, { name: 'Steady 79% FTP', intensity: 3, kind: 'work', sec: 30 },
    ]);
  });

  it('reads IntervalsT written with PowerOnLow…PowerOffHigh', () => {
    expect(steps('<IntervalsT Repeat="2" OnDuration="60" OffDuration="30" PowerOnLow="1.4" PowerOnHigh="1.6" PowerOffLow="0.5" PowerOffHigh="0.8"/>')).toEqual([
      { name: 'On 140%–160% FTP', intensity: 5, kind: 'work', sec: 60 }, { name: 'Off 50%–80% FTP', intensity: 2, kind: 'recover', sec: 30 },
      { name: 'On 140%–160% FTP', intensity: 5, kind: 'work', sec: 60 }, { name: 'Off 50%–80% FTP', intensity: 2, kind: 'recover', sec: 30 },
    ]);
  });

  it('names a pace-only run step by its pace, and a run power as a share of threshold pace, never FTP', () => {
    const run = '<sportType>run</sportType>';
    expect(steps('<SteadyState Duration="600" pace="360"/><IntervalsT Repeat="1" OnDuration="180" OffDuration="120" pace="270"/>', run)).toEqual([
      { name: 'Steady 6:00/km', intensity: 3, kind: 'work', sec: 600 },
      { name: 'On 4:30/km', intensity: 4, kind: 'work', sec: 180 }, { name: 'Off', intensity: 2, kind: 'recover', sec: 120 },
    ]);
    expect(steps('<Warmup Duration="300" pace="0"/><SteadyState Duration="60" Power="0.9" pace="1"/>', run)).toEqual([
      { name: 'Warm-up', intensity: 2, kind: 'warmup', sec: 300 }, { name: 'Steady 90% threshold pace', intensity: 3, kind: 'work', sec: 60 },
    ]);
  });

  it('says a rest-day file is a rest day', () => {
    expect(errorOf(wrap('<RestDay/>'), 'Mon.zwo')).toBe('Mon.zwo: is a rest day (<RestDay/>): there is nothing to play');
  });
});

describe('parseZwo on bad files', () => {
  it('refuses DOCTYPE and ENTITY in any case, before parsing', () => {
    expect(errorOf('<!doctype x><workout_file/>')).toMatch(/^w\.zwo: contains a DOCTYPE or ENTITY declaration/);
    expect(errorOf(wrap('<!ENTITY x "y">'))).toMatch(/DOCTYPE or ENTITY/);
  });

  it('names the element and attribute that are wrong', () => {
    expect(errorOf(wrap('<Warmup Duration="600"/><SteadyState Power="0.8"/>'))).toBe('w.zwo: element 2 <SteadyState>: Duration is missing');
    expect(errorOf(wrap('<SteadyState Duration="-5" Power="0.8"/>'))).toMatch(/element 1 <SteadyState>: Duration must be a number from 1 to 21600 \(it is "-5"\)/);
    expect(errorOf(wrap('<SteadyState Duration="60" Power="abc"/>'))).toMatch(/Power must be a number from 0 to 20/);
    expect(errorOf(wrap('<IntervalsT Repeat="1000000" OnDuration="30" OffDuration="30"/>'))).toMatch(/Repeat must be a number from 1 to 1000/);
    expect(errorOf(wrap('<IntervalsT Repeat="1000" OnDuration="21600" OffDuration="21600"/>'))).toMatch(/24 hours/);
  });

  it('refuses things that are not Zwift workouts', () => {
    expect(errorOf('<html><body/></html>')).toMatch(/not a Zwift workout/);
    expect(errorOf('<workout_file><name>x</name></workout_file>')).toMatch(/has no <workout> element/);
    expect(errorOf(wrap(''))).toMatch(/has no steps Montage can play/);
    expect(errorOf('just text')).toMatch(/not valid XML \(line 1: no root element\)/);
    expect(errorOf('<workout_file>\n<workout>\n</workout_file>')).toMatch(/not valid XML \(line 3: <\/workout_file> does not match <workout>\)/);
    expect(errorOf('x'.repeat(1_000_001))).toMatch(/too large/);
  });

  it('handles a huge flat or deep file in linear time', () => {
    const deep = '<a>'.repeat(200_000);
    expect(errorOf(deep)).toMatch(/nested too deeply/);
    const many = wrap('<SteadyState Duration="1" Power="1"/>'.repeat(25_000));
    expect(errorOf(many)).toMatch(/too many elements/);
    const unclosed = `<workout_file a="${'x'.repeat(500_000)}`;
    expect(errorOf(unclosed)).toMatch(/unclosed attribute value/);
  });
});

describe('parseXml and powerToIntensity', () => {
  it('decodes entities and character references, never throwing on bad ones', () => {
    const r = parseXml('<a t="&lt;&#x1F600;&#1114112;&bogus;">x &amp; y<![CDATA[<z>]]><!-- c --></a>');
    expect(r).toMatchObject({ ok: true, root: { name: 'a', text: 'x & y<z>' } });
    if (r.ok) expect(r.root.attrs.get('t')).toBe('<😀\uFFFD&bogus;');
  });

  it('follows Zwift zones', () => {
    expect([0.5, 0.7, 0.85, 1.0, 1.2, NaN].map(powerToIntensity)).toEqual([1, 2, 3, 4, 5, 3]);
  });
});
