/**
 * Heart rate during a workout: which sensor is connected and how it stands, the latest rate, the per-step sums the
 * log keeps (never the readings themselves), and the voice nudges. A reading while the workout runs is placed on
 * the workout clock; a nudge is planned on a reading and said on the player's tick when its downbeat comes, as the
 * step announcements are.
 */
import type { StateCreator } from 'zustand';
import { stepHeartRateTarget, zoneRange, zoneStatus, type HeartRateMeasurement, type SensorContact } from '../core/heart-rate';
import { addHeartRate, emptyHeartRateLog, summarizeHeartRate, type SessionHeartRate } from '../core/heart-rate-log';
import { planNudge, trackZone, type PlannedNudge, type ZoneTrack } from '../core/heart-rate-nudge';
import { stepAt } from '../core/program-view';
import { stepEndSec } from '../core/program';
import { gridAt } from '../core/cue-plan';
import type { Bpm, Seconds } from '../core/units';
import type { HeartRateSensorStatus, HeartRateSource } from '../device/heart-rate-sensor';
import type { AppServices } from './services';
import type { AppState } from './create-app-store';
import { VOICE_LEAD_SEC } from './player-slice';

/** The heart rate as the screen shows it. */
export interface HeartRateState {
  status: HeartRateSensorStatus;
  /** The sensor connected or being connected; null when none was chosen. */
  source: HeartRateSource | null;
  /** The sensor's name; null before one is chosen. */
  name: string | null;
  /** The latest rate, bpm; null while none has come (or the sensor is lost). */
  bpm: Bpm | null;
  contact: SensorContact;
  /** Why the status is what it is, in words (a refused chooser, a lost strap); null when nothing to say. */
  message: string | null;
  /** The latest nudge planned, with the workout second it is said at; null when none this workout. */
  nudge: PlannedNudge | null;
}

/** Heart-rate state and actions; the `…HeartRateLog` and `heartRateTick` ones are the player slice's. */
export interface HeartRateSlice {
  heartRate: HeartRateState;
  /** Whether this browser can connect to a Bluetooth strap at all (Web Bluetooth), read once at start. */
  canUseStrap: boolean;
  /** Connects the strap or the simulated sensor (call from a tap: the strap's chooser needs one). */
  connectHeartRate(source: HeartRateSource): Promise<void>;
  disconnectHeartRate(): void;
  /** Starts the sums and nudges of a new workout. */
  beginHeartRateLog(): void;
  /** Ends the workout's sums: its per-step and whole summaries for `stepCount` steps, or null when no reading came. */
  endHeartRateLog(stepCount: number): SessionHeartRate | null;
  /** Says a nudge whose time has come (called on every tick of the audio clock, at workout second `positionSec`). */
  heartRateTick(positionSec: Seconds): void;
}

const IDLE: HeartRateState = { status: 'idle', source: null, name: null, bpm: null, contact: 'unknown', message: null, nudge: null };
// A nudge found more than this late (after a pause or a skip) is dropped: it would no longer fit what the runner does.
const NUDGE_STALE_SEC = 1;

/** Creates the heart-rate slice over the injected sensors. */
export const createHeartRateSlice = (services: AppServices): StateCreator<AppState, [], [], HeartRateSlice> => (set, get) => {
  const patch = (p: Partial<HeartRateState>) => set((s) => ({ heartRate: { ...s.heartRate, ...p } }));
  let log = emptyHeartRateLog();
  let hasReadings = false;
  let track: ZoneTrack | null = null;
  let lastNudgeSec: Seconds | null = null;
  let pending: PlannedNudge | null = null;
  let connection = 0;

  // A reading while the workout runs: into the step's sums, and maybe a nudge to plan.
  const logReading = (bpm: Bpm) => {
    const { phase, program } = get().player;
    const pos = get().positionNow();
    if (!program || phase.status !== 'running' || pos === null) return;
    log = addHeartRate(log, program, pos, bpm);
    hasReadings = true;
    const k = stepAt(program, pos);
    const step = program.steps[k];
    if (k < 0 || !step) return;
    const prefs = get().settings.heartRate;
    const target = stepHeartRateTarget(step.step);
    const range = target && zoneRange(target, prefs.zones);
    track = trackZone(track, k, program.stepStarts[k], range ? zoneStatus(bpm, range) : null, pos);
    if (pending || !prefs.nudges || !get().settings.voice) return;
    const nudge = planNudge(track, pos, lastNudgeSec, gridAt(program, pos), stepEndSec(program, k), { intervalSec: prefs.nudgeIntervalSec });
    if (!nudge) return;
    pending = nudge;
    lastNudgeSec = nudge.atSec;
    patch({ nudge });
  };

  const onReading = (gen: number, m: HeartRateMeasurement) => {
    if (gen !== connection) return;
    const { heartRate } = get();
    if (heartRate.bpm !== m.bpm || heartRate.contact !== m.contact) patch({ bpm: m.bpm, contact: m.contact });
    // A strap off the skin sends rates that mean nothing: shown as such, never logged.
    if (m.contact !== 'not-detected') logReading(m.bpm);
  };
  const onStatus = (gen: number, status: HeartRateSensorStatus, message: string | null) => {
    if (gen !== connection) return;
    patch({ status, message, ...(status === 'connected' ? {} : { bpm: null, contact: 'unknown' as const }) });
  };

  return {
    heartRate: IDLE,
    canUseStrap: services.heartRate?.strap.isSupported() ?? false,
    async connectHeartRate(source) {
      const sensors = services.heartRate;
      if (!sensors) return;
      get().disconnectHeartRate();
      const gen = ++connection;
      const sensor = sensors[source];
      patch({ source, status: 'connecting', message: null });
      await sensor.connect({ onReading: (m) => onReading(gen, m), onStatus: (s, msg) => onStatus(gen, s, msg) });
      if (gen === connection) patch({ name: sensor.name() });
    },
    disconnectHeartRate() {
      connection += 1;
      const source = get().heartRate.source;
      if (source) services.heartRate?.[source].disconnect();
      set((s) => ({ heartRate: { ...IDLE, nudge: s.heartRate.nudge } }));
    },
    beginHeartRateLog() {
      log = emptyHeartRateLog();
      hasReadings = false;
      track = null;
      lastNudgeSec = null;
      pending = null;
      if (get().heartRate.nudge) patch({ nudge: null });
    },
    endHeartRateLog(stepCount) {
      const summary = hasReadings ? summarizeHeartRate(log, stepCount) : null;
      pending = null;
      log = emptyHeartRateLog();
      hasReadings = false;
      return summary;
    },
    heartRateTick(positionSec) {
      if (!pending || positionSec + VOICE_LEAD_SEC < pending.atSec) return;
      const due = pending;
      pending = null;
      if (positionSec - due.atSec <= NUDGE_STALE_SEC && get().settings.voice) services.speech.speak(due.text);
    },
  };
};
