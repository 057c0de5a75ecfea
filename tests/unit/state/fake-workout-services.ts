/** The workouts slice tests' services: an in-memory workout store, fakes for the rest, and small workouts. */
import { readFileSync } from 'node:fs';
import { fakePlayer } from './fake-player';
import { fakeCadenceSensor } from './fake-cadence';
import { fakeHeartRateSensor } from './fake-heart-rate';
import type { AppServices } from '../../../src/state/services';
import type { Step, Workout } from '../../../src/core/workout';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';
import { DEFAULT_PLAYER_SETTINGS } from '../../../src/core/player-settings';

const notUsed = async (): Promise<never> => { throw new Error('not used'); };

/** Fake services with an in-memory workout store; `failSave` makes the next saves reject. */
export function fakeServices(stored: Workout[] = []) {
  const saved = new Map(stored.map((w) => [w.id, w]));
  const fake = { saved, failSave: null as string | null, problems: [] as string[] };
  const services: AppServices = {
    settings: { load: () => DEFAULT_PLAYER_SETTINGS, save: () => undefined },
    log: { add: async () => undefined, list: async () => [], setEffort: async () => Promise.reject(new Error('no log here')) },
    device: { setNowPlaying: () => undefined, keepAwake: () => undefined },
    player: fakePlayer().player,
    demo: { tracks: demoTrackInfos, loadBuffer: async () => ({}) as AudioBuffer },
    library: {
      list: async () => ({ tracks: [], problems: [] }), importFile: notUsed, update: notUsed, remove: async () => undefined,
      getAudio: async () => null, getCover: async () => null, estimate: async () => null, requestPersistence: async () => 'unsupported',
      persistence: async () => 'unsupported',
    },
    playlists: { list: async () => ({ playlists: [], choices: [], problems: [] }), save: notUsed, remove: notUsed, saveChoice: notUsed },
    preview: { play: notUsed, stop: () => undefined },
    workouts: {
      list: async () => ({ workouts: [...saved.values()].sort((a, b) => b.updatedAt - a.updatedAt), problems: fake.problems }),
      save: async (w) => {
        if (fake.failSave) throw new Error(fake.failSave);
        saved.set(w.id, w);
      },
      remove: async (id) => void saved.delete(id),
    },
    analysis: { parallel: 1, analyze: notUsed },
    decoder: { decode: async () => ({}) as AudioBuffer, open: notUsed },
    speech: { speak: () => undefined, cancel: () => undefined },
    heartRate: { strap: fakeHeartRateSensor('strap').sensor, simulated: fakeHeartRateSensor('simulated').sensor },
    cadence: fakeCadenceSensor().sensor,
    now: () => 1_700_000_000_000,
  };
  return { services, fake };
}

export const step = (id: string, name: string, seconds: number): Step => ({
  type: 'step', id, kind: 'work', name, duration: { unit: 'seconds', value: seconds }, intensity: 4, tempo: null, build: null, hr: null, voice: null,
});
export const mine: Workout = { id: 'mine', name: 'Mine', nodes: [step('a', 'Go', 60)], updatedAt: 5 };
export const fixture = (path: string) => new File([readFileSync(`tests/fixtures/${path}`)], path.split('/').pop()!);
export const names = (w: Workout | null | undefined) => w?.nodes.map((n) => (n.type === 'step' ? n.name : `${n.times}x`));
