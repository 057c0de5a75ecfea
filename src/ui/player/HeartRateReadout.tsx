/** The live heart rate while a workout runs: "♥ 142 bpm", and below, in or above the step's zone when it has one. */
import { useApp } from '../store-context';
import { heartRateRangeText } from '../format';
import { stepHeartRateTarget, zoneRange, zoneStatus, type ZoneStatus } from '../../core/heart-rate';
import type { TimelineStep } from '../../core/workout';
import { HeartRateConnect } from './HeartRateConnect';

const ZONE_TEXT: Record<ZoneStatus, string> = { below: 'below zone', in: 'in zone', above: 'above zone' };

/** Shows the rate of the connected sensor and the zone status for `step` (null in the count-in); the connect buttons when none is. */
export function HeartRateReadout({ step }: { step: TimelineStep | null }) {
  const bpm = useApp((s) => s.heartRate.bpm);
  const source = useApp((s) => s.heartRate.source);
  const status = useApp((s) => s.heartRate.status);
  const contact = useApp((s) => s.heartRate.contact);
  const zones = useApp((s) => s.settings.heartRate.zones);
  if (source === null || (status !== 'connected' && status !== 'reconnecting' && status !== 'connecting')) return <HeartRateConnect />;
  const target = step ? stepHeartRateTarget(step.step) : null;
  const range = target ? zoneRange(target, zones) : null;
  const zone = bpm !== null && range ? zoneStatus(bpm, range) : null;
  const targetName = target?.type === 'zone' ? `zone ${target.zone}` : 'target';
  return (
    <div className="heart-rate" data-testid="heart-rate">
      <p className="hr-bpm" role="img" aria-label={bpm !== null ? `Heart rate: ${bpm} beats per minute${source === 'simulated' ? ' (simulated)' : ''}` : 'Heart rate: waiting for a reading'}>
        <span className="hr-heart" aria-hidden="true">♥</span> <span data-testid="heart-rate-bpm">{bpm ?? '—'}</span> bpm
        {source === 'simulated' && <span className="badge simulated">Simulated</span>}
      </p>
      {contact === 'not-detected' && <p className="hint">The strap does not touch the skin: wet it and tighten it.</p>}
      {status === 'reconnecting' && <HeartRateConnect />}
      {target && range && (
        <p className={`zone-status zone-${zone ?? 'none'}`} role="status" data-testid="zone-status">
          {zone ? ZONE_TEXT[zone] : 'waiting for a reading'} <span className="zone-range">({targetName}: {heartRateRangeText(range)})</span>
        </p>
      )}
      {target && !range && <p className="hint" data-testid="zone-status">Zone {target.type === 'zone' ? target.zone : ''}: enter your heart rate in the heart-rate settings.</p>}
    </div>
  );
}
