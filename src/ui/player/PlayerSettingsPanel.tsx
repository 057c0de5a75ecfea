/** The player's settings: where cues land, countdown, metronome, voice, screen. */
import { useApp } from '../store-context';

/** Shows the settings as a compact form; every change is saved at once. */
export function PlayerSettingsPanel() {
  const settings = useApp((s) => s.settings);
  const change = useApp((s) => s.changeSettings);
  return (
    <details className="player-settings">
      <summary>Cue settings</summary>
      <label className="field">
        <span>Interval changes land on</span>
        <select value={settings.quantize} onChange={(e) => change({ quantize: e.target.value as typeof settings.quantize })}>
          <option value="bar">the downbeat (“the one” of the bar)</option>
          <option value="beat">the nearest beat</option>
          <option value="exact">the exact time</option>
        </select>
      </label>
      <label className="field">
        <span>Countdown beats before a change</span>
        <input type="number" min={0} max={8} value={settings.countdownBeats} onChange={(e) => change({ countdownBeats: Math.max(0, Math.min(8, Math.round(Number(e.target.value) || 0))) })} />
      </label>
      <label className="check"><input type="checkbox" checked={settings.metronome} onChange={(e) => change({ metronome: e.target.checked })} /> Metronome click at the step's cadence</label>
      <label className="check"><input type="checkbox" checked={settings.voice} onChange={(e) => change({ voice: e.target.checked })} /> Voice announcements</label>
      <label className="check"><input type="checkbox" checked={settings.wakeLock} onChange={(e) => change({ wakeLock: e.target.checked })} /> Keep the screen on during a workout</label>
      <label className="check"><input type="checkbox" checked={settings.audioOnly} onChange={(e) => change({ audioOnly: e.target.checked })} /> Audio only: the voice says everything, the screen goes dark</label>
    </details>
  );
}
