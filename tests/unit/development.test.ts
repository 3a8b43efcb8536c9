// The developmental curve: concept scores per scene and pooled, acquisition on exact intervals,
// CSV/SVG/table, and the develop command.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquisitionFrames, conceptResults, developmentCsv, developmentTable, unacquiredConcepts, type ConceptResult, type SceneScore } from '../../src/experiment/development';
import { clopperPearson } from '../../src/experiment/binomialIntervals';
import { developmentSvg } from '../../src/experiment/developmentSvg';
import type { SuiteOutput, TrialRow } from '../../src/experiment/suite';
import { runCli } from '../../src/cli/runCli';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-develop-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const scores = (x: number) => ({ rollout_mean: x, rollout_max: x, rollout_mean_from_onset: x, onestep_nll_mean: x, onestep_nll_max: x });
function row(scene: string, concept: string, variant: number, condition: 'possible' | 'impossible', model: string, exp: number | null, score: number): TrialRow {
  return { scene, concept, variant, condition, model, experience_frames: exp, seed: 0, onset_frame: 10, scores: scores(score) };
}

/** Two support scenes (3 pairs each) and one solidity scene, for a learner and constant velocity. */
function fakeSuite(): SuiteOutput {
  const trials: TrialRow[] = [];
  for (let v = 0; v < 3; v++) {
    // The learner wins every support pair; constant velocity (experience 0 in suite rows) loses them.
    for (const scene of ['a', 'b']) {
      trials.push(row(scene, 'support', v, 'possible', 'learner-1k', 1000, 1), row(scene, 'support', v, 'impossible', 'learner-1k', 1000, 2));
      trials.push(row(scene, 'support', v, 'possible', 'constant-velocity', 0, 2), row(scene, 'support', v, 'impossible', 'constant-velocity', 0, 1));
    }
    // Solidity: the learner wins one pair in three.
    trials.push(row('c', 'solidity', v, 'possible', 'learner-1k', 1000, 1), row('c', 'solidity', v, 'impossible', 'learner-1k', 1000, v === 0 ? 2 : 0.5));
  }
  return { trials, results: [], comparisons: [] };
}

