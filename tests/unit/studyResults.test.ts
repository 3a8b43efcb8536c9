// A study recorded trial by trial gives the suite's own numbers; partial runs, bars, curves and sentences by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { ConstantVelocityPredictor } from '../../src/predictor/predictor';
import { ORACLE, type Observer } from '../../src/experiment/observers';
import { runSuite, type SuiteOutput } from '../../src/experiment/suite';
import { designStudy, studyPlace, type StudyDesign } from '../../src/experiment/studyDesign';
import { recordStudyTrial } from '../../src/experiment/studyTrial';
import { studyResults } from '../../src/experiment/studyResults';
import { seedOfName, studySentence } from '../../src/experiment/studySentence';
import { recordingSchema, textHash, type Recording } from '../../src/experiment/recording';
import { meanOf } from '../../src/experiment/metrics';
import type { SceneFile } from '../../src/scenes/schema';
import { DEFAULT_MODELS_DIR, listCheckpoints, loadCheckpointDir } from '../../src/cli/modelStore';
import { loadRepoScene, readRepoFile } from './support/trials';
import { fakeRecording, fakeScene } from './support/studyRecordings';

describe('a study recorded trial by trial equals the suite (car off the platform, 4 pairs, seed 3)', () => {
  let scene: SceneFile;
  let design: StudyDesign;
  let recordings: Recording[];
  let suite: SuiteOutput;
  let learner: Observer;

  beforeAll(async () => {
    await useWasmBackend();
    const entry = listCheckpoints(DEFAULT_MODELS_DIR).find((m) => m.name === 'learner-100k')!;
    learner = loadCheckpointDir(entry.dir!, entry.name);
    const observers = [learner, new ConstantVelocityPredictor(), ORACLE];
    scene = loadRepoScene('car-off-platform');
    const sceneText = readRepoFile('scenes/car-off-platform.json');
    design = designStudy({ scenes: [scene.id], models: observers.map((o) => o.name), pairs: 4, familiarization: 1, seed: 3 });
    recordings = design.trials.map((t) => recordStudyTrial(t, {
      scene, sceneText, seed: 3, id: `run-7-${t.index}`, name: `Trial ${t.index + 1}`, startedAt: '2026-03-01T10:00:00.000Z',
      appVersion: '0.1.0', matterVersion: '0.20.0', tfjsVersion: '4.22.0', place: studyPlace(design, t, { id: 'run-7', name: 'Run 7' }),
    }, observers));
    suite = runSuite({ scenes: [scene], observers, pairs: 4, seed: 3 });
  }, 300_000);

  it('gives exactly runSuite’s results, also after a trip through JSON', () => {
    const results = studyResults(design, recordings, [scene]);
    expect(results.suite).toHaveLength(3);
    expect(results.suite).toEqual(suite.results);
    expect(results.comparisons).toHaveLength(3);
    expect(results.comparisons).toEqual(suite.comparisons);
    const reread = recordings.map((r) => recordingSchema.parse(JSON.parse(JSON.stringify(r))));
    expect(studyResults(design, reread, [scene]).suite).toEqual(suite.results);
    // Recording order does not matter (the suite's pair order is rebuilt from the variants).
    expect(studyResults(design, [...recordings].reverse(), [scene]).suite).toEqual(suite.results);
    expect(studyResults(design, [...recordings].reverse(), [scene]).comparisons).toEqual(suite.comparisons);
    expect(results.finished).toBe(9);
    expect(results.scenes[0]!.models.map((m) => m.pairs.complete)).toEqual([4, 4, 4]);
  });

  it('writes recordings that pass the schema, with each observer’s kind, hash and experience', () => {
    for (const [i, r] of recordings.entries()) {
      expect(recordingSchema.parse(r)).toEqual(r);
      expect(r.place).toMatchObject({ run_id: 'run-7', trial_index: i, trial_count: 9, phase: design.trials[i]!.phase, pair: design.trials[i]!.pair, design: design.description });
      expect(r.meta).toMatchObject({ scene_id: 'car-off-platform', scene_title: scene.title, scene_hash: textHash(readRepoFile('scenes/car-off-platform.json')), seed: 3, variant: design.trials[i]!.variant, condition: design.trials[i]!.condition });
      expect(r.meta.onset_frame).toBeGreaterThan(0);
      expect(r.snapshots).toHaveLength(r.observers[0]!.total.length);
      expect(r.observers.map((o) => [o.model, o.kind, o.experience_frames])).toEqual([
        ['learner-100k', 'learned', learner.experienceFrames], ['constant-velocity', 'constant-velocity', 0], ['oracle', 'oracle', null],
      ]);
      expect(r.observers[0]!.checkpoint_hash).toMatch(/^[0-9a-f]{16}$/);
      expect(r.observers.slice(1).map((o) => o.checkpoint_hash)).toEqual([null, null]);
      expect(Object.keys(r.observers[0]!.per_body)).toEqual(['car']);
      // The learner cannot say anything before it has had a horizon of frames to look.
      expect(r.observers[0]!.total[0]).toBeNull();
    }
  });

  it('scores each trial as the suite does (the rows of trials.csv)', () => {
    for (const r of recordings.filter((x) => x.place!.phase === 'test')) {
      for (const track of r.observers) {
        const row = suite.trials.find((t) => t.variant === r.meta.variant && t.condition === r.meta.condition && t.model === track.model)!;
        expect(track.scores).toEqual(row.scores);
        expect(r.meta.onset_frame).toBe(row.onset_frame);
      }
    }
  });

  it('says the old learner was surprised, and which learner is older', () => {
    const results = studyResults(design, recordings, [scene]);
    const learnerRow = results.scenes[0]!.models[0]!;
    expect(learnerRow.pairs.impossibleHigher).toBe(Math.round(learnerRow.suite!.pairwise_accuracy * 4 - learnerRow.pairs.ties / 2));
    expect(results.sentences).toHaveLength(1);
    expect(results.sentences[0]).toMatch(/^learner-100k was more surprised by the impossible trial in \d of 4 pairs of “Car pushed off a platform”; constant-velocity in \d of 4; oracle in 4 of 4\. learner-100k has seen [\d,]+ frames of experience\.$/);
    expect(results.scenes[0]!.citation).toBe(scene.study.citation);
    expect(results.scenes[0]!.looking).toBeNull();
    // The curves start a second before onset and are aligned at it.
    const c = learnerRow.curves;
    expect(c.seconds[0]).toBe(-1);
    expect(c.seconds[60]).toBe(0);
    expect(c.possible).toHaveLength(c.seconds.length);
    expect(c.impossible.some((v) => v !== null && v > 0)).toBe(true);
  });

  it('from part of the run: suite metrics over the complete pairs only', () => {
    const rows = (model: string, condition: string, variants: number[]): number[] => variants.map((v) => suite.trials.find((t) => t.model === model && t.condition === condition && t.variant === v)!.scores.rollout_mean);
    for (const done of [1, 2, 4, 6]) {
      const part = recordings.slice(0, done);
      const results = studyResults(design, part, [scene]);
      const tests = design.trials.slice(0, done).filter((t) => t.phase === 'test');
      const complete = [0, 1, 2, 3].filter((v) => tests.filter((t) => t.variant === v).length === 2);
      expect(results.finished).toBe(done);
      for (const m of results.scenes[0]!.models) {
        expect(m.pairs.complete).toBe(complete.length);
        expect(m.bars.possible.n + m.bars.impossible.n).toBe(tests.length);
        if (complete.length === 0) {
          expect(m.suite).toBeNull();
          continue;
        }
        expect(m.suite!.pairs).toBe(complete.length);
        expect(m.suite!.mean_score_possible).toBe(meanOf(rows(m.model, 'possible', complete)));
        expect(m.suite!.mean_score_impossible).toBe(meanOf(rows(m.model, 'impossible', complete)));
      }
      if (complete.length === 0) expect(results.sentences[0]).toBe('“Car pushed off a platform”: no complete pair yet.');
    }
  });
});

