// A looking-time study end to end in Node: every trial's seconds are the looking model's for that
// observer's surprise and seed; learners habituate on their own copies (the shipped weights never
// change); and `lab study` writes its files, refusing bad flags with a clear message.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useWasmBackend } from '../../src/predictor/backend';
import { parseSceneText } from '../../src/scenes/parse';
import { ConstantVelocityPredictor, LearnedPredictor } from '../../src/predictor/predictor';
import { GravityOnlyPredictor } from '../../src/predictor/gravityOnly';
import { ORACLE, type Observer } from '../../src/experiment/observers';
import { designStudy } from '../../src/experiment/studyDesign';
import { runStudy, type StudyScene } from '../../src/experiment/looking/runStudy';
import { lookingResults } from '../../src/experiment/looking/lookingStudy';
import { familiarizationSvg } from '../../src/experiment/looking/lookingCharts';
import { DEFAULT_HABITUATION } from '../../src/experiment/looking/habituationSettings';
import { HAZARD_PARAMS, habituationTrial, lookingRng, lookingTrial } from '../../src/experiment/looking/lookingModel';
import { RANCH_MOMENT_PARAMS, RANCH_PARAMS, RanchMemory } from '../../src/experiment/looking/ranchModel';
import { SurpriseStream } from '../../src/experiment/looking/momentStream';
import { loadObserver } from '../../src/cli/modelStore';
import { lab } from './support/lab';

const VERSIONS = { app: 'test', matter: 'test', tfjs: 'test' };
const text = readFileSync('scenes/car-off-platform.json', 'utf8');
const scenes = new Map<string, StudyScene>([['car-off-platform', { scene: parseSceneText(text, 'car'), text }]]);

beforeAll(async () => { await useWasmBackend(); });