describe('the developmental curve', () => {
  const results = conceptResults(fakeSuite(), 7);
  const find = (c: string, m: string): ConceptResult => results.find((r) => r.concept === c && r.model === m)!;

  it('pools the matched pairs of every scene of a concept', () => {
    expect(find('support', 'learner-1k').pairs).toBe(6);
    expect(find('support', 'learner-1k').scenes).toEqual(['a', 'b']);
    expect(find('support', 'learner-1k').pairwise_accuracy).toBe(1);
    expect(find('support', 'constant-velocity').pairwise_accuracy).toBe(0);
    expect(find('solidity', 'learner-1k').pairwise_accuracy).toBeCloseTo(1 / 3, 12);
    const [lo, hi] = find('solidity', 'learner-1k').pairwise_ci95;
    expect(lo).toBeLessThanOrEqual(1 / 3);
    expect(hi).toBeGreaterThanOrEqual(1 / 3);
    expect(find('solidity', 'learner-1k')).toMatchObject({ wins: 1, ties: 0, losses: 2 });
  });

  it('scores each scene with its exact interval; three pairs, all won, are not enough to pass', () => {
    const a = find('support', 'learner-1k').per_scene.a!;
    expect(a).toMatchObject({ pairs: 3, wins: 3, ties: 0, losses: 0, pairwise_accuracy: 1 });
    expect(a.pairwise_ci95).toEqual(clopperPearson(3, 3));
    expect(a.pairwise_ci95[0]).toBeCloseTo(0.025 ** (1 / 3), 12); // 0.29: not above chance
    expect(a.passed).toBe(false);
    expect(find('support', 'learner-1k').passed).toBe(false);
  });

  it('passes a concept only when every scene passes, and lets the spread between scenes into its interval', () => {
    const trials: TrialRow[] = [];
    for (let v = 0; v < 12; v++) {
      for (const scene of ['up', 'down']) {
        // 'old' wins every pair of both scenes; 'young' wins every pair of 'up' and loses every pair of 'down'.
        trials.push(row(scene, 'inertia', v, 'possible', 'old', 30000, 1), row(scene, 'inertia', v, 'impossible', 'old', 30000, 2));
        trials.push(row(scene, 'inertia', v, 'possible', 'young', 3000, 1), row(scene, 'inertia', v, 'impossible', 'young', 3000, scene === 'up' ? 2 : 0));
      }
    }
    const res = conceptResults({ trials }, 3);
    const old = res.find((r) => r.model === 'old')!, young = res.find((r) => r.model === 'young')!;
    expect(old.passed).toBe(true); // 12/12 per scene: exact lower end 0.025^(1/12) = 0.74
    expect(young.per_scene.up!.passed).toBe(true);
    expect(young.per_scene.down!.passed).toBe(false);
    expect(young.passed).toBe(false);
    expect(young.pairwise_accuracy).toBe(0.5);
    // The scenes disagree completely: the scene-then-pair bootstrap spans everything, while the 24
    // pairs taken together would claim [0.29, 0.71].
    expect(young.pairwise_ci95_bootstrap).toEqual([0, 1]);
    expect(young.pairwise_ci95).toEqual([0, 1]);
    // Every pair agrees: the bootstrap collapses, the exact interval of the 24 pairs does not.
    expect(old.pairwise_ci95_bootstrap).toEqual([1, 1]);
    expect(old.pairwise_ci95).toEqual([clopperPearson(24, 24)[0], 1]);
    expect(acquisitionFrames(res, 'inertia')).toBe(30000);
    expect(conceptResults({ trials }, 3)).toEqual(res);
    // The direction that holds the concept back is named, with its accuracy.
    expect(young.scenes_passed).toBe(1);
    expect(young.weakest_scene).toBe('down');
    expect(young.weakest_accuracy).toBe(0);
    expect(old.scenes_passed).toBe(2);
    expect(old.weakest_accuracy).toBe(1);
    expect(unacquiredConcepts(res)).toEqual([]);
    expect(unacquiredConcepts(res.filter((r) => r.model === 'young'))).toEqual(['inertia']);
    expect(developmentTable(res)).toContain('| inertia | 1/2 (0.00) | 2/2 ✓ (1.00) |');
  });

  it('keeps the baselines off the experience axis and lists concepts in the infants\' order', () => {
    expect(find('support', 'constant-velocity').experience_frames).toBeNull();
    expect(find('support', 'learner-1k').experience_frames).toBe(1000);
    expect(results.map((r) => r.concept).indexOf('solidity')).toBeLessThan(results.map((r) => r.concept).indexOf('support'));
  });

  it('dates a concept from the first checkpoint that passes every one of its scenes for good', () => {
    const scene = (acc: number, lo: number): SceneScore => ({ pairs: 50, wins: 0, ties: 0, losses: 0, pairwise_accuracy: acc, pairwise_ci95: [lo, 1], auroc: acc, passed: false });
    const mk = (exp: number, ...scenes: [number, number][]): ConceptResult => ({
      concept: 'support', model: `m${exp}`, experience_frames: exp, scenes: scenes.map((_, i) => `s${i}`), pairs: 50 * scenes.length, wins: 0, ties: 0, losses: 0,
      pairwise_accuracy: 0, pairwise_ci95: [0, 1], pairwise_ci95_bootstrap: [0, 1], auroc: 0, passed: false, scenes_passed: 0, weakest_scene: 's0', weakest_accuracy: 0, weakest_ci95: [0, 1],
      per_scene: Object.fromEntries(scenes.map(([acc, lo], i) => [`s${i}`, scene(acc, lo)])),
    });
    expect(acquisitionFrames([mk(0, [0.3, 0.2]), mk(1000, [0.9, 0.8]), mk(3000, [0.6, 0.4]), mk(10000, [0.95, 0.9]), mk(30000, [1, 0.93])], 'support')).toBe(10000);
    expect(acquisitionFrames([mk(0, [0.3, 0.2]), mk(1000, [0.7, 0.6])], 'support')).toBeNull();
    // Accuracy 1 but an interval reaching below chance (too few pairs) is not a pass.
    expect(acquisitionFrames([mk(1000, [1, 0.45])], 'support')).toBeNull();
    // A failed scene is not hidden by a passed one, whatever the mean.
    expect(acquisitionFrames([mk(1000, [1, 0.93], [0.95, 0.86]), mk(3000, [1, 0.93], [0.7, 0.55])], 'support')).toBeNull();
  });

  it('writes a CSV row per concept and model, an SVG with a line per concept, and a Markdown table', () => {
    const csv = developmentCsv(results).trim().split('\n');
    expect(csv[0]).toBe('concept,model,experience_frames,pairs,wins,ties,losses,pairwise_accuracy,ci95_low,ci95_high,auroc,passed,scenes');
    expect(csv.find((l) => l.startsWith('solidity,learner-1k,'))).toMatch(/^solidity,learner-1k,1000,3,1,0,2,0\.333333,[\d.]+,[\d.]+,[\d.]+,0,c$/);
    expect(csv).toHaveLength(1 + results.length);
    const svg = developmentSvg(results);
    expect(svg.startsWith('<svg')).toBe(true);
    expect((svg.match(/<polyline/g) ?? []).length).toBe(2);
    expect(svg).toContain('>support (constant velocity 0.00)</text>');
    const table = developmentTable(results);
    expect(table.split('\n')[0]).toBe('| concept | learner-1k | constant-velocity |');
    expect(table).toMatch(/\| solidity \| 0\.33 \[0\.\d\d, [01]\.\d\d\] \|  \|/);
    // All six support pairs agree: the bootstrap alone would say [1.00, 1.00]; the exact interval of
    // the six pairs, 0.025^(1/6) = 0.54, keeps it open. Not passed (no ✓): three pairs a scene are too few.
    expect(table).toContain('| support | 1.00 [0.54, 1.00] | 0.00 [0.00, 0.46] |');
    expect(table).toContain('| support | 0/2 (1.00) | 0/2 (0.00) |'); // 3 pairs a scene: 1.00 with an exact interval reaching below chance
    expect(table).toContain('No learner has acquired, for good: solidity, support.');
  });

  it('develop: measures the named models on the scenes given and writes its files', async () => {
    let stdout = '';
    let stderr = '';
    const out = join(tmp, 'dev');
    const code = await runCli(['develop', '--out', out, '--models', 'constant-velocity,oracle', '--pairs', '3', '--scenes', 'scenes/ball-reverses-by-itself.json,scenes/box-gone-when-screen-lowers.json'],
      { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
    expect(code, stderr).toBe(0);
    for (const f of ['development.json', 'development.csv', 'development.svg', 'trials.csv', 'table.md']) expect(existsSync(join(out, f)), f).toBe(true);
    const doc = JSON.parse(readFileSync(join(out, 'development.json'), 'utf8')) as { concepts: ConceptResult[]; pairs_per_scene: number };
    expect(doc.pairs_per_scene).toBe(3);
    expect(doc.concepts.map((c) => `${c.concept}/${c.model}`).sort()).toEqual(['directional-inertia/constant-velocity', 'directional-inertia/oracle', 'permanence/constant-velocity', 'permanence/oracle']);
    for (const c of doc.concepts.filter((x) => x.model === 'oracle')) expect(c.pairwise_accuracy).toBe(1);
    expect((doc as unknown as { development_version: number }).development_version).toBe(2);
    expect(stdout).toContain('| permanence |');
  }, 120_000);

  it('develop --train: trains a fresh series into OUT/models and measures it', async () => {
    let stderr = '';
    const out = join(tmp, 'trained');
    const code = await runCli(['develop', '--out', out, '--train', '0,300', '--pairs', '2', '--scenes', 'scenes/box-released-beyond-platform.json'],
      { stdout: () => {}, stderr: (t) => { stderr += t; } });
    expect(code, stderr).toBe(0);
    for (const m of ['newborn', 'learner-300']) expect(existsSync(join(out, 'models', m, 'model.json')), m).toBe(true);
    const doc = JSON.parse(readFileSync(join(out, 'development.json'), 'utf8')) as { models: { name: string; experience_frames: number | null }[] };
    expect(doc.models.map((m) => m.name)).toEqual(['newborn', 'learner-300', 'constant-velocity', 'gravity-only', 'oracle']);
    expect(doc.models[1]!.experience_frames).toBe(300);
  }, 300_000);

  it('develop: says so when a models directory holds no checkpoints', async () => {
    let stderr = '';
    const code = await runCli(['develop', '--out', join(tmp, 'none'), '--models-dir', tmp], { stdout: () => {}, stderr: (t) => { stderr += t; } });
    expect(code).not.toBe(0);
    expect(stderr).toContain('no checkpoints found');
  });
});