describe('study results from hand-made recordings', () => {
  const scene = fakeScene('a', 'A toy car rolls off a platform');
  const design = designStudy({ scenes: ['a'], models: ['m1', 'm2'], pairs: 3, familiarization: 1, seed: 5 });
  type Extra = { onset?: number; total?: (number | null)[]; looking?: number };
  const rec = (variant: number, condition: 'possible' | 'impossible', m1: number, extra: Extra = {}, m2?: number): Recording => fakeRecording({
    sceneId: 'a', variant, condition, seed: 5, onset: extra.onset, looking: extra.looking,
    tracks: [{ model: 'm1', score: m1, total: extra.total }, ...(m2 === undefined ? [] : [{ model: 'm2', score: m2, experience: 30_000 }])],
  });
  const recordings = [
    rec(0, 'possible', 1, { onset: 2, total: [null, 1, 2, 3, 4], looking: 2.5 }, 10),
    rec(1, 'possible', 2, { onset: 1, total: [5, 6, 7], looking: 3.5 }),
    rec(2, 'possible', 3, { onset: 0, total: [] }),
    rec(0, 'impossible', 2, { onset: 2, total: [null, 10, 20, 30, 40], looking: 6 }),
    rec(1, 'impossible', 6),
    rec(2, 'impossible', 3),
    rec(3, 'possible', 99, { looking: 9 }), // familiarization
  ];

  it('bars: mean, SEM (sample SD / √n), n and the values in pair order; NaN SEM below two trials', () => {
    const r = studyResults(design, recordings, [scene]).scenes[0]!;
    const [m1, m2] = r.models;
    expect(m1!.bars.possible).toMatchObject({ mean: 2, n: 3, values: [1, 2, 3] });
    expect(m1!.bars.possible.sem).toBeCloseTo(1 / Math.sqrt(3), 12);
    // (2, 6, 3): mean 11/3, variance (25/9 + 49/9 + 4/9) / 2 = 13/3, SEM √(13/3 / 3) = √13 / 3.
    expect(m1!.bars.impossible.mean).toBeCloseTo(11 / 3, 12);
    expect(m1!.bars.impossible.sem).toBeCloseTo(Math.sqrt(13) / 3, 12);
    expect(m1!.bars.impossible.values).toEqual([2, 6, 3]);
    expect(m1!.pairs).toEqual({ impossibleHigher: 2, ties: 1, complete: 3 });
    expect(m1!.suite!.pairwise_accuracy).toBeCloseTo(2.5 / 3, 12);
    expect(m2!.bars.possible).toEqual({ mean: 10, sem: NaN, n: 1, values: [10] });
    expect(m2!.bars.impossible).toEqual({ mean: NaN, sem: NaN, n: 0, values: [] });
    expect(m2!.suite).toBeNull();
    expect(r.finished).toBe(7);
    expect(r.planned).toBe(7);
  });

  it('curves: mean total per frame offset from onset, a second before it to the latest end', () => {
    const c = studyResults(design, recordings, [scene]).scenes[0]!.models[0]!.curves;
    expect(c.seconds).toHaveLength(63);
    expect(c.seconds[0]).toBe(-1);
    expect(c.seconds[62]).toBe(2 / 60);
    const at = (series: (number | null)[], offset: number): number | null => series[60 + offset]!;
    expect([-60, -2, -1, 0, 1, 2].map((o) => at(c.possible, o))).toEqual([null, null, 3, 4, 5, 4]);
    expect([-2, -1, 0, 1, 2].map((o) => at(c.impossible, o))).toEqual([null, 10, 20, 30, 40]);
  });

  it('looking time: bars over test trials, every looked-at trial listed with its place', () => {
    const r = studyResults(design, recordings, [scene]).scenes[0]!;
    expect(r.looking!.bars.possible).toEqual({ mean: 3, sem: 0.5, n: 2, values: [2.5, 3.5] });
    expect(r.looking!.bars.impossible).toEqual({ mean: 6, sem: NaN, n: 1, values: [6] });
    expect(r.looking!.trials.map((t) => [t.index, t.phase, t.variant, t.condition, t.seconds])).toEqual(
      [...r.looking!.trials].sort((a, b) => a.index - b.index).map((t) => [t.index, t.phase, t.variant, t.condition, t.seconds]),
    );
    expect(r.looking!.trials[0]).toEqual({ index: 0, phase: 'familiarization', variant: 3, condition: 'possible', pair: null, seconds: 9 });
    expect(r.looking!.trials).toHaveLength(4);
  });

  it('keeps the latest recording of a trial and ignores other studies’ recordings', () => {
    const extra = [rec(0, 'possible', 50), fakeRecording({ sceneId: 'a', variant: 1, condition: 'possible', seed: 6, tracks: [{ model: 'm1', score: 1000 }] }), rec(7, 'possible', 1000)];
    const m1 = studyResults(design, [...recordings, ...extra], [scene]).scenes[0]!.models[0]!;
    expect(m1.bars.possible.values).toEqual([50, 2, 3]);
  });

  it('says it in a sentence', () => {
    expect(studyResults(design, recordings, [scene]).sentences).toEqual([
      'm1 was more surprised by the impossible trial in 2 of 3 pairs (1 tie) of “A toy car rolls off a platform”; m2: no complete pair yet. m2 is the older learner (30,000 frames of experience against 1,000).',
    ]);
    expect(studyResults(design, [], [scene]).sentences).toEqual(['“A toy car rolls off a platform”: no complete pair yet.']);
  });

  it('needs the design’s scene files', () => {
    expect(() => studyResults(design, recordings, [fakeScene('b')])).toThrow(/scene "a"/);
  });
});

