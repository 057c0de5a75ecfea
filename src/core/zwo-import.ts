/**
 * Zwift `.zwo` import. Power (a fraction of FTP, or of threshold pace in a run workout) becomes effort 1..5 by Zwift's
 * zones and is named in the step ("Steady 88% FTP"), in every form Zwift writes it: `Power`, `PowerLow`/`PowerHigh`
 * (SteadyState too) and `OnPower`/`PowerOnLow`…`PowerOffHigh`. A step with no power says the pace it was written with,
 * or nothing, never a figure that is not in the file. `Cadence` becomes a tempo target with half/double time allowed;
 * IntervalsT becomes a repeat block; the first text event of an element becomes its voice text. DOCTYPE and ENTITY
 * declarations are refused before anything is parsed (billion laughs, external files).
 */
import type { Step, StepKind, TempoTarget, WorkoutNode } from './workout';
import {
  KIND_INTENSITY, MAX_BPM, MAX_NAME_LENGTH, MAX_REPEAT_TIMES, MAX_STEP_SECONDS, MAX_VOICE_LENGTH, MIN_BPM, MIN_STEP_SECONDS,
  randomId,
} from './workout-defaults';
import { MAX_FILE_CHARS, checkPlayable, type ParseOptions, type WorkoutParseResult } from './workout-schema';
import { parseXml, type XmlElement } from './xml-scan';

/** Highest power accepted, as a fraction of FTP (ramp-test ladders climb to 6.4 × FTP; sprints pass 5 ×). */
export const MAX_ZWO_POWER = 20;

/** Returns effort 1..5 for a power given as a fraction of FTP (Zwift zones: <60%, ≤75%, ≤90%, ≤105%, above). */
export function powerToIntensity(power: number): number {
  if (!Number.isFinite(power)) return 3;
  if (power < 0.6) return 1;
  if (power <= 0.75) return 2;
  if (power <= 0.9) return 3;
  return power <= 1.05 ? 4 : 5;
}

class ZwoError extends Error {}

/** A power target as written: one value (low = high) or a range from `low` to `high` (either may be the larger). */
interface Power { low: number; high: number }

const percent = (power: number): string => `${Math.round(power * 100)}%`;

// Reads a numeric attribute; undefined when absent, a ZwoError when present but not a number in range.
function attrNumber(el: XmlElement, label: string, name: string, min: number, max: number): number | undefined {
  const raw = el.attrs.get(name.toLowerCase());
  if (raw === undefined) return undefined;
  const value = Number(raw.trim());
  if (raw.trim() === '' || !(value >= min && value <= max)) {
    throw new ZwoError(`${label}: ${name} must be a number from ${min} to ${max} (it is ${JSON.stringify(raw.slice(0, 20))})`);
  }
  return value;
}

// Reads a power written as `single`, or as the pair `low`/`high` (one of the pair alone counts for both).
function readPower(el: XmlElement, label: string, single: string | null, low: string, high: string): Power | null {
  const read = (name: string) => attrNumber(el, label, name, 0, MAX_ZWO_POWER);
  const one = single === null ? undefined : read(single);
  if (one !== undefined) return { low: one, high: one };
  const [lo, hi] = [read(low), read(high)];
  if (lo === undefined && hi === undefined) return null;
  return { low: lo ?? hi!, high: hi ?? lo! };
}

