/** The screen while a workout runs: current step, big time left, next step, music and beat pulse, controls. */
import { useRef, useState } from 'react';
import { useApp } from '../store-context';
import { formatClock, kindLabel } from '../format';
import { useFrame } from './use-frame';
import { beatPhaseAt, stepIndexAt } from './position';
import { WorkoutTimeline } from './WorkoutTimeline';

/** Shows the running (or paused) workout. */
export function RunningView() {
  const player = useApp((s) => s.player);
  const positionNow = useApp((s) => s.positionNow);
  const togglePause = useApp((s) => s.togglePause);
  const skipStep = useApp((s) => s.skipStep);
  const skipTrack = useApp((s) => s.skipTrack);
  const audioOnly = useApp((s) => s.settings.audioOnly);
  const [dark, setDark] = useState(true);
  const stopWorkout = useApp((s) => s.stopWorkout);
  const [stepIndex, setStepIndex] = useState(0);
  const [segmentIndex, setSegmentIndex] = useState(0);
  const timeLeftRef = useRef<HTMLSpanElement>(null);
  const pulseRef = useRef<HTMLDivElement>(null);
  const progressRef = useRef<HTMLDivElement>(null);

  useFrame(() => {
    const pos = positionNow();
    if (pos === null || player.stepStarts.length === 0) return;
    const i = stepIndexAt(player.stepStarts, pos);
    if (i !== stepIndex) setStepIndex(i);
    const seg = Math.max(0, player.segments.findIndex((s) => s.startSec <= pos && pos < s.endSec));
    if (seg !== segmentIndex) setSegmentIndex(seg);
    if (timeLeftRef.current) timeLeftRef.current.textContent = formatClock(player.stepStarts[i + 1] - pos);
    if (progressRef.current) progressRef.current.style.left = `${Math.min(100, (pos / player.totalSec) * 100)}%`;
    const phase = player.status === 'running' ? beatPhaseAt(player.segments, pos) : null;
    if (pulseRef.current) {
      const level = phase === null ? 0 : Math.exp(-phase * 5);
      pulseRef.current.style.transform = `scale(${0.75 + 0.35 * level})`;
      pulseRef.current.style.opacity = String(0.35 + 0.65 * level);
    }
  });

  const step = player.steps[stepIndex];
  const next = player.steps[stepIndex + 1];
  const segment = player.segments[segmentIndex];
  if (!step) return null;
  return (
    <section className={`running kind-${step.step.kind}`} aria-label="Workout in progress">
      <p className="step-kind">
        {kindLabel(step.step.kind)}
        {step.repeatLabels.length > 0 && <span className="repeat"> · {step.repeatLabels.join(' · ')}</span>}
      </p>
      <h2 className="step-name" data-testid="current-step">{step.step.name}</h2>
      <p className="time-left" aria-label="Time left in this step">
        <span ref={timeLeftRef} data-testid="time-left">{formatClock(step.durationSec)}</span>
      </p>
      <p className="next-step" data-testid="next-step">
        {next ? <>Next: <strong>{next.step.name}</strong> ({formatClock(next.durationSec)})</> : 'Last step'}
      </p>
      <div className="music-row">
        <div className="beat-pulse" ref={pulseRef} aria-hidden="true" data-testid="beat-pulse" />
        {segment && (
          <p className="now-playing">
            <span className="track-title">{segment.title}</span>
            <span className="track-bpm" data-testid="music-bpm">{Math.round(segment.bpm)} BPM</span>
          </p>
        )}
      </div>
      {player.announcement && <p className="announcement" role="status">{player.announcement}</p>}
      <WorkoutTimeline steps={player.steps} stepStarts={player.stepStarts} totalSec={player.totalSec} markerRef={progressRef} />
      <div className="controls">
        <button type="button" className="big" onClick={togglePause} aria-keyshortcuts="Space">
          {player.status === 'paused' ? 'Resume' : 'Pause'}
        </button>
        <button type="button" onClick={() => void skipStep()} aria-keyshortcuts="N">Skip step</button>
        <button type="button" onClick={() => void skipTrack()} aria-keyshortcuts="M">Skip track</button>
        <button type="button" className="danger" onClick={stopWorkout} aria-keyshortcuts="Escape">Stop</button>
      </div>
      {player.error && <p className="error" role="alert">{player.error}</p>}
      {player.musicNotes.length > 0 && (
        <details className="music-notes">
          <summary>Music notes ({player.musicNotes.length})</summary>
          <ul>{player.musicNotes.map((n) => <li key={n}>{n}</li>)}</ul>
        </details>
      )}
      {audioOnly && dark && (
        <button type="button" className="dark-screen" onClick={() => setDark(false)} aria-label="Audio-only mode: the voice announces every change. Tap to show the screen.">
          Audio only · tap to show
        </button>
      )}
    </section>
  );
}
