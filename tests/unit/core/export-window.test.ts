import { describe, expect, it } from 'vitest';
import { planWorkout, FINISH_TAIL_SEC, type MusicRequest } from '../../../src/core/program';
import { exportPieces, exportSpan, programWindow, trackChangeFrames } from '../../../src/core/export-window';
import { correlation, crossfadeJoin } from '../../../src/core/export-join';
import { trackSecAt } from '../../../src/core/tempo-map';
import { cueSheetOf, chaptersOf } from '../../../src/core/cue-sheet';
import { buildUpsTemplate, demo3030Template, tabataTemplate } from '../../../src/core/workout-templates';
import { demoTrackInfos } from '../../../src/audio/demo-catalog';
import type { CueOptions } from '../../../src/core/cue-plan';
import { poolTrack } from '../../helpers/tracks';

const bars: CueOptions = { quantize: 'bar', countdownBeats: 3, metronome: false };
const library = [118, 124, 128, 131, 150, 155, 162, 168, 172, 176].map((bpm, i) =>
  poolTrack({ id: `t${i}`, title: `Track ${i}`, bpm, firstBeatSec: 0.2 + i * 0.01, durationSec: 200 + i * 13 }));
const mine: MusicRequest = { library, demo: demoTrackInfos(), maxTempoChangePct: 8 };

describe('exportPieces: the file cut into pieces', () => {
  it('tiles the file exactly, each piece with its warm-up and its join, the first without warm-up and the last without join', () => {
    const total = 44100 * 305 + 17;
    const pieces = exportPieces(total, { sampleRate: 44100, pieceSec: 120, prerollSec: 3, overlapSec: 0.05 });
    expect(pieces.map((p) => p.frames)).toEqual([44100 * 120, 44100 * 120, 44100 * 65 + 17]);
    pieces.slice(1).forEach((p, i) => expect(p.startFrame).toBe(pieces[i].startFrame + pieces[i].frames));
    expect(pieces.map((p) => p.prerollFrames)).toEqual([0, 44100 * 3, 44100 * 3]);
    expect(pieces.map((p) => p.overlapFrames)).toEqual([2205, 2205, 0]);
    expect(exportPieces(10, { sampleRate: 44100, pieceSec: 120, prerollSec: 3, overlapSec: 0.05 })).toEqual([{ index: 0, startFrame: 0, frames: 10, prerollFrames: 0, overlapFrames: 0 }]);
  });

  it('starts every render on a whole render quantum when asked, its warm-up at least as long as asked', () => {
    const pieces = exportPieces(44100 * 305 + 17, { sampleRate: 44100, pieceSec: 60, prerollSec: 3, overlapSec: 0.1, alignFrames: 128, cutFrames: [44100 * 50 + 77, 44100 * 170 + 5] });
    expect(pieces.length).toBeGreaterThan(4);
    expect(pieces[0].prerollFrames).toBe(0);
    for (const p of pieces.slice(1)) {
      expect((p.startFrame - p.prerollFrames) % 128).toBe(0);
      expect(p.prerollFrames).toBeGreaterThanOrEqual(44100 * 3);
      expect(p.prerollFrames).toBeLessThan(44100 * 3 + 128);
    }
  });

  it('spans the count-in to the end of the music after the finish', () => {
    const p = planWorkout(tabataTemplate(), mine, bars);
    expect(exportSpan(p)).toEqual({ fromSec: -p.leadInSec, durationSec: p.endSec + FINISH_TAIL_SEC + p.leadInSec });
  });
});

describe('programWindow: one piece of the same program', () => {
  for (const workout of [tabataTemplate(), buildUpsTemplate()]) {
    it(`"${workout.name}": every track plays the same moment of the track at every time of the window, from its clip`, () => {
      const p = planWorkout(workout, mine, bars);
      let checked = 0;
      for (let from = -p.leadInSec; from < p.endSec; from += 47.3) {
        const to = from + 50;
        const w = programWindow(p, from, to, 0.05, 44100);
        expect(w.program.cues).toBe(p.cues);
        expect(w.program.stepStarts).toBe(p.stepStarts);
        for (const s of w.program.segments) {
          const clip = w.clips.find((c) => c.clipId === s.trackId)!;
          const original = p.segments.find((o) => `${o.trackId}@${p.segments.indexOf(o)}` === s.trackId)!;
          expect(original.startSec).toBe(s.startSec);
          for (let t = Math.max(from, s.startSec); t < Math.min(to, s.endSec); t += 0.37) {
            const inClip = trackSecAt(s, t);
            expect(inClip + clip.fromTrackSec).toBeCloseTo(trackSecAt(original, t), 9);
            expect(inClip).toBeGreaterThanOrEqual(Math.min(0.99, trackSecAt(original, t)) - 1e-9);
            expect(Number.isInteger(Math.round(clip.fromTrackSec * 44100 * 1e6) / 1e6)).toBe(true);
            expect(clip.fromTrackSec + inClip).toBeLessThanOrEqual(clip.toTrackSec - 0.99);
            checked += 1;
          }
        }
        // Nothing that sounds in the window is left out, nothing outside it is in.
        const sounding = p.segments.filter((s) => s.endSec + 0.05 > from && s.startSec < to).length;
        expect(w.program.segments).toHaveLength(sounding);
      }
      expect(checked).toBeGreaterThan(1000);
      if (workout.name === 'Build-ups') expect(p.segments.some((s) => s.tempoMap !== null)).toBe(true);
    });
  }

  it('keeps a looped track (the demo) whole', () => {
    const p = planWorkout(demo3030Template(), { library: [], demo: demoTrackInfos(), maxTempoChangePct: 0 }, bars);
    const w = programWindow(p, 60, 180, 0.05, 44100);
    expect(w.clips.every((c) => c.toTrackSec === Infinity && c.clipId === c.trackId)).toBe(true);
    expect(w.program.segments.every((s) => p.segments.includes(s))).toBe(true);
  });
});