// "6:00/km" for a pace in seconds per km; Zwift's own pace="0".."5" (which reference pace to use) is not a pace.
function paceWords(el: XmlElement): string | null {
  const secPerKm = Number(el.attrs.get('pace') ?? NaN);
  if (!(secPerKm >= 60 && secPerKm <= 3600)) return null;
  const whole = Math.round(secPerKm);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}/km`;
}

// The earliest text event of an element, as voice text.
function firstMessage(el: XmlElement): string | null {
  let best: { at: number; message: string } | null = null;
  for (const child of el.children) {
    const message = child.attrs.get('message');
    if (child.name !== 'textevent' || !message) continue;
    const at = Number(child.attrs.get('timeoffset') ?? 0) || 0;
    if (!best || at < best.at) best = { at, message: message.trim().slice(0, MAX_VOICE_LENGTH) };
  }
  return best?.message ?? null;
}

function cadenceTempo(el: XmlElement, attr: string): TempoTarget | null {
  const cadence = Number(el.attrs.get(attr) ?? NaN);
  return cadence >= MIN_BPM && cadence <= MAX_BPM ? { minBpm: cadence, maxBpm: cadence, allowHalfDouble: true } : null;
}

/** Maps one element of `<workout>` to nodes; unknown elements give none. `unit` names what power is a fraction of. */
function elementToNodes(el: XmlElement, label: string, unit: string, newId: () => string): WorkoutNode[] {
  const seconds = (name: string): number => {
    const value = attrNumber(el, label, name, MIN_STEP_SECONDS, MAX_STEP_SECONDS);
    if (value === undefined) throw new ZwoError(`${label}: ${name} is missing`);
    return Math.round(value);
  };
  // Name and effort of a step: the power as written, else the pace as written, else the kind's own default effort.
  const named = (words: string, power: Power | null, fallback: number, pace: string | null = null) => {
    if (!power) return { name: pace ? `${words} ${pace}` : words, intensity: fallback };
    const range = percent(power.low) === percent(power.high) ? percent(power.low) : `${percent(power.low)}–${percent(power.high)}`;
    return { name: `${words} ${range} ${unit}`, intensity: powerToIntensity((power.low + power.high) / 2) };
  };
  const step = (kind: StepKind, what: { name: string; intensity: number }, durationSec: number, tempo = cadenceTempo(el, 'cadence')): Step => ({
    type: 'step', id: newId(), kind, name: what.name, duration: { unit: 'seconds', value: durationSec }, intensity: what.intensity, tempo, build: null, hr: null, voice: null,
  });
  const effortKind = (intensity: number): StepKind => (intensity >= 3 ? 'work' : 'recover');
  const range = (): Power | null => readPower(el, label, 'Power', 'PowerLow', 'PowerHigh');
  let nodes: WorkoutNode[];
  switch (el.name) {
    case 'warmup':
    case 'cooldown': {
      const kind = el.name === 'warmup' ? 'warmup' : 'cooldown';
      nodes = [step(kind, named(kind === 'warmup' ? 'Warm-up' : 'Cool-down', range(), KIND_INTENSITY[kind], paceWords(el)), seconds('Duration'))];
      break;
    }
    case 'ramp':
    case 'steadystate':
    case 'solidstate': {
      const what = named(el.name === 'ramp' ? 'Ramp' : 'Steady', range(), 3, paceWords(el));
      nodes = [step(effortKind(what.intensity), what, seconds('Duration'))];
      break;
    }
    case 'freeride':
    case 'flatroad':
      nodes = [step('work', { name: 'Free ride', intensity: 3 }, seconds('Duration'))];
      break;
    case 'maxeffort':
      nodes = [step('work', { name: 'Max effort', intensity: 5 }, seconds('Duration'))];
      break;
    case 'intervalst': {
      const times = attrNumber(el, label, 'Repeat', 1, MAX_REPEAT_TIMES) ?? 1;
      if (!Number.isInteger(times)) throw new ZwoError(`${label}: Repeat must be a whole number`);
      const on = named('On', readPower(el, label, 'OnPower', 'PowerOnLow', 'PowerOnHigh'), KIND_INTENSITY.work, paceWords(el));
      const off = named('Off', readPower(el, label, 'OffPower', 'PowerOffLow', 'PowerOffHigh'), KIND_INTENSITY.recover);
      const onStep = step('work', on, seconds('OnDuration'));
      const offStep = step('recover', off, seconds('OffDuration'), cadenceTempo(el, 'cadenceresting'));
      onStep.voice = firstMessage(el);
      return [{ type: 'repeat', id: newId(), times, children: [onStep, offStep] }];
    }
    default:
      return [];
  }
  (nodes[0] as Step).voice = firstMessage(el);
  return nodes;
}

/** Reads a Zwift `.zwo` workout; never throws. Errors name `fileName` and, for a bad element, its position and attribute. */
export function parseZwo(xml: string, fileName: string, opts: ParseOptions = {}): WorkoutParseResult {
  const fail = (words: string): WorkoutParseResult => ({ ok: false, error: `${fileName}: ${words}` });
  if (xml.length > MAX_FILE_CHARS) return fail(`is too large (at most ${MAX_FILE_CHARS / 1e6} MB)`);
  const upper = xml.toUpperCase();
  if (upper.includes('<!DOCTYPE') || upper.includes('<!ENTITY')) {
    return fail('contains a DOCTYPE or ENTITY declaration, which Montage refuses for safety (a .zwo file never needs one)');
  }
  const parsed = parseXml(xml);
  if (!parsed.ok) return fail(`is not valid XML (${parsed.error})`);
  const root = parsed.root;
  if (root.name !== 'workout_file') return fail('is not a Zwift workout (no <workout_file> root element)');
  const body = root.children.find((c) => c.name === 'workout');
  if (!body) return fail('has no <workout> element');
  const newId = opts.newId ?? randomId;
  const sport = root.children.find((c) => c.name === 'sporttype')?.text.trim().toLowerCase();
  const unit = sport === 'run' ? 'threshold pace' : 'FTP';
  const nodes: WorkoutNode[] = [];
  try {
    body.children.forEach((el, k) => nodes.push(...elementToNodes(el, `element ${k + 1} <${el.tag.slice(0, 40)}>`, unit, newId)));
  } catch (e) {
    if (e instanceof ZwoError) return fail(e.message);
    throw e;
  }
  const unplayable = checkPlayable(nodes);
  if (unplayable === 'has no steps' && body.children.some((c) => c.name === 'restday')) {
    return fail('is a rest day (<RestDay/>): there is nothing to play');
  }
  if (unplayable) return fail(unplayable === 'has no steps' ? 'has no steps Montage can play' : unplayable);
  const title = root.children.find((c) => c.name === 'name')?.text.trim().replace(/\s+/g, ' ').slice(0, MAX_NAME_LENGTH);
  const fallbackName = fileName.replace(/\.zwo$/i, '').slice(0, MAX_NAME_LENGTH) || 'Zwift workout';
  return { ok: true, workout: { id: newId(), name: title || fallbackName, nodes, updatedAt: opts.now ?? Date.now() } };
}
