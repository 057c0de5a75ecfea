import { describe, expect, it } from 'vitest';
import { createHeartRateStrap, RECONNECT_DELAYS_MS, STRAP_UNSUPPORTED, type BluetoothLike, type StrapDevice } from '../../../src/device/heart-rate-strap';
import type { HeartRateSensorEvents } from '../../../src/device/heart-rate-sensor';

// A fake strap over Web Bluetooth's shape: a device, its GATT server and the measurement characteristic.
function fakeStrap() {
  const characteristic = Object.assign(new EventTarget(), {
    value: null as DataView | null,
    notifying: false,
    async startNotifications() {
      this.notifying = true;
    },
  });
  let failConnects = 0;
  const gatt = {
    connected: false,
    connects: 0,
    async connect() {
      gatt.connects += 1;
      if (failConnects > 0) {
        failConnects -= 1;
        throw new DOMException('Connection failed for unknown reason.', 'NetworkError');
      }
      gatt.connected = true;
      return gatt;
    },
    disconnect() {
      gatt.connected = false;
    },
    async getPrimaryService(name: string) {
      expect(name).toBe('heart_rate');
      return { getCharacteristic: async (c: string) => (expect(c).toBe('heart_rate_measurement'), characteristic) };
    },
  };
  const device: StrapDevice & EventTarget = Object.assign(new EventTarget(), { name: 'Polar H10 1234', gatt });
  return {
    device,
    gatt,
    failNextConnects: (n: number) => void (failConnects = n),
    notify(...bytes: number[]) {
      characteristic.value = new DataView(Uint8Array.from(bytes).buffer);
      characteristic.dispatchEvent(new Event('characteristicvaluechanged'));
    },
    drop() {
      gatt.connected = false;
      device.dispatchEvent(new Event('gattserverdisconnected'));
    },
  };
}

function recorder() {
  const statuses: string[] = [];
  const messages: (string | null)[] = [];
  const bpm: number[] = [];
  const events: HeartRateSensorEvents = {
    onReading: (r) => void bpm.push(r.bpm),
    onStatus: (s, m) => (statuses.push(s), void messages.push(m)),
  };
  return { events, statuses, messages, bpm };
}

// Waits that resolve at once, remembered; and a way to let pending promises run.
const waits: number[] = [];
const wait = async (ms: number) => void waits.push(ms);
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the Web Bluetooth strap', () => {
  it('says where Web Bluetooth is missing, naming the browsers that have it', async () => {
    const strap = createHeartRateStrap({ bluetooth: null });
    const r = recorder();
    expect(strap.isSupported()).toBe(false);
    await strap.connect(r.events);
    expect(r.statuses).toEqual(['unsupported']);
    expect(r.messages[0]).toBe(STRAP_UNSUPPORTED);
    expect(STRAP_UNSUPPORTED).toMatch(/Chrome or Edge on Android and on a computer/);
    expect(STRAP_UNSUPPORTED).toMatch(/Safari, Firefox/);
  });

  it('asks for a heart-rate device, subscribes to its measurements and parses each one', async () => {
    const fake = fakeStrap();
    const asked: unknown[] = [];
    const bluetooth: BluetoothLike = { requestDevice: async (o) => (asked.push(o), fake.device) };
    const strap = createHeartRateStrap({ bluetooth, wait });
    const r = recorder();
    await strap.connect(r.events);
    expect(asked).toEqual([{ filters: [{ services: ['heart_rate'] }] }]);
    expect(r.statuses).toEqual(['connecting', 'connected']);
    expect(strap.name()).toBe('Polar H10 1234');
    fake.notify(0x00, 72);
    fake.notify(0x01, 0x2c, 0x01);
    fake.notify(0x01, 0x50); // truncated: skipped
    expect(r.bpm).toEqual([72, 300]);
  });

  it('tells a cancelled chooser, a refused permission and Bluetooth turned off apart', async () => {
    const refuse = (name: string, message: string, available = true): BluetoothLike => ({
      requestDevice: async () => { throw new DOMException(message, name); },
      getAvailability: async () => available,
    });
    const outcome = async (bluetooth: BluetoothLike) => {
      const r = recorder();
      await createHeartRateStrap({ bluetooth, wait }).connect(r.events);
      return [r.statuses[r.statuses.length - 1], r.messages[r.messages.length - 1]];
    };
    expect(await outcome(refuse('NotFoundError', 'User cancelled the requestDevice() chooser.'))).toEqual(['idle', expect.stringMatching(/No strap was chosen/)]);
    expect(await outcome(refuse('SecurityError', 'Permission denied.'))).toEqual(['failed', expect.stringMatching(/not allowed for this site/)]);
    expect(await outcome(refuse('NotFoundError', 'Bluetooth adapter not available.'))).toEqual(['failed', expect.stringMatching(/Bluetooth is off/)]);
    expect(await outcome(refuse('NotFoundError', 'User cancelled the requestDevice() chooser.', false))).toEqual(['failed', expect.stringMatching(/Bluetooth is off/)]);
  });

  it('reconnects after a drop-out, waiting longer each time, and readings flow again', async () => {
    waits.length = 0;
    const fake = fakeStrap();
    const strap = createHeartRateStrap({ bluetooth: { requestDevice: async () => fake.device }, wait });
    const r = recorder();
    await strap.connect(r.events);
    fake.failNextConnects(2);
    fake.drop();
    await settle();
    expect(waits).toEqual(RECONNECT_DELAYS_MS.slice(0, 3));
    expect(r.statuses).toEqual(['connecting', 'connected', 'reconnecting', 'reconnecting', 'reconnecting', 'connected']);
    expect(r.messages[2]).toBe('Lost Polar H10 1234: reconnecting…');
    fake.notify(0x00, 150);
    expect(r.bpm).toEqual([150]);
  });

  it('gives up after about two minutes of failed attempts, saying so', async () => {
    waits.length = 0;
    const fake = fakeStrap();
    const strap = createHeartRateStrap({ bluetooth: { requestDevice: async () => fake.device }, wait });
    const r = recorder();
    await strap.connect(r.events);
    fake.failNextConnects(100);
    fake.drop();
    await settle();
    expect(waits).toEqual(RECONNECT_DELAYS_MS);
    expect(RECONNECT_DELAYS_MS.reduce((a, b) => a + b, 0)).toBe(120_000);
    expect(r.statuses[r.statuses.length - 1]).toBe('failed');
    expect(r.messages[r.messages.length - 1]).toMatch(/could not reach it again/);
  });

  it('after disconnect: no more readings, no reconnection, the strap let go', async () => {
    const fake = fakeStrap();
    const strap = createHeartRateStrap({ bluetooth: { requestDevice: async () => fake.device }, wait });
    const r = recorder();
    await strap.connect(r.events);
    strap.disconnect();
    expect(fake.gatt.connected).toBe(false);
    fake.notify(0x00, 99);
    fake.drop();
    await settle();
    expect(r.bpm).toEqual([]);
    expect(r.statuses).toEqual(['connecting', 'connected']);
    expect(fake.gatt.connects).toBe(1);
  });
});
