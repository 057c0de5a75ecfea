/**
 * Zwift `.zwo` import. Power (a fraction of FTP) becomes effort 1..5 by Zwift's zones; `Cadence` becomes a tempo
 * target with half/double time allowed; IntervalsT becomes a repeat block; the first text event of an element becomes
 * its voice text. DOCTYPE and ENTITY declarations are refused before anything is parsed (billion laughs, external files).
 */
import type { Step, StepKind, TempoTarget, WorkoutNode } from './workout';
import { MAX_BPM, MAX_NAME_LENGTH, MAX_REPEAT_TIMES, MAX_STEP_SECONDS, MAX_VOICE_LENGTH, MIN_BPM, MIN_STEP_SECONDS, randomId } from './workout-defaults';
import { MAX_FILE_CHARS, checkPlayable, type ParseOptions, type WorkoutParseResult } from './workout-schema';
import { parseXml, type XmlElement } from './xml-scan';

/** Returns effort 1..5 for a power given as a fraction of FTP (Zwift zones: <60%, ≤75%, ≤90%, ≤105%, above). */
export function powerToIntensity(power: number): number {
  if (!Number.isFinite(power)) return 3;
  if (power < 0.6) return 1;
  if (power <= 0.75) return 2;
  if (power <= 0.9) return 3;
  return power <= 1.05 ? 4 : 5;
}

class ZwoError extends Error {}

const percent = (power: number): string => `${Math.round(power * 100)}%`;

// Reads a numeric attribute; `fallback` undefined means the attribute is required.
function attrNumber(el: XmlElement, label: string, name: string, min: number, max: number, fallback?: number): number {
  const raw = el.attrs.get(name.toLowerCase());
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new ZwoError(`${label}: ${name} is missing`);
  }
  const value = Number(raw.trim());
  if (raw.trim() === '' || !(value >= min && value <= max)) {
    throw new ZwoError(`${label}: ${name} must be a number from ${min} to ${max} (it is ${JSON.stringify(raw.slice(0, 20))})`);
  }
  return value;
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

/** Maps one element of `<workout>` to nodes; unknown elements give none. */
function elementToNodes(el: XmlElement, label: string, newId: () => string): WorkoutNode[] {
  const seconds = (name: string): number => Math.round(attrNumber(el, label, name, MIN_STEP_SECONDS, MAX_STEP_SECONDS));
  const power = (name: string, fallback?: number): number => attrNumber(el, label, name, 0, 5, fallback);
  const step = (kind: StepKind, name: string, durationSec: number, intensity: number, tempo = cadenceTempo(el, 'cadence')): Step => ({
    type: 'step', id: newId(), kind, name, duration: { unit: 'seconds', value: durationSec }, intensity, tempo, voice: null,
  });
  const effortKind = (intensity: number): StepKind => (intensity >= 3 ? 'work' : 'recover');
  let nodes: WorkoutNode[];
  switch (el.name) {
    case 'warmup':
    case 'cooldown': {
      const [low, high] = [power('PowerLow', 0.5), power('PowerHigh', 0.75)];
      const kind = el.name === 'warmup' ? 'warmup' : 'cooldown';
      nodes = [step(kind, kind === 'warmup' ? 'Warm-up' : 'Cool-down', seconds('Duration'), powerToIntensity((low + high) / 2))];
      break;
    }
    case 'ramp': {
      const [low, high] = [power('PowerLow', 0.5), power('PowerHigh', 0.75)];
      const intensity = powerToIntensity((low + high) / 2);
      nodes = [step(effortKind(intensity), `Ramp ${percent(low)}–${percent(high)} FTP`, seconds('Duration'), intensity)];
      break;
    }
    case 'steadystate':
    case 'solidstate': {
      const p = power('Power', 0.75);
      nodes = [step(effortKind(powerToIntensity(p)), `Steady ${percent(p)} FTP`, seconds('Duration'), powerToIntensity(p))];
      break;
    }
    case 'freeride':
    case 'flatroad':
      nodes = [step('work', 'Free ride', seconds('Duration'), 3)];
      break;
    case 'maxeffort':
      nodes = [step('work', 'Max effort', seconds('Duration'), 5)];
      break;
    case 'intervalst': {
      const times = attrNumber(el, label, 'Repeat', 1, MAX_REPEAT_TIMES, 1);
      if (!Number.isInteger(times)) throw new ZwoError(`${label}: Repeat must be a whole number`);
      const [on, off] = [power('OnPower', 1), power('OffPower', 0.5)];
      const onStep = step('work', `On ${percent(on)} FTP`, seconds('OnDuration'), powerToIntensity(on));
      const offStep = step('recover', `Off ${percent(off)} FTP`, seconds('OffDuration'), powerToIntensity(off), cadenceTempo(el, 'cadenceresting'));
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
  const nodes: WorkoutNode[] = [];
  try {
    body.children.forEach((el, k) => nodes.push(...elementToNodes(el, `element ${k + 1} <${el.tag.slice(0, 40)}>`, newId)));
  } catch (e) {
    if (e instanceof ZwoError) return fail(e.message);
    throw e;
  }
  const unplayable = checkPlayable(nodes);
  if (unplayable) return fail(unplayable === 'has no steps' ? 'has no steps Montage can play' : unplayable);
  const title = root.children.find((c) => c.name === 'name')?.text.trim().replace(/\s+/g, ' ').slice(0, MAX_NAME_LENGTH);
  const fallbackName = fileName.replace(/\.zwo$/i, '').slice(0, MAX_NAME_LENGTH) || 'Zwift workout';
  return { ok: true, workout: { id: newId(), name: title || fallbackName, nodes, updatedAt: opts.now ?? Date.now() } };
}
