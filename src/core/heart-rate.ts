/**
 * Heart rate, pure: the Bluetooth Heart Rate Measurement (GATT service 0x180D, characteristic 0x2A37) parsed
 * from its bytes, heart-rate targets, the five zones from the user's maximum or threshold heart rate, and
 * whether a rate is below, in or above a range. No DOM, no Bluetooth: the device adapter hands in a DataView.
 */
import type { Bpm } from './units';
import type { HeartRateTarget, Step } from './workout';

export type { HeartRateTarget } from './workout';

/** Whether the strap touches the skin: the strap does not say ('unknown'), or it says yes or no. */
export type SensorContact = 'unknown' | 'detected' | 'not-detected';

/** One heart-rate measurement as the strap sent it. */
export interface HeartRateMeasurement {
  /** Heart rate, beats per minute. */
  bpm: Bpm;
  contact: SensorContact;
  /** Energy expended since the strap's last reset, kilojoules; absent when the strap does not send it. */
  energyKj?: number;
  /** Beat-to-beat (RR) intervals in this notification, seconds, oldest first; empty when none were sent. */
  rrSec: number[];
}

/** Why bytes are not a heart-rate measurement. */
export interface MeasurementProblem {
  error: string;
}

/** How a heart rate compares with a range: under its minimum, within it (ends included), or over its maximum. */
export type ZoneStatus = 'below' | 'in' | 'above';

/** A range of heart rates, beats per minute, both ends included (`max` may be Infinity for an open top). */
export interface HeartRateRange {
  min: Bpm;
  max: Bpm;
}

/** What zones are worked out from: the user's maximum heart rate, or the lactate-threshold heart rate. */
export type ZoneBasis = 'max' | 'threshold';

/** The user's heart-rate figures, beats per minute; null where the user has not entered one. */
export interface HeartRateSettings {
  maxHr: number | null;
  thresholdHr: number | null;
  basis: ZoneBasis;
}

const RR_UNITS_PER_SEC = 1024;

/**
 * Returns the measurement in a Heart Rate Measurement value: a flags byte (bit 0: the rate is uint16, else uint8;
 * bits 1–2: sensor contact; bit 3: energy expended, uint16 kJ, follows; bit 4: RR intervals, uint16 in 1/1024 s,
 * fill the rest), all little-endian. Returns a problem for an empty, truncated or odd-length value.
 */
export function parseHeartRateMeasurement(data: DataView): HeartRateMeasurement | MeasurementProblem {
  if (data.byteLength < 2) return { error: `a heart-rate measurement needs at least 2 bytes, got ${data.byteLength}` };
  const flags = data.getUint8(0);
  const wide = (flags & 0x01) !== 0;
  const hasEnergy = (flags & 0x08) !== 0;
  const hasRr = (flags & 0x10) !== 0;
  let at = 1;
  const need = (bytes: number, what: string): MeasurementProblem | null =>
    at + bytes <= data.byteLength ? null : { error: `the measurement ends before its ${what} (${data.byteLength} bytes)` };
  const rateMissing = need(wide ? 2 : 1, 'heart rate');
  if (rateMissing) return rateMissing;
  const bpm = wide ? data.getUint16(at, true) : data.getUint8(at);
  at += wide ? 2 : 1;
  // Bit 2 says whether contact is reported at all; bit 1 is then the contact itself.
  const contact: SensorContact = (flags & 0x04) === 0 ? 'unknown' : (flags & 0x02) !== 0 ? 'detected' : 'not-detected';
  const out: HeartRateMeasurement = { bpm, contact, rrSec: [] };
  if (hasEnergy) {
    const missing = need(2, 'energy expended');
    if (missing) return missing;
    out.energyKj = data.getUint16(at, true);
    at += 2;
  }
  if (hasRr) {
    if ((data.byteLength - at) % 2 !== 0) return { error: 'the RR intervals do not fill whole 16-bit values' };
    for (; at < data.byteLength; at += 2) out.rrSec.push(data.getUint16(at, true) / RR_UNITS_PER_SEC);
  }
  return out;
}

/** Returns true when `parsed` is a problem, not a measurement. */
export const isMeasurementProblem = (parsed: HeartRateMeasurement | MeasurementProblem): parsed is MeasurementProblem => 'error' in parsed;

// Zone boundaries as fractions of the reference heart rate: six edges for five zones.
// Maximum heart rate: the common 50/60/70/80/90/100 % split.
const MAX_EDGES = [0.5, 0.6, 0.7, 0.8, 0.9, 1];
// Threshold heart rate: Joe Friel's running zones (Z1 < 85 %, Z2 85–89 %, Z3 90–94 %, Z4 95–99 %, Z5 ≥ 100 %).
// Zone 1 has no floor and zone 5 no ceiling: nobody is "below" an easy zone 1 or "above" an all-out zone 5.
const THRESHOLD_EDGES = [0, 0.85, 0.9, 0.95, 1, Infinity];

/**
 * Returns the five zones (index 0 is zone 1) in beats per minute, each from its lower edge to one below the next
 * zone's, or null when the figure the basis needs is missing. Max basis: 50–60–70–80–90–100 % of the maximum, zone 5
 * ending at the maximum. Threshold basis: Friel's running zones of the threshold heart rate.
 */
export function heartRateZones(settings: HeartRateSettings): HeartRateRange[] | null {
  const ref = settings.basis === 'max' ? settings.maxHr : settings.thresholdHr;
  if (ref === null || !(ref > 0)) return null;
  const edges = (settings.basis === 'max' ? MAX_EDGES : THRESHOLD_EDGES).map((f) => (Number.isFinite(f) ? Math.round(f * ref) : Infinity));
  return edges.slice(0, 5).map((min, i) => ({ min, max: i === 4 ? edges[5] : edges[i + 1] - 1 }));
}

/** Returns the heart rates a target asks for, beats per minute; null for a zone when the user's figures are missing. */
export function zoneRange(target: HeartRateTarget, settings: HeartRateSettings): HeartRateRange | null {
  if (target.type === 'range') return { min: Math.min(target.min, target.max), max: Math.max(target.min, target.max) };
  return heartRateZones(settings)?.[target.zone - 1] ?? null;
}

/** Returns a step's heart-rate target, or null when it has none (a step made before targets existed may lack the field). */
export const stepHeartRateTarget = (step: Step): HeartRateTarget | null => step.hr ?? null;

/** Returns whether `bpm` is below, in or above `range` (its ends count as in). */
export function zoneStatus(bpm: Bpm, range: HeartRateRange): ZoneStatus {
  return bpm < range.min ? 'below' : bpm > range.max ? 'above' : 'in';
}
