// The developmental curve: pooling by concept, acquisition, CSV/SVG/table, and the develop command.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquisitionFrames, conceptResults, developmentCsv, developmentTable, unacquiredConcepts, type ConceptResult } from '../../src/experiment/development';
import { developmentSvg } from '../../src/experiment/developmentSvg';
import type { SuiteOutput, TrialRow } from '../../src/experiment/suite';
import { runCli } from '../../src/cli/runCli';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-develop-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const scores = (x: number) => ({ rollout_mean: x, rollout_max: x, rollout_mean_from_onset: x, onestep_nll_mean: x, onestep_nll_max: x });
function row(scene: string, concept: string, variant: number, condition: 'possible' | 'impossible', model: string, exp: number | null, score: number): TrialRow {
  return { scene, concept, variant, condition, model, experience_frames: exp, seed: 0, onset_frame: 10, scores: scores(score) };
}

/** Two support scenes (3 pairs each) and one solidity scene, for a learner and constant velocity;
 * with `oneSided`, a third support scene (a control where the object stays) that the learner fails. */
function fakeSuite(oneSided = false): SuiteOutput {
  const trials: TrialRow[] = [];
  for (let v = 0; v < 3; v++) {
    if (oneSided) trials.push(row('stays', 'support', v, 'possible', 'learner-1k', 1000, 2), row('stays', 'support', v, 'impossible', 'learner-1k', 1000, 1));
    // The learner wins every support pair; constant velocity (experience 0 in suite rows) loses them.
    for (const scene of ['a', 'b']) {
      trials.push(row(scene, 'support', v, 'possible', 'learner-1k', 1000, 1), row(scene, 'support', v, 'impossible', 'learner-1k', 1000, 2));
      trials.push(row(scene, 'support', v, 'possible', 'constant-velocity', 0, 2), row(scene, 'support', v, 'impossible', 'constant-velocity', 0, 1));
    }
    // Solidity: the learner wins one pair in three.
    trials.push(row('c', 'solidity', v, 'possible', 'learner-1k', 1000, 1), row('c', 'solidity', v, 'impossible', 'learner-1k', 1000, v === 0 ? 2 : 0.5));
  }
  return { trials, results: [] };
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
  });

  it('passes a concept only when every one of its scenes is passed; its score is the weakest scene', () => {
    expect(find('support', 'learner-1k').passed).toBe(true);
    expect(find('support', 'learner-1k').scenes_passed).toBe(2);
    expect(find('support', 'constant-velocity').passed).toBe(false);
    expect(find('solidity', 'learner-1k').passed).toBe(false); // 1/3 is no pass
    const oneSided = conceptResults(fakeSuite(true), 7).find((r) => r.concept === 'support' && r.model === 'learner-1k')!;
    expect(oneSided.pairwise_accuracy).toBeCloseTo(6 / 9, 12); // pooled, it looks fair…
    expect(oneSided.passed).toBe(false); // …but the control where the box stays is failed
    expect(oneSided.scenes_passed).toBe(2);
    expect(oneSided.weakest_scene).toBe('stays');
    expect(oneSided.weakest_accuracy).toBe(0);
    expect(oneSided.scene_verdicts.map((s) => `${s.scene}:${s.passed}`)).toEqual(['a:true', 'b:true', 'stays:false']);
  });

  it('keeps the baselines off the experience axis and lists concepts in the infants\' order', () => {
    expect(find('support', 'constant-velocity').experience_frames).toBeNull();
    expect(find('support', 'learner-1k').experience_frames).toBe(1000);
    expect(results.map((r) => r.concept).indexOf('solidity')).toBeLessThan(results.map((r) => r.concept).indexOf('support'));
  });

  it('dates a concept from the first checkpoint that passes it for good', () => {
    const mk = (exp: number, passed: boolean) => ({ concept: 'support', experience_frames: exp, passed });
    expect(acquisitionFrames([mk(0, false), mk(1000, true), mk(3000, false), mk(10000, true), mk(30000, true)], 'support')).toBe(10000);
    expect(acquisitionFrames([mk(0, false), mk(1000, true), mk(3000, false)], 'support')).toBeNull();
    expect(unacquiredConcepts([mk(0, false), mk(1000, true), { concept: 'solidity', experience_frames: 1000, passed: false }])).toEqual(['solidity']);
  });

  it('writes a CSV row per concept and model, an SVG with a line per concept, and a Markdown table', () => {
    const csv = developmentCsv(results).trim().split('\n');
    expect(csv[0]).toBe('concept,model,experience_frames,pairs,pairwise_accuracy,ci95_low,ci95_high,auroc,scenes,scenes_passed,passed,weakest_scene,weakest_accuracy');
    expect(csv).toHaveLength(1 + results.length);
    const svg = developmentSvg(results);
    expect(svg.startsWith('<svg')).toBe(true);
    expect((svg.match(/<polyline/g) ?? []).length).toBe(2);
    expect(svg).toContain('>support (constant velocity 0.00)</text>');
    expect(svg).toContain('fill="#ffffff"'); // a concept not passed is drawn hollow
    const table = developmentTable(results);
    expect(table.split('\n')[0]).toBe('| concept: scenes passed (weakest accuracy) | learner-1k | constant-velocity |');
    expect(table).toContain('| support | 2/2 ✓ (1.00) | 0/2 (0.00) |');
    expect(table).toContain('| solidity | 0.33 |  |'); // the pooled table
    expect(table).toContain('No learner has acquired: solidity.');
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
    expect(doc.models.map((m) => m.name)).toEqual(['newborn', 'learner-300', 'constant-velocity', 'oracle']);
    expect(doc.models[1]!.experience_frames).toBe(300);
  }, 300_000);

  it('develop: says so when a models directory holds no checkpoints', async () => {
    let stderr = '';
    const code = await runCli(['develop', '--out', join(tmp, 'none'), '--models-dir', tmp], { stdout: () => {}, stderr: (t) => { stderr += t; } });
    expect(code).not.toBe(0);
    expect(stderr).toContain('no checkpoints found');
  });
});
