import { describe, expect, it } from 'vitest';
import { heartRateZones, isMeasurementProblem, parseHeartRateMeasurement, zoneRange, zoneStatus, type HeartRateSettings } from '../../../src/core/heart-rate';

const bytes = (...b: number[]) => new DataView(Uint8Array.from(b).buffer);
const parsed = (...b: number[]) => {
  const r = parseHeartRateMeasurement(bytes(...b));
  if (isMeasurementProblem(r)) throw new Error(r.error);
  return r;
};

describe('parseHeartRateMeasurement', () => {
  it('reads an 8-bit rate without contact, energy or RR intervals', () => {
    expect(parsed(0x00, 72)).toEqual({ bpm: 72, contact: 'unknown', rrSec: [] });
  });

  it('reads a 16-bit rate, little-endian', () => {
    expect(parsed(0x01, 0x2c, 0x01).bpm).toBe(300);
    expect(parsed(0x01, 150, 0).bpm).toBe(150);
  });

  it('reads sensor contact only when the strap says it reports it', () => {
    expect(parsed(0x06, 80).contact).toBe('detected');
    expect(parsed(0x04, 80).contact).toBe('not-detected');
    // Bit 1 without bit 2: contact is not reported, whatever bit 1 says.
    expect(parsed(0x02, 80).contact).toBe('unknown');
  });

  it('reads the energy expended, then the RR intervals in 1/1024 s', () => {
    const m = parsed(0x18, 140, 0x10, 0x27, 0x00, 0x04, 0x00, 0x02);
    expect(m.bpm).toBe(140);
    expect(m.energyKj).toBe(10000);
    expect(m.rrSec).toEqual([1, 0.5]);
  });

  it('reads RR intervals after a 16-bit rate with no energy field', () => {
    const m = parsed(0x11, 170, 0x00, 0x68, 0x01);
    expect(m).toEqual({ bpm: 170, contact: 'unknown', rrSec: [360 / 1024] });
    expect(m.energyKj).toBeUndefined();
  });

  it('says what is wrong with empty, truncated or odd-length data', () => {
    const problem = (...b: number[]) => {
      const r = parseHeartRateMeasurement(bytes(...b));
      return isMeasurementProblem(r) ? r.error : null;
    };
    expect(problem()).toMatch(/at least 2 bytes, got 0/);
    expect(problem(0x00)).toMatch(/at least 2 bytes, got 1/);
    expect(problem(0x01, 0x50)).toMatch(/before its heart rate/);
    expect(problem(0x08, 90, 0x01)).toMatch(/before its energy expended/);
    expect(problem(0x10, 90, 0x00, 0x04, 0x01)).toMatch(/RR intervals/);
    // A flagged RR list that is empty is valid: no beat in this notification.
    expect(problem(0x10, 90)).toBeNull();
  });

  it('reads from the DataView’s own window of a larger buffer', () => {
    const buf = Uint8Array.from([0xff, 0xff, 0x00, 99, 0xff]).buffer;
    const r = parseHeartRateMeasurement(new DataView(buf, 2, 2));
    expect(r).toEqual({ bpm: 99, contact: 'unknown', rrSec: [] });
  });
});

describe('heart-rate zones', () => {
  const byMax: HeartRateSettings = { maxHr: 190, thresholdHr: null, basis: 'max' };
  const byThreshold: HeartRateSettings = { maxHr: null, thresholdHr: 170, basis: 'threshold' };

  it('splits the maximum heart rate 50–60–70–80–90–100 %, zones not overlapping', () => {
    expect(heartRateZones(byMax)).toEqual([
      { min: 95, max: 113 }, { min: 114, max: 132 }, { min: 133, max: 151 }, { min: 152, max: 170 }, { min: 171, max: 190 },
    ]);
  });

  it('uses Friel’s running zones of the threshold heart rate, zone 1 open below and zone 5 open above', () => {
    expect(heartRateZones(byThreshold)).toEqual([
      { min: 0, max: 144 }, { min: 145, max: 152 }, { min: 153, max: 161 }, { min: 162, max: 169 }, { min: 170, max: Infinity },
    ]);
  });

  it('has no zones when the figure the basis needs is missing', () => {
    expect(heartRateZones({ ...byMax, maxHr: null, thresholdHr: 170 })).toBeNull();
    expect(heartRateZones({ ...byThreshold, thresholdHr: null, maxHr: 190 })).toBeNull();
  });

  it('gives a zone target its zone and a range target its own range (either order)', () => {
    expect(zoneRange({ type: 'zone', zone: 2 }, byMax)).toEqual({ min: 114, max: 132 });
    expect(zoneRange({ type: 'zone', zone: 5 }, byThreshold)).toEqual({ min: 170, max: Infinity });
    expect(zoneRange({ type: 'zone', zone: 3 }, { ...byMax, maxHr: null })).toBeNull();
    expect(zoneRange({ type: 'range', min: 150, max: 160 }, { ...byMax, maxHr: null })).toEqual({ min: 150, max: 160 });
    expect(zoneRange({ type: 'range', min: 160, max: 150 }, byMax)).toEqual({ min: 150, max: 160 });
  });

  it('says below, in (ends included) or above', () => {
    const range = { min: 150, max: 160 };
    expect([149, 150, 155, 160, 161].map((b) => zoneStatus(b, range))).toEqual(['below', 'in', 'in', 'in', 'above']);
    expect(zoneStatus(200, { min: 170, max: Infinity })).toBe('in');
  });
});
