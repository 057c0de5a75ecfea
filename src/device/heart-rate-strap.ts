/**
 * A Bluetooth heart-rate strap through Web Bluetooth: the chooser (from a tap) offers devices with the Heart Rate
 * service, then GATT connect, notifications of the Heart Rate Measurement, each parsed by the pure parser in core.
 * A dropped connection is taken up again with growing waits; a strap that stays away ends as 'failed'. Where the
 * browser has no Web Bluetooth (Safari, Firefox, every iOS browser), it says so. Nothing leaves the device.
 */
import { isMeasurementProblem, parseHeartRateMeasurement } from '../core/heart-rate';
import type { HeartRateSensor, HeartRateSensorEvents, HeartRateSensorStatus } from './heart-rate-sensor';

// The parts of Web Bluetooth used here (TypeScript's DOM library does not describe it).
interface MeasurementCharacteristic extends EventTarget {
  readonly value?: DataView | null;
  startNotifications(): Promise<unknown>;
}
interface GattServer {
  readonly connected: boolean;
  connect(): Promise<GattServer>;
  disconnect(): void;
  getPrimaryService(service: string): Promise<{ getCharacteristic(characteristic: string): Promise<MeasurementCharacteristic> }>;
}
/** The chosen Bluetooth device, as far as this adapter uses it. */
export interface StrapDevice extends EventTarget {
  readonly name?: string;
  readonly gatt?: GattServer;
}
/** `navigator.bluetooth`, as far as this adapter uses it. */
export interface BluetoothLike {
  requestDevice(options: { filters: { services: string[] }[] }): Promise<StrapDevice>;
  getAvailability?(): Promise<boolean>;
}

/** What the strap adapter may be given instead of the browser's own (tests pass fakes). */
export interface StrapOptions {
  /** The Web Bluetooth entry point; null: none in this browser. Defaults to `navigator.bluetooth`. */
  bluetooth?: BluetoothLike | null;
  /** Resolves after `ms` milliseconds (the waits between reconnection attempts). */
  wait?: (ms: number) => Promise<void>;
}

/** Waits before each reconnection attempt, milliseconds: about two minutes in all, then the strap counts as lost. */
export const RECONNECT_DELAYS_MS = [1000, 2000, 4000, 8000, 15_000, 30_000, 30_000, 30_000];

/** The message where a browser has no Web Bluetooth. */
export const STRAP_UNSUPPORTED =
  'This browser cannot connect to a heart-rate strap. Web Bluetooth works in Chrome or Edge on Android and on a computer; ' +
  'Safari, Firefox and every browser on iPhone and iPad lack it. “Use simulated heart rate” shows how it works.';
const CANCELLED = 'No strap was chosen. Put the strap on (most wake up on skin contact), then tap Connect again.';
const BLUETOOTH_OFF = 'Bluetooth is off or this device has none. Turn Bluetooth on, then tap Connect again.';
const DENIED = 'Bluetooth is not allowed for this site. Allow it in the browser’s site settings (on Android also the ' +
  '“Nearby devices” permission), then tap Connect again.';

const errorName = (e: unknown): string => (e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e) ? String((e as Error).name) : '');
// The browser's words without their closing full stop, so they fit inside a sentence of ours.
const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/\.+$/, '');

// What a refused chooser means to the user, and the status it leaves.
async function chooserProblem(e: unknown, bluetooth: BluetoothLike): Promise<[HeartRateSensorStatus, string]> {
  const name = errorName(e);
  const text = errorText(e);
  if (name === 'SecurityError' || name === 'NotAllowedError') return ['failed', DENIED];
  const off = /adapter|globally disabled|not available/i.test(text) || (await bluetooth.getAvailability?.().catch(() => true)) === false;
  if (off) return ['failed', BLUETOOTH_OFF];
  if (name === 'NotFoundError') return ['idle', CANCELLED];
  return ['failed', `Could not connect to a strap: ${text}`];
}

/** Creates the Web Bluetooth heart-rate strap. */
export function createHeartRateStrap(options: StrapOptions = {}): HeartRateSensor {
  const nav = (globalThis as { navigator?: { bluetooth?: BluetoothLike } }).navigator;
  const bluetooth = options.bluetooth !== undefined ? options.bluetooth : (nav?.bluetooth ?? null);
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let device: StrapDevice | null = null;
  let characteristic: MeasurementCharacteristic | null = null;
  let events: HeartRateSensorEvents | null = null;
  // Bumped by every connect and disconnect: work still under way for an older connection sees it and stops.
  let session = 0;
  let reconnecting = false;
  const label = () => device?.name || 'the strap';

  const onValue = (e: Event) => {
    const value = (e.target as MeasurementCharacteristic | null)?.value;
    if (!value) return;
    const parsed = parseHeartRateMeasurement(value);
    // A malformed notification is skipped: the next one comes within a second.
    if (!isMeasurementProblem(parsed)) events?.onReading(parsed);
  };
  const detach = () => {
    characteristic?.removeEventListener('characteristicvaluechanged', onValue);
    characteristic = null;
  };
  const subscribe = async (s: number) => {
    const gatt = device?.gatt;
    if (!gatt) throw new Error(`${label()} offers no GATT server`);
    const server = await gatt.connect();
    const service = await server.getPrimaryService('heart_rate');
    const ch = await service.getCharacteristic('heart_rate_measurement');
    if (s !== session) return;
    detach();
    ch.addEventListener('characteristicvaluechanged', onValue);
    characteristic = ch;
    await ch.startNotifications();
  };
  const reconnect = async (s: number) => {
    if (s !== session || reconnecting) return;
    reconnecting = true;
    detach();
    try {
      for (const delayMs of RECONNECT_DELAYS_MS) {
        events?.onStatus('reconnecting', `Lost ${label()}: reconnecting…`);
        await wait(delayMs);
        if (s !== session) return;
        try {
          await subscribe(s);
          if (s === session) events?.onStatus('connected', null);
          return;
        } catch {
          // Out of range or asleep: the next attempt waits longer.
        }
      }
      if (s === session) events?.onStatus('failed', `Lost ${label()} and could not reach it again. Check it is worn and close by, then tap Connect again.`);
    } finally {
      reconnecting = false;
    }
  };
  const onDisconnected = () => void reconnect(session);

  const disconnect = () => {
    session += 1;
    events = null;
    detach();
    device?.removeEventListener('gattserverdisconnected', onDisconnected);
    if (device?.gatt?.connected) device.gatt.disconnect();
    device = null;
  };

  return {
    source: 'strap',
    isSupported: () => bluetooth !== null,
    async connect(ev) {
      disconnect();
      const s = session;
      events = ev;
      if (!bluetooth) return ev.onStatus('unsupported', STRAP_UNSUPPORTED);
      ev.onStatus('connecting', null);
      let chosen: StrapDevice;
      try {
        chosen = await bluetooth.requestDevice({ filters: [{ services: ['heart_rate'] }] });
      } catch (e) {
        const [status, message] = await chooserProblem(e, bluetooth);
        if (s === session) ev.onStatus(status, message);
        return;
      }
      if (s !== session) return;
      device = chosen;
      device.addEventListener('gattserverdisconnected', onDisconnected);
      try {
        await subscribe(s);
        if (s === session) ev.onStatus('connected', null);
      } catch (e) {
        if (s !== session) return;
        const message = `Could not start ${label()}: ${errorText(e)}. Is it worn, awake and not connected to another app?`;
        disconnect();
        ev.onStatus('failed', message);
      }
    },
    disconnect,
    name: () => device?.name ?? null,
  };
}
