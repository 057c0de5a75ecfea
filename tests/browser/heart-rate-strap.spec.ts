import { test, expect, chromium, type CDPSession, type Page } from '@playwright/test';

// The real Web Bluetooth path against Chromium's emulated central (DevTools BluetoothEmulation, browser-level):
// the chooser answered once through DeviceAccess, GATT connect and discovery, startNotifications on the Heart Rate
// Measurement, values reaching the app's listener, a drop-out and the reconnection.
//
// What this Chromium's emulation cannot do, and how the test gets round it:
// - It has no command that pushes a notification. A readValue() on the same characteristic fires the same
//   `characteristicvaluechanged` event the app listens to, so the test reads through `navigator.bluetooth.getDevices()`
//   (which returns the app's own device object) and answers the read with the bytes a strap would notify.
// - After `simulateGATTDisconnection` the emulated peripheral has lost its services; the test adds them again when the
//   app's rediscovery comes (a real strap keeps its services).
// - Linux needs `--enable-blink-features=WebBluetooth` for `navigator.bluetooth`; getDevices() needs its own flags.

const HEART_RATE = '0000180d-0000-1000-8000-00805f9b34fb';
const MEASUREMENT = '00002a37-0000-1000-8000-00805f9b34fb';
const CCCD = '00002902-0000-1000-8000-00805f9b34fb';
const ADDRESS = '09:09:09:09:09:09';

// DevTools commands and events outside Playwright's typed protocol.
const send = <T = unknown>(cdp: CDPSession, method: string, params: object = {}) => cdp.send(method as never, params as never) as Promise<T>;
const on = (cdp: CDPSession, event: string, handler: (e: any) => void) => cdp.on(event as never, handler as never);

// The emulated strap: its heart-rate service, measurement characteristic and notification descriptor.
async function addHeartRateService(cdp: CDPSession) {
  const { serviceId } = await send<{ serviceId: string }>(cdp, 'BluetoothEmulation.addService', { address: ADDRESS, serviceUuid: HEART_RATE });
  const { characteristicId } = await send<{ characteristicId: string }>(cdp, 'BluetoothEmulation.addCharacteristic', {
    serviceId, characteristicUuid: MEASUREMENT, properties: { notify: true, read: true },
  });
  await send(cdp, 'BluetoothEmulation.addDescriptor', { characteristicId, descriptorUuid: CCCD });
}

// Sends `bytes` to the app's characteristic as a measurement (a read whose answer fires characteristicvaluechanged).
async function measure(page: Page, next: { bytes: number[] }, bytes: number[]) {
  next.bytes = bytes;
  const read = await page.evaluate(async () => {
    const [device] = await (navigator as any).bluetooth.getDevices();
    const service = await device.gatt.getPrimaryService('heart_rate');
    const characteristic = await service.getCharacteristic('heart_rate_measurement');
    return (await characteristic.readValue()).byteLength;
  });
  expect(read).toBe(bytes.length);
}

test('a strap over emulated Web Bluetooth: chooser, notifications, live bpm, a drop-out and the reconnection', async ({ baseURL }) => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required', '--enable-blink-features=WebBluetooth,WebBluetoothGetDevices', '--enable-features=WebBluetoothNewPermissionsBackend'],
  });
  try {
    const central = await browser.newBrowserCDPSession();
    const enabled = await send(central, 'BluetoothEmulation.enable', { state: 'powered-on', leSupported: true }).then(() => true, () => false);
    test.skip(!enabled, 'this Chromium has no BluetoothEmulation domain');
    await send(central, 'BluetoothEmulation.simulatePreconnectedPeripheral', { address: ADDRESS, name: 'Emulated HR strap', manufacturerData: [], knownServiceUuids: [HEART_RATE] });
    await addHeartRateService(central);
    const next = { bytes: [0x00, 60] };
    const gattOps: string[] = [];
    let discoveries = 0;
    on(central, 'BluetoothEmulation.gattOperationReceived', async (e: { address: string; type: string }) => {
      gattOps.push(e.type);
      if (e.type === 'discovery' && ++discoveries > 1) await addHeartRateService(central);
      await send(central, 'BluetoothEmulation.simulateGATTOperationResponse', { address: e.address, type: e.type, code: 0 });
    });
    const subscribed: string[] = [];
    on(central, 'BluetoothEmulation.characteristicOperationReceived', (e: { characteristicId: string; type: string }) => {
      if (e.type === 'subscribe-to-notifications') subscribed.push(e.characteristicId);
      const data = e.type === 'read' ? { data: Buffer.from(next.bytes).toString('base64') } : {};
      void send(central, 'BluetoothEmulation.simulateCharacteristicOperationResponse', { characteristicId: e.characteristicId, type: e.type, code: 0, ...data });
    });

    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto('/');
    // The device chooser, answered once (a second answer to the same prompt crashes this Chromium).
    const devices = await context.newCDPSession(page);
    await send(devices, 'DeviceAccess.enable');
    let answered = false;
    on(devices, 'DeviceAccess.deviceRequestPrompted', (e: { id: string; devices: { id: string }[] }) => {
      if (answered || e.devices.length === 0) return;
      answered = true;
      void send(devices, 'DeviceAccess.selectPrompt', { id: e.id, deviceId: e.devices[0].id });
    });

    await expect(page.getByText('This browser has no Web Bluetooth')).toHaveCount(0);
    await page.getByRole('button', { name: 'Connect heart-rate strap' }).click();
    await expect(page.getByTestId('heart-rate-status')).toContainText('Emulated HR strap: connected');
    expect(gattOps).toEqual(['connection', 'discovery']);
    expect(subscribed).toHaveLength(1);

    await page.getByRole('button', { name: 'Start workout' }).click();
    await expect(page.getByTestId('current-step')).toBeVisible({ timeout: 30_000 });
    // Past the count-in, so the readings go into the log.
    await expect.poll(() => page.evaluate(() => (window as any).montage.store.getState().positionNow() as number), { timeout: 20_000 }).toBeGreaterThan(0.5);
    // An 8-bit rate, then a 16-bit one with sensor contact and an RR interval.
    await measure(page, next, [0x00, 133]);
    await expect(page.getByRole('img', { name: 'Heart rate: 133 beats per minute' })).toContainText('♥ 133 bpm');
    await measure(page, next, [0x17, 0x9a, 0x00, 0x10, 0x00, 0x00, 0x02]);
    await expect(page.getByRole('img', { name: 'Heart rate: 154 beats per minute' })).toBeVisible();

    // The strap drops out: the screen says so, the app connects again by itself and the readings come back.
    await send(central, 'BluetoothEmulation.simulateGATTDisconnection', { address: ADDRESS });
    await expect(page.getByTestId('heart-rate-status')).toContainText('Lost Emulated HR strap: reconnecting…');
    await expect(page.getByRole('img', { name: 'Heart rate: waiting for a reading' })).toBeVisible();
    await expect.poll(() => subscribed.length, { timeout: 15_000 }).toBe(2);
    await measure(page, next, [0x00, 141]);
    await expect(page.getByRole('img', { name: 'Heart rate: 141 beats per minute' })).toBeVisible();
    expect(gattOps).toEqual(['connection', 'discovery', 'connection', 'discovery']);

    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('button', { name: 'End workout' }).click();
    await expect(page.getByTestId('summary-heart-rate')).toHaveText(/ avg · 154 max bpm$/);
  } finally {
    await browser.close();
  }
});
