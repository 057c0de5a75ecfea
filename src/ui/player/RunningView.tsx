/**
 * The screen while a workout runs: a function of the program and the audio clock, read every animation frame —
 * the step, time left, next step, track, BPM, beat pulse, count-in and the current announcement. React renders
 * when one of the discrete things changes; the time left, the pulse and the progress marker move by refs.
 */
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../store-context';
import { formatClock, kindLabel, nameRepeatsKind } from '../format';
import { formatBpm } from '../../core/bpm-text';
import { programViewAt, writtenTotalSec, type ProgramView } from '../../core/program-view';
import { VOICE_LEAD_SEC } from '../../state/player-slice';
import { useFrame } from './use-frame';
import { WorkoutTimeline } from './WorkoutTimeline';
import { StopConfirm } from './StopConfirm';
import { HeartRateReadout } from './HeartRateReadout';
import { CadenceControl } from './CadenceControl';

// What changes the markup (the rest moves by refs).
// The accessible name of the time left, which says what the number counts down to.
const timeLeftLabel = (v: ProgramView): string => `${v.part === 'count-in' ? 'Time until the first step' : 'Time left in step'}: ${formatClock(v.clockSec)}`;

// The whole workout: time done and time left, on the written total (the count-in is not part of it).
const totalText = (pos: number, totalSec: number): string => {
  const done = Math.min(Math.max(0, pos), totalSec);
  return `Workout ${formatClock(Math.floor(done + 1e-6))} done · ${formatClock(totalSec - done)} left`;
};

const shapeOf = (v: ProgramView) => `${v.part}|${v.stepIndex}|${v.segment?.startSec ?? ''}|${v.segment?.trackId ?? ''}|${v.countIn ?? ''}|${v.announcement ?? ''}`;

