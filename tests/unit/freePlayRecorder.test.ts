// Record in the playground, driven as the controller drives it (a real TrialSession, a live
// constant-velocity track): frames renumbered from 0, the timeline followed after an edit in the
// past, frames the history lets go kept, and every take a valid recording.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildFreePlayRecording } from '../../src/pages/playground/freePlayRecording';
import { FreePlayRecorder, type RecorderOutcome } from '../../src/pages/playground/freePlayRecorder';
import { HISTORY_FRAMES } from '../../src/pages/playground/frameHistory';
import { SANDBOX_FILE, SANDBOX_SCENE_TEXT } from '../../src/pages/playground/sandboxScene';
import { buildCatalog } from '../../src/web/sceneCatalog';
import { PredictorTrack } from '../../src/pages/playground/surpriseTrack';
import { TrialSession } from '../../src/pages/playground/trialSession';
import { textHash } from '../../src/experiment/recording';
import { validRecording } from '../../src/experiment/recordingJson';
import { ConstantVelocityPredictor } from '../../src/predictor/predictor';
import { resolveScene } from '../../src/scenes/resolve';
import { createAppStore } from '../../src/pages/playground/store/appStore';
import { CONSTANT_VELOCITY } from '../../src/web/modelLibrary';
import { readRepoFile } from './support/trials';

// TrialSession's drag handle gives matter-js a detached element for its mouse; Node has no DOM, and
// the recorder needs none: a bare element is enough.
beforeAll(() => {
  const element = { getAttribute: () => null, addEventListener: () => {}, removeEventListener: () => {} };
  vi.stubGlobal('document', { createElement: () => element, body: element });
});

function setup(sceneFile: string, text: string) {
  const store = createAppStore();
  const catalog = buildCatalog({ [`/${sceneFile}`]: text });
  store.getState().setCatalog(catalog, catalog[0]!.id);
  const session = new TrialSession(resolveScene(catalog[0]!.scene!, {}), 'impossible');
  const track = new PredictorTrack(CONSTANT_VELOCITY, new ConstantVelocityPredictor());
  track.catchUp(session.history, session.head);
  const recorder = new FreePlayRecorder(store, () => session, () => [track]);
  recorder.sceneTexts.set(sceneFile, text);
  const outcomes: RecorderOutcome[] = [];
  recorder.onFinished((o) => outcomes.push(o));
  /** One loop step as TrialController.step does it: physics, the observers, then Record. */
  const step = (n = 1): void => {
    for (let i = 0; i < n; i++) {
      if (session.step() === 'stepped') track.push(session.viewing);
      recorder.sync();
    }
  };
  return { session, track, recorder, outcomes, step };
}

const taken = (outcomes: RecorderOutcome[]) => {
  const last = outcomes.at(-1)!;
  if (!last.take) throw new Error(`no take: ${last.why}`);
  return { rec: validRecording(buildFreePlayRecording(last.take), 'take'), end: last.end };
};

describe('free-play recording', () => {
  it('records from the frame on screen to Stop: frames from 0, the scene clock in t, the live surprise', () => {
    const text = readRepoFile('scenes/car-off-platform.json');
    const { session, recorder, outcomes, step } = setup('scenes/car-off-platform.json', text);
    step(30);
    recorder.start();
    expect(recorder.recording).toBe(true);
    step(90);
    recorder.toggle();
    const { rec, end } = taken(outcomes);
    expect(end).toBe('stopped');
    expect(rec.snapshots).toHaveLength(91);
    expect(rec.snapshots.map((s) => s.frame)).toEqual([...Array(91).keys()]);
    expect(rec.snapshots[0]!.t).toBeCloseTo(30 / 60, 12);
    expect(rec.snapshots[50]!.bodies).toEqual(session.history.at(80)!.snapshot.bodies);
    expect(rec.meta).toMatchObject({ scene_id: 'car-off-platform', scene_hash: textHash(text), condition: 'impossible', variant: null, seed: 0 });
    const cv = rec.observers[0]!;
    expect(cv.model).toBe('constant-velocity');
    expect(cv.total[50]).toBe(session.history.at(80)!.surprise.get('constant-velocity')!.total);
    expect(Object.keys(cv.per_body)).toEqual(['car']);
    // The push at 0.5 s (frame 30) is the recording's frame 0; the onset falls inside it.
    expect(rec.events.every((e) => e.frame >= 0 && e.frame <= 90)).toBe(true);
    expect(rec.meta.onset_frame).toBe(session.simulation.onsetFrame! - 30);
    expect(rec.observers[0]!.scores.rollout_mean).toBeGreaterThan(0);
  });

  it('follows the timeline when the past is changed while recording', () => {
    const { session, recorder, outcomes, step } = setup('scenes/car-off-platform.json', readRepoFile('scenes/car-off-platform.json'));
    step(10);
    recorder.start();
    step(60);
    const before = session.history.at(60)!.snapshot;
    session.seek(40);
    expect(session.input({ kind: 'push', body: 'car', vx: 0, vy: 3 })).toBe(true);
    step(30);
    recorder.stop();
    const { rec } = taken(outcomes);
    expect(rec.snapshots).toHaveLength(61);
    const after = session.history.at(60)!.snapshot;
    expect(after).not.toEqual(before);
    expect(rec.snapshots[50]!.bodies).toEqual(after.bodies);
    expect(rec.events.some((e) => e.kind === 'push' && e.frame === 30)).toBe(true);
  });

  it('keeps frames the history lets go of, and a new trial ends the take', () => {
    const { session, recorder, outcomes, step } = setup(SANDBOX_FILE, SANDBOX_SCENE_TEXT);
    recorder.start();
    step(HISTORY_FRAMES + 700);
    expect(session.history.first).toBeGreaterThan(0);
    recorder.beforeReplace();
    const { rec, end } = taken(outcomes);
    expect(end).toBe('trial-replaced');
    expect(rec.snapshots).toHaveLength(HISTORY_FRAMES + 701);
    expect(rec.meta.scene_hash).toBe(textHash(SANDBOX_SCENE_TEXT));
    expect(rec.observers[0]!.total.slice(0, 20).every((v) => v === null)).toBe(true);
    expect(rec.observers[0]!.total[100]).not.toBeNull();
  });

  it('saves nothing when time did not run', () => {
    const { recorder, outcomes } = setup('scenes/car-off-platform.json', readRepoFile('scenes/car-off-platform.json'));
    recorder.toggle();
    recorder.toggle();
    expect(outcomes).toEqual([{ take: null, end: 'stopped', why: 'Nothing was recorded: time did not run while Record was on.' }]);
  });
});
