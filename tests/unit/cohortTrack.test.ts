// The playground's cohort track, driven as the controller drives it (a real TrialSession, real
// predictors as its seeds): at each frame the mean of its seeds with the min–max band, the same after
// a catch-up over the past as live, and a recording that keeps the mean and each seed.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildFreePlayRecording } from '../../src/pages/playground/freePlayRecording';
import { FreePlayRecorder, type RecorderOutcome } from '../../src/pages/playground/freePlayRecorder';
import { CohortTrack } from '../../src/pages/playground/cohortTrack';
import { TrialSession } from '../../src/pages/playground/trialSession';
import { validRecording } from '../../src/experiment/recordingJson';
import { ConstantVelocityPredictor } from '../../src/predictor/predictor';
import { GravityOnlyPredictor } from '../../src/predictor/gravityOnly';
import { resolveScene } from '../../src/scenes/resolve';
import { createAppStore } from '../../src/pages/playground/store/appStore';
import { buildCatalog } from '../../src/web/sceneCatalog';
import type { ModelChoice } from '../../src/web/modelChoice';
import { readRepoFile } from './support/trials';

beforeAll(() => {
  const element = { getAttribute: () => null, addEventListener: () => {}, removeEventListener: () => {} };
  vi.stubGlobal('document', { createElement: () => element, body: element });
});

const COHORT: ModelChoice = { id: 'cohort:x', kind: 'learned', experienceFrames: 1000, label: 'x cohort', note: '', members: ['cv', 'go'] };
const members = () => [{ id: 'cv', predictor: new ConstantVelocityPredictor() }, { id: 'go', predictor: new GravityOnlyPredictor() }];

function trial() {
  const text = readRepoFile('scenes/car-off-platform.json');
  const catalog = buildCatalog({ '/scenes/car-off-platform.json': text });
  return { text, catalog, session: new TrialSession(resolveScene(catalog[0]!.scene!, {}), 'impossible') };
}

describe('CohortTrack', () => {
  it('writes each seed under its own id and the cohort as their mean with the lowest and highest', () => {
    const { session } = trial();
    const track = new CohortTrack(COHORT, members(), () => undefined);
    track.catchUp(session.history, session.head);
    for (let i = 0; i < 120; i++) if (session.step() === 'stepped') track.push(session.viewing);
    let defined = 0;
    for (const r of session.history.range(session.history.first, session.head)) {
      const cv = r.surprise.get('cv')!.total, go = r.surprise.get('go')!.total, c = r.surprise.get('cohort:x')!;
      if (cv === null || go === null) { expect(c.total).toBeNull(); continue; }
      defined++;
      expect(c.total).toBe((cv + go) / 2);
      expect(c.band).toEqual({ min: Math.min(cv, go), max: Math.max(cv, go) });
      for (const [id, v] of c.perObject) expect(v).toBe((r.surprise.get('cv')!.perObject.get(id)! + r.surprise.get('go')!.perObject.get(id)!) / 2);
    }
    expect(defined).toBeGreaterThan(90);
    expect(track.predictor).toBeInstanceOf(ConstantVelocityPredictor);
  });

  it('gives the same numbers caught up over the past as live', () => {
    const live = trial(), later = trial();
    const a = new CohortTrack(COHORT, members(), () => undefined);
    a.catchUp(live.session.history, live.session.head);
    for (let i = 0; i < 100; i++) { live.session.step(); a.push(live.session.viewing); later.session.step(); }
    new CohortTrack(COHORT, members(), () => undefined).catchUp(later.session.history, later.session.head);
    const totals = (s: TrialSession) => s.history.range(s.history.first, s.head).map((r) => r.surprise.get('cohort:x')!.total);
    expect(totals(later.session)).toEqual(totals(live.session));
  });

  it('is recorded as its mean (no checkpoint hash) and as each of its seeds', () => {
    const { text, catalog, session } = trial();
    const store = createAppStore();
    store.getState().setCatalog(catalog, catalog[0]!.id);
    const track = new CohortTrack(COHORT, members(), () => undefined);
    track.catchUp(session.history, session.head);
    const recorder = new FreePlayRecorder(store, () => session, () => [track]);
    recorder.sceneTexts.set('scenes/car-off-platform.json', text);
    const outcomes: RecorderOutcome[] = [];
    recorder.onFinished((o) => outcomes.push(o));
    recorder.start();
    for (let i = 0; i < 60; i++) { if (session.step() === 'stepped') track.push(session.viewing); recorder.sync(); }
    recorder.stop('stopped');
    const take = outcomes.at(-1)!.take!;
    const rec = validRecording(buildFreePlayRecording(take), 'take');
    expect(rec.observers.map((o) => [o.model, o.checkpoint_hash])).toEqual([['cohort:x', null], ['cv', null], ['go', null]]);
    const [c, cv, go] = rec.observers;
    c!.total.forEach((v, t) => expect(v).toBe(cv!.total[t] === null ? null : (cv!.total[t]! + go!.total[t]!) / 2));
  });
});