describe('looking study', () => {
  it('gives each observer and trial the looking model\'s seconds for its surprise, seeded by the study', () => {
    const design = designStudy({ scenes: ['car-off-platform'], models: ['constant-velocity', 'gravity-only', 'oracle'], pairs: 2, familiarization: 4, seed: 3 });
    const observers: Observer[] = [new ConstantVelocityPredictor(), new GravityOnlyPredictor(), ORACLE];
    const recordings = runStudy(design, scenes, observers, { versions: VERSIONS });
    const r = lookingResults(design, recordings, 'hazard', false);
    const scene = r.scenes[0]!;
    expect(scene.observers.map((o) => o.model)).toEqual(['constant-velocity', 'gravity-only', 'oracle']);
    for (const o of scene.observers) {
      expect(o.trials).toHaveLength(8);
      expect(o.familiarization).toHaveLength(4);
      for (const t of o.trials) {
        const again = lookingTrial(t.surprise, HAZARD_PARAMS, lookingRng(3, o.model, 'car-off-platform', t.variant, t.condition, t.phase));
        expect(t.seconds).toBe(again.seconds);
        expect(t.seconds).toBeGreaterThan(0);
        expect(t.seconds).toBeLessThanOrEqual(60);
      }
      const at = habituationTrial(o.familiarization);
      expect(o.habituatedAt).toBe(at === null ? null : at + 1);
      const group = scene.groups.find((g) => g.label === o.model)!;
      expect(group.n).toBe(1);
      expect(group.longerAtImpossible).toBe(o.preference! > 0 ? 1 : 0);
    }
    // The ideal observer is not surprised by a possible trial: its hazard is the bored one.
    const oracle = scene.observers.find((o) => o.model === 'oracle')!;
    expect(oracle.trials.filter((t) => t.condition === 'possible').every((t) => t.surprise === 0)).toBe(true);
    // Recomputed from the same recordings: the same numbers.
    expect(lookingResults(design, recordings, 'hazard', false)).toEqual(r);
    expect(scene.sentence).toMatch(/^“Car pushed off a platform”\. Across 4 familiarization trials, the looking of constant-velocity (fell|rose|stayed)/);
    // Three panels in a row are too narrow for the x-axis label on one line: it goes on two, uncut.
    const svg = familiarizationSvg(r, 'car-off-platform');
    expect(svg.match(/>familiarization trial,<\/text>/g)).toHaveLength(3);
    expect(svg.match(/>then test \(P, I\)<\/text>/g)).toHaveLength(3);
    expect(svg).not.toMatch(/then …/);
  }, 120_000);

  it('folds each observer\'s trials of a scene, in design order, through the RANCH-style model\'s memory', () => {
    const design = designStudy({ scenes: ['car-off-platform'], models: ['constant-velocity', 'oracle'], pairs: 2, familiarization: 4, seed: 3 });
    const recordings = runStudy(design, scenes, [new ConstantVelocityPredictor(), ORACLE], { versions: VERSIONS });
    const r = lookingResults(design, recordings, 'ranch', false);
    expect(r.params).toEqual(RANCH_PARAMS);
    for (const o of r.scenes[0]!.observers) {
      // The same trials looked at one by one by a fresh memory, in the design's order: the same seconds.
      expect(o.trials.map((t) => t.index)).toEqual(design.trials.map((t) => t.index));
      const memory = new RanchMemory(RANCH_PARAMS);
      for (const t of o.trials) {
        const again = memory.look(t.surprise, lookingRng(3, o.model, 'car-off-platform', t.variant, t.condition, t.phase));
        expect([t.seconds, t.looks, t.endedBy]).toEqual([again.seconds, again.looks, again.endedBy]);
      }
      // Without the memory (a fresh belief each trial) the later trials would differ.
      const fresh = o.trials.map((t) => new RanchMemory(RANCH_PARAMS).look(t.surprise, lookingRng(3, o.model, 'car-off-platform', t.variant, t.condition, t.phase)).seconds);
      expect(fresh).not.toEqual(o.trials.map((t) => t.seconds));
    }
    expect(lookingResults(design, recordings, 'ranch', false)).toEqual(r);
  }, 120_000);

  it('folds the moment-by-moment model over each observer\'s per-frame surprise, the trials in design order', () => {
    const design = designStudy({ scenes: ['car-off-platform'], models: ['constant-velocity', 'oracle'], pairs: 2, familiarization: 4, seed: 3 });
    const recordings = runStudy(design, scenes, [new ConstantVelocityPredictor(), ORACLE], { versions: VERSIONS });
    const r = lookingResults(design, recordings, 'ranch-moment', false);
    expect(r.model).toBe('ranch-moment');
    expect(r.params).toEqual(RANCH_MOMENT_PARAMS);
    const trialMean = lookingResults(design, recordings, 'ranch', false);
    for (const o of r.scenes[0]!.observers) {
      const memory = new RanchMemory(RANCH_MOMENT_PARAMS);
      for (const t of o.trials) {
        const rec = recordings.find((x) => x.place?.trial_index === t.index)!;
        const track = rec.observers.find((x) => x.model === o.model)!;
        const again = memory.lookAtMoments(new SurpriseStream(track.total), lookingRng(3, o.model, 'car-off-platform', t.variant, t.condition, t.phase));
        expect([t.seconds, t.looks, t.endedBy]).toEqual([again.seconds, again.looks, again.endedBy]);
        // The trial's mean surprise is still reported as the model's summary input.
        expect(t.surprise).toBe(track.scores.rollout_mean);
      }
      // It is not the trial-mean model's looking.
      expect(o.trials.map((t) => t.seconds)).not.toEqual(trialMean.scenes[0]!.observers.find((x) => x.model === o.model)!.trials.map((t) => t.seconds));
    }
    expect(lookingResults(design, recordings, 'ranch-moment', false)).toEqual(r);
  }, 120_000);

  it('habituates a learner on its own copy: the first trial meets the checkpoint, later ones the learner that watched', () => {
    const shipped = loadObserver('learner-1k') as LearnedPredictor;
    const before = shipped.network!.flatWeights();
    const design = (habituate: boolean) => designStudy({ scenes: ['car-off-platform'], models: ['learner-1k'], pairs: 1, familiarization: 2, seed: 5, ...(habituate ? { habituate } : {}) });
    const score = (recs: ReturnType<typeof runStudy>, i: number): number | null => recs[i]!.observers[0]!.scores.rollout_mean!;
    const plain = runStudy(design(false), scenes, [shipped], { versions: VERSIONS });
    const habituated = runStudy(design(true), scenes, [shipped], { versions: VERSIONS });
    expect(score(habituated, 0)).toBe(score(plain, 0));
    for (const i of [1, 2, 3]) expect(score(habituated, i)).not.toBe(score(plain, i));
    expect(habituated[1]!.observers[0]!.checkpoint_hash).toBeNull();
    expect(shipped.network!.flatWeights()).toEqual(before);
    // Deterministic: the same study habituates the same way.
    const again = runStudy(design(true), scenes, [shipped], { versions: VERSIONS });
    expect(again.map((r) => r.observers[0]!.scores)).toEqual(habituated.map((r) => r.observers[0]!.scores));
    expect(habituated[0]!.place!.design).toMatch(/Habituation: each learner keeps learning/);
    expect(lookingResults(design(true), habituated, 'hazard', true).habituation).toEqual(DEFAULT_HABITUATION);
  }, 300_000);
});