describe('studySentence', () => {
  const m = (model: string, kind: 'learned' | 'oracle' | 'constant-velocity', experience: number | null, h: number, c: number, ties = 0) => ({ model, kind, experience_frames: experience, pairs: { impossibleHigher: h, ties, complete: c } });
  it('names each model’s count and the older learner; learners oldest first', () => {
    expect(studySentence('A toy car rolls off a platform', [m('learner-100k', 'learned', 100_000, 10, 10), m('learner-1k', 'learned', 1_000, 3, 10)])).toBe(
      'learner-100k was more surprised by the impossible trial in 10 of 10 pairs of “A toy car rolls off a platform”; learner-1k in 3 of 10. learner-100k is the older learner (100,000 frames of experience against 1,000).',
    );
    expect(studySentence('T', [m('oracle', 'oracle', null, 1, 1), m('a', 'learned', 6_000, 0, 1, 1), m('b', 'learned', 1_000, 0, 1), m('c', 'learned', 30_000, 1, 1)])).toBe(
      'oracle was more surprised by the impossible trial in 1 of 1 pair of “T”; c in 1 of 1; a in 0 of 1 (1 tie); b in 0 of 1. The oldest learner is c (30,000 frames of experience), the youngest b (1,000).',
    );
    expect(studySentence('T', [m('constant-velocity', 'constant-velocity', 0, 0, 2, 2)])).toBe('constant-velocity was more surprised by the impossible trial in 0 of 2 pairs (2 ties) of “T”.');
    expect(studySentence('T', [m('a', 'learned', 5, 0, 0), m('b', 'learned', 5, 0, 0)])).toBe('“T”: no complete pair yet.');
  });
  it('counts the seeds of a cohort together by age, oldest first', () => {
    const cohort = [m('l-1k', 'learned', 1_000, 1, 4), m('l-100k', 'learned', 100_000, 4, 4), m('l-1k-s2', 'learned', 1_000, 0, 4, 1), m('l-100k-s2', 'learned', 100_000, 3, 4), m('l-30k', 'learned', 30_000, 2, 3)];
    expect(studySentence('T', cohort)).toBe(
      'l-100k was more surprised by the impossible trial in 4 of 4 pairs of “T”; l-100k-s2 in 3 of 4; l-30k in 2 of 3; l-1k in 1 of 4; l-1k-s2 in 0 of 4 (1 tie). By age, pairs where the impossible trial surprised more: 100,000 frames (2 learners) 7 of 8; 30,000 frames (1 learner) 2 of 3; 1,000 frames (2 learners) 1 of 8 (1 tie).',
    );
  });
  it('lists a cohort by age, then seed 1, 2, 3…, though the observer list has the seed-1 learners last; the other observers keep their order around the learners', () => {
    // The Experiment screen's order when seeds 2 and 3 are ticked under "Cohort" beside the seed-1 checkpoints.
    const listed = [m('learner-1k-s2', 'learned', 1_000, 0, 2), m('learner-1k-s3', 'learned', 1_000, 1, 2), m('learner-100k-s2', 'learned', 100_000, 2, 2),
      m('constant-velocity', 'constant-velocity', 0, 0, 2), m('learner-1k', 'learned', 1_000, 0, 2), m('learner-100k', 'learned', 100_000, 2, 2)];
    expect(studySentence('T', listed)).toBe(
      'learner-100k was more surprised by the impossible trial in 2 of 2 pairs of “T”; learner-100k-s2 in 2 of 2; learner-1k in 0 of 2; learner-1k-s2 in 0 of 2; learner-1k-s3 in 1 of 2; constant-velocity in 0 of 2. By age, pairs where the impossible trial surprised more: 100,000 frames (2 learners) 4 of 4; 1,000 frames (3 learners) 1 of 6.',
    );
    // Seeds compare as numbers (10 after 9), saved cohorts read theirs from `saved:NAME-sSEED-MARK`.
    expect(studySentence('T', [m('l-6k-s10', 'learned', 6_000, 1, 1), m('l-6k-s9', 'learned', 6_000, 1, 1), m('l-6k', 'learned', 6_000, 1, 1)])).toMatch(/^l-6k was .*; l-6k-s9 in 1 of 1; l-6k-s10 in 1 of 1\./);
    expect(studySentence('T', [m('saved:me-s2-6k', 'learned', 6_000, 1, 1), m('saved:me-s1-6k', 'learned', 6_000, 1, 1)])).toMatch(/^saved:me-s1-6k was .*; saved:me-s2-6k in 1 of 1\./);
    expect([seedOfName('learner-100k'), seedOfName('learner-100k-s3'), seedOfName('saved:me-s12-6k'), seedOfName('saved:solo-6k')]).toEqual([1, 3, 12, 1]);
  });
});

