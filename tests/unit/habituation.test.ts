// Habituation by learning: the copy keeps the checkpoint's confidence (variance) and learns what
// happens next (mean); the steps per trial follow the training loop's burst rule; the shipped
// weights never change; a scene habituates the same alone or after other scenes.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useWasmBackend } from '../../src/predictor/backend';
import { parseSceneText } from '../../src/scenes/parse';
import type { LearnedPredictor } from '../../src/predictor/predictor';
import { designStudy } from '../../src/experiment/studyDesign';
import { DEFAULT_HABITUATION, FIRST_HABITUATION, Habituation, HabituatedPredictor, habituationSteps } from '../../src/experiment/looking/habituation';
import { observations, runTrial } from '../../src/experiment/trial';
import { loadObserver } from '../../src/cli/modelStore';
import { ORACLE } from '../../src/experiment/observers';
import { runStudy, type StudyScene } from '../../src/experiment/looking/runStudy';
import { habituationCheck, learningCheckSummary } from '../../src/experiment/looking/habituationCheck';
import { lookingResults } from '../../src/experiment/looking/lookingStudy';

const VERSIONS = { app: 'test', matter: 'test', tfjs: 'test' };

const text = readFileSync('scenes/car-off-platform.json', 'utf8');
const scene = parseSceneText(text, 'car');
const scenes = new Map<string, StudyScene>([['car-off-platform', { scene, text }]]);
const boxText = readFileSync('scenes/box-released-beyond-platform.json', 'utf8');
const twoScenes = new Map<string, StudyScene>([...scenes, ['box-released-beyond-platform', { scene: parseSceneText(boxText, 'box'), text: boxText }]]);

beforeAll(async () => { await useWasmBackend(); });