describe('lab study', () => {
  it('writes looking.json, looking.csv and the charts', async () => {
    const out = mkdtempSync(join(tmpdir(), 'study-'));
    const r = await lab('study', '--scenes', 'scenes/car-off-platform.json', '--models', 'constant-velocity,oracle', '--looking', 'goldilocks', '--pairs', '2', '--fam', '3', '--seed', '2', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^“Car pushed off a platform”\./);
    expect(readdirSync(out).sort()).toEqual(['car-off-platform-familiarization.svg', 'car-off-platform-proportion.svg', 'car-off-platform-test.svg', 'looking.csv', 'looking.json']);
    const json = JSON.parse(readFileSync(join(out, 'looking.json'), 'utf8'));
    expect(json.results.model).toBe('goldilocks');
    expect(json.looking_version).toBe(2);
    expect(json.results.habituation).toBeNull(); // nobody habituated: no settings to record
    expect(json.settings).toEqual({ scenes: ['car-off-platform'], models: ['constant-velocity', 'oracle'], pairs: 2, familiarization: 3, seed: 2 });
    const csv = readFileSync(join(out, 'looking.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('scene,model,group,experience_frames,trial,phase,variant,condition,pair,surprise,looking_s,looks,ended_by,habituated_at');
    expect(csv).toHaveLength(1 + 2 * (3 + 2 * 2));
    expect(readFileSync(join(out, 'car-off-platform-familiarization.svg'), 'utf8')).toMatch(/^<svg[^>]*>[\s\S]*<\/svg>\n$/);
  }, 120_000);

  it('refuses an unknown looking model and out-of-range counts, naming the flag', async () => {
    const out = mkdtempSync(join(tmpdir(), 'study-'));
    const bad = await lab('study', '--scenes', 'scenes/car-off-platform.json', '--models', 'oracle', '--looking', 'sokolov', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--looking expects one of hazard, goldilocks, ranch, ranch-moment, got "sokolov"/);
    const fam = await lab('study', '--scenes', 'scenes/car-off-platform.json', '--models', 'oracle', '--looking', 'hazard', '--fam', '11', '--out', out);
    expect(fam.code).toBe(2);
    expect(fam.stderr).toMatch(/--fam expects a whole number from 0 to 10/);
    const many = Array.from({ length: 21 }, (_, i) => `m${i}`).join(',');
    const crowd = await lab('study', '--scenes', 'scenes/car-off-platform.json', '--models', many, '--looking', 'hazard', '--out', out);
    expect(crowd.code).toBe(2);
    expect(crowd.stderr).toMatch(/--models names 21 observers; a study has at most 20/);
    const loose = await lab('study', '--scenes', 'scenes/car-off-platform.json', '--models', 'oracle', '--looking', 'hazard', '--habituation', 'first', '--out', out);
    expect(loose.code).toBe(2);
    expect(loose.stderr).toMatch(/--habituation names how learners habituate: it needs --habituate/);
    const unknown = await lab('study', '--scenes', 'scenes/car-off-platform.json', '--models', 'oracle', '--looking', 'hazard', '--habituate', '--habituation', 'fast', '--out', out);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--habituation expects one of training, first, got "fast"/);
    expect(readdirSync(out)).toEqual([]);
  });
});