describe('cueSheetOf and chaptersOf', () => {
  it('puts every cue and track on the file clock (0 = the count-in) and names repeated steps "All out 3/8"', () => {
    const p = planWorkout(tabataTemplate(), mine, bars);
    const sheet = cueSheetOf(p, 44100);
    expect(sheet.workout).toBe(p.workoutName);
    expect(sheet.durationSec).toBeCloseTo(p.leadInSec + p.endSec + FINISH_TAIL_SEC, 5);
    expect(sheet.cues).toHaveLength(p.cues.length);
    sheet.cues.forEach((c, i) => expect(c.timeSec).toBeCloseTo(p.cues[i].timeSec + p.leadInSec, 5));
    expect(sheet.cues[0].timeSec).toBeGreaterThanOrEqual(0);
    expect(sheet.cues.find((c) => c.kind === 'finish')).toMatchObject({ text: expect.any(String) });
    expect(sheet.segments[0].startSec).toBeCloseTo(p.leadInSec, 5);
    expect(sheet.segments.at(-1)!.endSec).toBeCloseTo(sheet.durationSec, 5);
    for (const s of sheet.segments) expect(s.bpm).toBeGreaterThan(60);
    const chapters = chaptersOf(p);
    expect(chapters).toHaveLength(p.steps.length);
    expect(chapters[0].startMs).toBe(0);
    expect(chapters.at(-1)!.endMs).toBe(Math.round(sheet.durationSec * 1000));
    chapters.slice(1).forEach((c, i) => expect(c.startMs).toBe(chapters[i].endMs));
    const works = chapters.filter((c) => /^All out \d+\/\d+$/.test(c.title));
    expect(works.length).toBe(8);
    expect(works[2].title).toBe("All out 3/8");
  });
});

describe('exportPieces at track changes', () => {
  it('ends a piece at the last track change that keeps it between half and the whole of its length', () => {
    const o = { sampleRate: 10, pieceSec: 100, prerollSec: 3, overlapSec: 0.5 };
    const pieces = exportPieces(3000, { ...o, cutFrames: [300, 700, 900, 1200, 2950] });
    expect(pieces.map((p) => p.startFrame)).toEqual([0, 900, 1900, 2900]);
    expect(pieces.map((p) => p.frames)).toEqual([900, 1000, 1000, 100]);
  });

  it('cuts a real plan at its track changes, every piece within its bounds', () => {
    const p = planWorkout(tabataTemplate(), mine, bars);
    const total = Math.round(exportSpan(p).durationSec * 44100);
    const cuts = trackChangeFrames(p, 44100);
    const pieces = exportPieces(total, { sampleRate: 44100, pieceSec: 150, prerollSec: 3, overlapSec: 0.05, cutFrames: cuts });
    expect(pieces.reduce((n, x) => n + x.frames, 0)).toBe(total);
    for (const x of pieces.slice(0, -1)) {
      expect(x.frames).toBeLessThanOrEqual(150 * 44100);
      expect(x.frames).toBeGreaterThanOrEqual(75 * 44100);
    }
    expect(pieces.slice(1).filter((x) => cuts.includes(x.startFrame)).length).toBeGreaterThan(0);
    // Asked to cut past the outgoing track's fade: the same changes, that much later.
    trackChangeFrames(p, 44100, 0.06).forEach((c, i) => expect(Math.abs(c - cuts[i] - 0.06 * 44100)).toBeLessThanOrEqual(1));
  });
});

describe('crossfadeJoin: the level holds through a join', () => {
  const tone = (phase: number) => Float32Array.from({ length: 2205 }, (_, i) => Math.sin(2 * Math.PI * 440 * i / 44100 + phase));
  const rmsOf = (a: Float32Array, from: number, to: number) => Math.sqrt(a.subarray(from, to).reduce((s, v) => s + v * v, 0) / (to - from));
  for (const [label, phase] of [['in phase', 0], ['a quarter period apart', Math.PI / 2]] as const) {
    it(`two renders ${label}: the middle of the join within 1 dB of the level`, () => {
      const head = tone(phase);
      crossfadeJoin(head, tone(0));
      const level = rmsOf(tone(0), 0, 2205);
      const mid = rmsOf(head, 1000, 1205);
      expect(Math.abs(20 * Math.log10(mid / level))).toBeLessThan(1);
    });
  }

  it('leaves identical renders exactly as they were', () => {
    const a = tone(0);
    const head = tone(0);
    crossfadeJoin(head, a);
    head.forEach((v, i) => expect(v).toBeCloseTo(a[i], 6));
    expect(correlation(a, new Float32Array(10))).toBe(1);
  });
});