describe('a study of a scene whose violation never starts', () => {
  it('counts the test pairs without an onset (both events the same), and none for a scene whose violation starts', () => {
    const base = JSON.parse(readRepoFile('scenes/car-off-platform.json')) as Record<string, unknown> & { violation: Record<string, unknown> };
    const fires = loadRepoScene('car-off-platform');
    // The car never reaches x = 100 m: the trigger never fires in any pair.
    const never = { ...fires, id: 'never-starts', violation: { ...base.violation, trigger: { on: 'reaches-x', x: 100 } } } as SceneFile;
    const counts = [fires, never].map((scene) => {
      const design = designStudy({ scenes: [scene.id], models: ['constant-velocity'], pairs: 2, familiarization: 0, seed: 1 });
      const recordings = design.trials.map((t) => recordStudyTrial(t, {
        scene, sceneText: JSON.stringify(scene), seed: 1, id: `r-${t.index}`, name: `Trial ${t.index + 1}`, startedAt: '2026-03-01T10:00:00.000Z',
        appVersion: '0.1.0', matterVersion: '0.20.0', tfjsVersion: '4.22.0', place: studyPlace(design, t, { id: 'r', name: 'R' }),
      }, [new ConstantVelocityPredictor()]));
      return studyResults(design, recordings, [scene]).scenes[0]!.pairsWithoutOnset;
    });
    expect(counts).toEqual([0, 2]);
  });
});
