/** Connecting a heart-rate sensor: the Bluetooth strap or the simulated one, its status, and why it failed. */
import { useApp } from '../store-context';
import type { HeartRateState } from '../../state/heart-rate-slice';

const statusText = (hr: HeartRateState): string => {
  const who = hr.source === 'simulated' ? 'Simulated heart rate' : (hr.name ?? 'Heart-rate strap');
  if (hr.status === 'connecting') return hr.source === 'strap' ? 'Choose your strap in the browser’s list…' : 'Connecting…';
  if (hr.status === 'connected') return `${who}: connected`;
  if (hr.status === 'reconnecting') return hr.message ?? `${who}: reconnecting…`;
  return '';
};

/** Shows the connect buttons, or the connected sensor with a way to disconnect it. */
export function HeartRateConnect() {
  const hr = useApp((s) => s.heartRate);
  const canUseStrap = useApp((s) => s.canUseStrap);
  const connect = useApp((s) => s.connectHeartRate);
  const disconnect = useApp((s) => s.disconnectHeartRate);
  const inUse = hr.status === 'connecting' || hr.status === 'connected' || hr.status === 'reconnecting';
  return (
    <div className="heart-rate-connect" role="group" aria-label="Heart rate">
      {inUse ? (
        <p className="hr-connection" data-testid="heart-rate-status">
          {hr.source === 'simulated' && <span className="badge simulated">Simulated</span>} {statusText(hr)}{' '}
          <button type="button" className="link-button" onClick={disconnect}>Disconnect</button>
        </p>
      ) : (
        <>
          <button type="button" onClick={() => void connect('strap')}>Connect heart-rate strap</button>
          <button type="button" onClick={() => void connect('simulated')}>Use simulated heart rate</button>
          {!canUseStrap && hr.status !== 'unsupported' && (
            <p className="hint">This browser has no Web Bluetooth: straps connect in Chrome or Edge on Android and on a computer.</p>
          )}
        </>
      )}
      {hr.message && !inUse && (
        <p className={hr.status === 'idle' ? 'hint' : 'error'} role={hr.status === 'idle' ? 'status' : 'alert'} data-testid="heart-rate-message">{hr.message}</p>
      )}
    </div>
  );
}
