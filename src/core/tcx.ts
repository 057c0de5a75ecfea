/**
 * Workouts as a TCX file (Garmin Training Center Database v2), the form Strava, Garmin Connect and others
 * import: one Activity per workout (its Id is the start time, unique in the file), a Lap per step played with
 * its active time, its average and maximum heart rate (when a strap reported one), and the effort and music in the
 * notes. Montage measures no distance or calories, so those are 0. Laps follow one another on active time (pauses
 * are not recorded).
 * Pure string building; tests validate the output against the official schema.
 */
import type { StepKind } from './workout';
import type { WorkoutLogEntry } from './workout-log';
import type { HeartRateSummary } from './heart-rate-log';
import { formatBpm } from './bpm-text';

const NS = 'http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** Returns `text` escaped for XML character data and attributes, without the characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 cannot carry
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const intensityOf = (kind: StepKind): 'Active' | 'Resting' => (kind === 'recover' || kind === 'rest' ? 'Resting' : 'Active');
const num = (x: number): string => String(Math.round(x * 10) / 10);
const iso = (ms: number): string => new Date(ms).toISOString();

interface Lap {
  sec: number;
  intensity: 'Active' | 'Resting';
  trigger: 'Time' | 'Manual';
  notes: string | null;
  heartRate: HeartRateSummary | null;
}

// TCX heart rates are whole beats per minute from 1 to 255.
const hrValue = (bpm: number): number => Math.min(255, Math.max(1, Math.round(bpm)));
const hrLines = (hr: HeartRateSummary | null): string[] => hr === null ? [] : [
  `        <AverageHeartRateBpm><Value>${hrValue(hr.avgBpm)}</Value></AverageHeartRateBpm>`,
  `        <MaximumHeartRateBpm><Value>${hrValue(hr.maxBpm)}</Value></MaximumHeartRateBpm>`,
];

// The laps of an entry: each step played, or one lap for the whole workout when no steps were recorded.
function lapsOf(entry: WorkoutLogEntry): Lap[] {
  const played = entry.steps.filter((s) => s.activeSec > 0);
  if (played.length === 0) return [{ sec: entry.activeSec, intensity: 'Active', trigger: 'Manual', notes: null, heartRate: entry.heartRate }];
  return played.map((s) => ({
    sec: s.activeSec,
    intensity: intensityOf(s.kind),
    trigger: s.skipped ? 'Manual' : 'Time',
    notes: [s.name, s.musicBpm !== null ? `${formatBpm(s.musicBpm)} BPM` : null, s.skipped ? 'skipped' : null].filter(Boolean).join(' · '),
    heartRate: s.heartRate,
  }));
}

function activityNotes(entry: WorkoutLogEntry): string {
  return [
    entry.workoutName,
    entry.effort !== null ? `effort ${entry.effort}/10` : null,
    entry.avgMusicBpm !== null ? `music ${formatBpm(entry.avgMusicBpm)} BPM` : null,
    entry.heartRate !== null ? `heart rate ${entry.heartRate.avgBpm} average, ${entry.heartRate.maxBpm} max` : null,
    entry.completed ? null : 'stopped early',
  ].filter(Boolean).join(' · ');
}

/** Returns a TCX document with one Activity per entry, oldest first. */
export function entriesToTcx(entries: readonly WorkoutLogEntry[]): string {
  const used = new Set<number>();
  const activities = [...entries].sort((a, b) => a.startedAt - b.startedAt).map((entry) => {
    // Activity Ids must be unique: two workouts started in the same millisecond are told apart by one.
    let startMs = entry.startedAt;
    while (used.has(startMs)) startMs += 1;
    used.add(startMs);
    let offsetSec = 0;
    const laps = lapsOf(entry).map((lap) => {
      const start = iso(startMs + Math.round(offsetSec * 1000));
      offsetSec += lap.sec;
      return [
        `      <Lap StartTime="${start}">`,
        `        <TotalTimeSeconds>${num(lap.sec)}</TotalTimeSeconds>`,
        '        <DistanceMeters>0</DistanceMeters>',
        '        <Calories>0</Calories>',
        ...hrLines(lap.heartRate),
        `        <Intensity>${lap.intensity}</Intensity>`,
        `        <TriggerMethod>${lap.trigger}</TriggerMethod>`,
        ...(lap.notes ? [`        <Notes>${escapeXml(lap.notes)}</Notes>`] : []),
        '      </Lap>',
      ].join('\n');
    });
    return ['    <Activity Sport="Other">', `      <Id>${iso(startMs)}</Id>`, ...laps, `      <Notes>${escapeXml(activityNotes(entry))}</Notes>`, '    </Activity>'].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<TrainingCenterDatabase xmlns="${NS}" xmlns:xsi="${XSI}" xsi:schemaLocation="${NS} http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd">`,
    '  <Activities>',
    ...activities,
    '  </Activities>',
    '</TrainingCenterDatabase>',
    '',
  ].join('\n');
}
