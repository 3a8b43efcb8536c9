// Frames where an object turns over an edge while partly supported, watched more (`train
// --pivot-focus`): the whole of a tip, not only its onset. What the rule catches on the box at 15%
// contact, that the diet knob changes only what is watched when set, and that a run with it is
// recorded in meta.json and reproducible per seed (alone or in a cohort).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { transition, watchEpisode } from '../../src/predictor/experience';
import { EDGES_DIET } from '../../src/predictor/namedDiets';
import { objectChangesSupport, objectPivots, objectStartsToTip, pivots } from '../../src/predictor/supportFrames';
import { observations, runTrial } from '../../src/experiment/trial';
import { loadRepoScene } from './support/trials';
import { createRng } from '../../src/sim/rng';
import { lab } from './support/lab';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-pivot-focus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  await useWasmBackend();
});

describe('the pivot rule', () => {
  it('catches the box at 15% contact through the whole of its tip, from the release until it clears the edge, and not in free fall', () => {
    const trial = runTrial(loadRepoScene('box-pushed-to-15-percent-contact'), 'possible', undefined, 0);
    const frames = observations(trial);
    const box = frames[0]!.findIndex((o) => o.kind === 'box');
    const onset = trial.onsetFrame!;
    const pivoting: number[] = [], tipping: number[] = [];
    for (let t = 0; t + 1 < frames.length; t++) {
      const tr = transition(frames[t]!, frames[t + 1]!);
      if (objectPivots(tr, box)) pivoting.push(t);
      if (objectStartsToTip(tr, box)) tipping.push(t);
      // Never where the support-change rule (a free fall's onset, a landing) holds.
      if (objectPivots(tr, box)) expect(objectChangesSupport(tr, box), `step ${t}`).toBe(false);
    }
    // Nothing while the hand pushes it along the top; from the release a run of at least 20 steps in
    // a row (the tip onset rule: the first four of them), then nothing while it falls free.
    expect(pivoting.filter((t) => t < onset - 1)).toEqual([]);
    const first = pivoting[0]!;
    expect(first).toBeGreaterThanOrEqual(onset - 1);
    expect(first).toBeLessThanOrEqual(onset + 1);
    let run = 1;
    while (pivoting[run] === first + run) run++;
    expect(run).toBeGreaterThanOrEqual(20);
    expect(tipping.filter((t) => t >= first && t < first + run).length).toBeLessThanOrEqual(5);
    const afterRun = first + run;
    const falling = transition(frames[afterRun + 3]!, frames[afterRun + 4]!);
    expect(falling.dv[box * 3 + 1]!).toBeLessThan(-0.15);
    expect(objectPivots(falling, box)).toBe(false);
  });

  it('chooses a share of the watched frames among pivots; without the knob (or at 0) the episodes are the same as before', () => {
    const base = { ...EDGES_DIET, edgeRests: 0.2, edgeRestReach: 0.95, skipHeld: true, tipFocus: 0.2 };
    let chosen = 0, frames = 0, chosenPlain = 0;
    for (let s = 1; s <= 40; s++) {
      const focused = watchEpisode(createRng(s), { ...base, pivotFocus: 1 });
      const plain = watchEpisode(createRng(s), base);
      const zero = watchEpisode(createRng(s), { ...base, pivotFocus: 0 });
      expect(JSON.stringify(zero.map((t) => [t.obs, [...t.dv]]))).toBe(JSON.stringify(plain.map((t) => [t.obs, [...t.dv]])));
      frames += focused.length;
      chosen += focused.filter(pivots).length;
      chosenPlain += plain.filter(pivots).length;
    }
    // At 1, every frame not taken by the tip-onset coin before it is a pivot wherever an episode has
    // one (not every episode has: 48% of these 480 frames are pivots, against 12% without the knob).
    expect(chosen / frames).toBeGreaterThan(0.4);
    expect(chosen).toBeGreaterThan(3 * chosenPlain);
  });
});

describe('train --pivot-focus', () => {
  it('is recorded in meta.json and the cohort command, changes the weights, and stays reproducible per seed', async () => {
    const base = ['--frames', '300', '--checkpoints', '300', '--core', 'no-contact-geometry', '--diet', 'edges', '--skip-held', '--overhangs', '--tip-focus', '0.2', '--fast-gradient'];
    const args = [...base, '--pivot-focus', '0.3'];
    const cohort = join(tmp, 'cohort');
    const alone = join(tmp, 'alone');
    const again = join(tmp, 'again');
    const plain = join(tmp, 'plain');
    for (const r of [
      await lab('train', '--seeds', '2-3', '--jobs', '1', ...args, '--out', cohort),
      await lab('train', '--seed', '3', ...args, '--out', alone),
      await lab('train', '--seed', '3', ...args, '--out', again),
      await lab('train', '--seed', '3', ...base, '--out', plain),
    ]) expect(r.code, r.stderr).toBe(0);
    const bytes = (dir: string): Buffer => readFileSync(join(dir, 'learner-300', 'weights.bin'));
    expect(bytes(alone).equals(bytes(again))).toBe(true);
    expect(bytes(join(cohort, 'seed-3')).equals(bytes(alone))).toBe(true);
    expect(bytes(alone).equals(bytes(plain))).toBe(false);
    type Meta = { diet: Record<string, unknown>; command: string };
    const meta = (dir: string): Meta => JSON.parse(readFileSync(join(dir, 'learner-300', 'meta.json'), 'utf8')) as Meta;
    expect(meta(alone).diet).toMatchObject({ pivotFocus: 0.3, tipFocus: 0.2, skipHeld: true });
    expect(meta(plain).diet).not.toHaveProperty('pivotFocus');
    expect(meta(join(cohort, 'seed-3')).command).toContain('--tip-focus 0.2 --pivot-focus 0.3');
    const listed = await lab('models', '--dir', alone, '--json');
    expect(listed.stderr).not.toContain('warning');
    expect(listed.stdout).toContain('"learner-300"');
    for (const value of ['2', 'many', '-0.1']) {
      const bad = await lab('train', '--seed', '3', '--frames', '300', '--pivot-focus', value, '--out', join(tmp, 'bad'));
      expect(bad.code, value).not.toBe(0);
      expect(bad.stderr).toContain('--pivot-focus');
    }
  }, 600_000);
});