/** Shows the running (or paused) workout. */
export function RunningView() {
  const program = useApp((s) => s.player.program);
  const status = useApp((s) => s.player.phase.status);
  const error = useApp((s) => s.player.error);
  const positionNow = useApp((s) => s.positionNow);
  const togglePause = useApp((s) => s.togglePause);
  const skipStep = useApp((s) => s.skipStep);
  const skipTrack = useApp((s) => s.skipTrack);
  const stopWorkout = useApp((s) => s.stopWorkout);
  const audioOnly = useApp((s) => s.settings.audioOnly);
  const [dark, setDark] = useState(true);
  // Stop asks first (a tap in a pocket must not end the run); the workout plays on meanwhile.
  const [confirmingStop, setConfirmingStop] = useState(false);
  const [view, setView] = useState<ProgramView | null>(() => (program ? programViewAt(program, positionNow() ?? -program.leadInSec, VOICE_LEAD_SEC) : null));
  const timeLeftRef = useRef<HTMLSpanElement>(null);
  const totalRef = useRef<HTMLParagraphElement>(null);

  // Escape asks to stop (on this screen only, not while typing); Escape again keeps going.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== 'Escape' || (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)))) return;
      setConfirmingStop((asked) => !asked);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const pulseRef = useRef<HTMLDivElement>(null);
  const progressRef = useRef<HTMLDivElement>(null);

  useFrame(() => {
    if (!program) return;
    const pos = positionNow() ?? -program.leadInSec;
    const now = programViewAt(program, pos, VOICE_LEAD_SEC);
    if (!view || shapeOf(now) !== shapeOf(view)) setView(now);
    const timeLeft = timeLeftRef.current;
    // Written only when the shown second changes, so a screen reader is not handed a new name every frame.
    if (timeLeft && timeLeft.textContent !== formatClock(now.clockSec)) {
      timeLeft.textContent = formatClock(now.clockSec);
      timeLeft.setAttribute('aria-label', timeLeftLabel(now));
    }
    const total = totalRef.current;
    if (total) {
      const text = totalText(pos, writtenTotalSec(program));
      if (total.textContent !== text) total.textContent = text;
    }
    if (progressRef.current) progressRef.current.style.left = `${now.progress * 100}%`;
    if (pulseRef.current) {
      const level = now.beatPhase === null || status === 'paused' || status === 'interrupted' ? 0 : Math.exp(-now.beatPhase * 5);
      pulseRef.current.style.transform = `scale(${0.75 + 0.35 * level})`;
      pulseRef.current.style.opacity = String(0.35 + 0.65 * level);
    }
  });

  if (!program || !view) return null;
  const step = view.step ?? program.steps[program.steps.length - 1];
  if (!step) return null;
  const countingIn = view.part === 'count-in';
  // A step named for its kind ("Warm-up") is said once, by its name.
  const kindText = nameRepeatsKind(step.step.kind, step.step.name) ? '' : kindLabel(step.step.kind);
  return (
    <section className={`running kind-${countingIn ? 'warmup' : step.step.kind}`} aria-label="Workout in progress">
      <p className="step-kind" data-testid="step-kind">
        {countingIn ? 'Get ready' : kindText}
        {!countingIn && step.repeatLabels.length > 0 && <span className="repeat">{kindText ? ' · ' : ''}{step.repeatLabels.join(' · ')}</span>}
      </p>
      <h2 className="step-name" data-testid="current-step">{countingIn ? `Starting in ${view.countIn ?? ''}` : step.step.name}</h2>
      <p className="time-left">
        <span ref={timeLeftRef} data-testid="time-left" role="timer" aria-label={timeLeftLabel(view)}>{formatClock(view.clockSec)}</span>
      </p>
      <p className="next-step" data-testid="next-step">
        {view.next ? <>{countingIn ? 'First' : 'Next'}: <strong>{view.next.step.name}</strong> ({formatClock(view.next.durationSec)})</> : 'Last step'}
      </p>
      <div className="music-row">
        <div className="beat-pulse" ref={pulseRef} aria-hidden="true" data-testid="beat-pulse" />
        {view.segment && (
          <p className="now-playing">
            <span className="track-title">{view.segment.title}</span>
            <span className="track-bpm" data-testid="music-bpm">{formatBpm(view.segment.musicBpm)} BPM</span>
          </p>
        )}
      </div>
      <HeartRateReadout step={countingIn ? null : step} />
      <CadenceControl />
      {view.announcement && <p className="announcement" role="status">{view.announcement}</p>}
      {status === 'interrupted' && <p className="interrupted" role="status" data-testid="interrupted">Audio interrupted: the workout is held here. Tap Resume to go on.</p>}
      <p className="workout-total" ref={totalRef} data-testid="workout-elapsed">{totalText(positionNow() ?? -program.leadInSec, writtenTotalSec(program))}</p>
      <WorkoutTimeline steps={program.steps} stepStarts={program.stepStarts} totalSec={program.endSec} labelSec={writtenTotalSec(program)} markerRef={progressRef} />
      <div className="controls">
        <button type="button" className="big primary pause" onClick={togglePause} aria-keyshortcuts="Space">
          {status === 'paused' || status === 'interrupted' ? 'Resume' : 'Pause'}
        </button>
        <button type="button" onClick={() => void skipStep()} aria-keyshortcuts="N">Skip step</button>
        <button type="button" onClick={() => void skipTrack()} aria-keyshortcuts="M">Skip track</button>
        <button type="button" className="danger" onClick={() => setConfirmingStop(true)} aria-keyshortcuts="Escape" aria-expanded={confirmingStop}>Stop</button>
      </div>
      {confirmingStop && <StopConfirm onEnd={stopWorkout} onKeepGoing={() => setConfirmingStop(false)} />}
      {error && <p className="error" role="alert">{error}</p>}
      {program.warnings.length > 0 && (
        <details className="music-notes">
          <summary>Music notes ({program.warnings.length})</summary>
          <ul>{program.warnings.map((n) => <li key={n}>{n}</li>)}</ul>
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