describe('habituation', () => {
  it('sizes a trial\'s learning as the training loop sizes a burst: round(replay × frames / batch)', () => {
    // 239 transitions (a 4 s trial), replay 4, batch 128: 4·239/128 = 7.47 → 7 steps.
    expect(habituationSteps(239, DEFAULT_HABITUATION)).toBe(7);
    expect(habituationSteps(16, DEFAULT_HABITUATION)).toBe(1); // 4·16/128 = 0.5 rounds to 1
    expect(habituationSteps(10, DEFAULT_HABITUATION)).toBe(1); // 0.31 rounds to 0: at least one step
    expect(habituationSteps(239, FIRST_HABITUATION)).toBe(32); // the first version's fixed 32
    expect(DEFAULT_HABITUATION).toMatchObject({ batchSize: 128, learningRate: 1e-3, optimizer: 'adam', replay: 4, velocityNoise: 0.03, eventFocus: 0, keepVariance: true });
  });

  it('keeps the checkpoint\'s variance and learns the mean; the shipped weights never change', () => {
    const shipped = loadObserver('learner-10k') as LearnedPredictor;
    const before = shipped.network!.flatWeights();
    const design = designStudy({ scenes: ['car-off-platform'], models: ['learner-10k'], pairs: 1, familiarization: 2, seed: 5, habituate: true });
    const [fam1, fam2] = design.trials.filter((t) => t.phase === 'familiarization');
    const frames = observations(runTrial(scene, fam2!.condition, fam2!.variant, 5));
    const kept = new Habituation(design, [shipped], () => scene);
    const refit = new Habituation(design, [shipped], () => scene, { ...DEFAULT_HABITUATION, keepVariance: false });
    try {
      expect(kept.observersFor(fam1!)[0]).toBe(shipped); // nothing watched yet: the checkpoint itself
      const learner = kept.observersFor(fam2!)[0] as HabituatedPredictor;
      const refitted = refit.observersFor(fam2!)[0] as LearnedPredictor;
      expect(learner).toBeInstanceOf(HabituatedPredictor);
      const p = learner.predict(frames), base = shipped.predict(frames), r = refitted.predict(frames);
      expect(p.variance).toEqual(base.variance);
      expect(p.mean).not.toEqual(base.mean);
      // The same learning either way (same seed, same steps): only where the variance comes from differs.
      expect(p.mean).toEqual(r.mean);
      expect(r.variance).not.toEqual(base.variance);
      expect(shipped.network!.flatWeights()).toEqual(before);
    } finally {
      kept.dispose(); refit.dispose();
    }
  }, 300_000);

  it('habituates a learner the same way whoever else is in the study (seeded by its name, not its place)', () => {
    const learner = loadObserver('learner-1k');
    const design = (models: string[]) => designStudy({ scenes: ['car-off-platform'], models, pairs: 1, familiarization: 2, seed: 5, habituate: true });
    const alone = runStudy(design(['learner-1k']), scenes, [learner], { versions: VERSIONS });
    const second = runStudy(design(['oracle', 'learner-1k']), scenes, [ORACLE, learner], { versions: VERSIONS });
    expect(second.map((r) => r.observers[1]!.scores)).toEqual(alone.map((r) => r.observers[0]!.scores));
  }, 300_000);

  it('gives a scene the same habituated numbers alone or after another scene (its learning seeded by its own trials, issue 19)', () => {
    const learner = loadObserver('learner-1k');
    const design = (ids: string[]) => designStudy({ scenes: ids, models: ['learner-1k'], pairs: 1, familiarization: 2, seed: 5, habituate: true });
    const both = design(['car-off-platform', 'box-released-beyond-platform']);
    const study = runStudy(both, twoScenes, [learner], { versions: VERSIONS });
    const inStudy = (id: string) => study.filter((r) => r.meta.scene_id === id);
    // Per trial, what the learner scored and how long the looking model looked, without the design index.
    const looked = (d: ReturnType<typeof design>, recs: typeof study, id: string) =>
      lookingResults(d, recs, 'hazard', true).scenes.find((s) => s.sceneId === id)!.observers[0]!.trials.map(({ index: _index, ...t }) => t);
    const sceneOf = (id: string) => twoScenes.get(id)!.scene;
    for (const id of ['car-off-platform', 'box-released-beyond-platform']) {
      const alone = runStudy(design([id]), twoScenes, [learner], { versions: VERSIONS });
      expect(inStudy(id).map((r) => r.observers[0]!.scores)).toEqual(alone.map((r) => r.observers[0]!.scores));
      expect(looked(both, study, id)).toEqual(looked(design([id]), alone, id));
      expect(habituationCheck(both, sceneOf, [learner]).filter((r) => r.scene === id)).toEqual(habituationCheck(design([id]), sceneOf, [learner]));
    }
    // Learning did happen on the second scene: its second familiarization trial met a changed learner.
    const box = inStudy('box-released-beyond-platform');
    expect(box[1]!.observers[0]!.scores).not.toEqual(runStudy({ ...both, settings: { ...both.settings, habituate: false } }, twoScenes, [learner], { versions: VERSIONS })
      .filter((r) => r.meta.scene_id === 'box-released-beyond-platform')[1]!.observers[0]!.scores);
  }, 600_000);

  it('checks what learning teaches: the loss and the surprise of each familiarization trial, before and after learning from it', () => {
    const learner = loadObserver('learner-1k');
    const d = designStudy({ scenes: ['car-off-platform'], models: ['oracle', 'learner-1k'], pairs: 1, familiarization: 2, seed: 5, habituate: true });
    const rows = habituationCheck(d, () => scene, [ORACLE, learner]);
    // The oracle does not learn: one row per learner and familiarization trial.
    expect(rows.map((r) => [r.model, r.trial])).toEqual([['learner-1k', 1], ['learner-1k', 2]]);
    const study = runStudy(d, scenes, [ORACLE, learner], { versions: VERSIONS });
    // "Before" is the learner the study's trial met; trial 2's "before" is trial 1's "after".
    expect(rows[0]!.surpriseBefore).toBe(study[0]!.observers[1]!.scores.rollout_mean);
    expect(rows[1]!.surpriseBefore).toBe(study[1]!.observers[1]!.scores.rollout_mean);
    expect(rows.every((r) => r.lossAfter !== r.lossBefore && r.surpriseAfter !== r.surpriseBefore)).toBe(true);
    const sum = learningCheckSummary(rows);
    expect(sum.n).toBe(2);
    expect(sum.lossLowered).toBe(rows.filter((r) => r.lossAfter < r.lossBefore).length);
  }, 300_000);
});
