/** What every heart-rate sensor offers the store, the Bluetooth strap and the simulated one alike (types only). */
import type { HeartRateMeasurement } from '../core/heart-rate';

/**
 * Where a sensor stands: not connected, asking the user or connecting, sending readings, lost and trying again,
 * given up (a message says why), or impossible in this browser.
 */
export type HeartRateSensorStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'unsupported';

/** Which sensor: a real Bluetooth strap, or the simulated one (labelled as such wherever it shows). */
export type HeartRateSource = 'strap' | 'simulated';

/** What a sensor reports while connected. */
export interface HeartRateSensorEvents {
  /** A measurement arrived (about once a second). */
  onReading(reading: HeartRateMeasurement): void;
  /** The status changed; `message` says why in plain words (a failure, a cancelled chooser), null when nothing to say. */
  onStatus(status: HeartRateSensorStatus, message: string | null): void;
}

/** A heart-rate sensor. One connection at a time; `disconnect` ends it and stops every event. */
export interface HeartRateSensor {
  readonly source: HeartRateSource;
  /** Whether this browser can use it at all (false: `connect` reports 'unsupported' with a message). */
  isSupported(): boolean;
  /** Connects, from a tap (the browser's device chooser needs one); resolves once connected or given up. */
  connect(events: HeartRateSensorEvents): Promise<void>;
  disconnect(): void;
  /** The sensor's name as it calls itself; null before one is chosen. */
  name(): string | null;
}
