// `lab check` finds the silent mistakes of deliberately broken scenes, by JSON path, and passes
// every shipped scene (as drawn and mirrored).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkScene, firstDifference } from '../../src/experiment/sceneCheck';
import { parseSceneValue } from '../../src/scenes/parse';
import { runCli } from '../../src/cli/runCli';
import { loadRepoScene, runTrial, testScene } from './support/trials';
import { shippedSceneNames } from './support/sceneDigests';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const params = { speed: { default: 2, min: 1.8, max: 2.2 } };
const rolling = (extra: Record<string, unknown>) => testScene({
  params,
  bodies: [{ id: 'box', kind: 'box', x: 0.5, y: 0.5, width: 0.4, height: 0.4, friction: 0, velocity: { x: 'speed', y: 0 } }],
  ...extra,
});
const check = (value: unknown) => checkScene(parseSceneValue(value, 'test'), { variants: 2 });

describe('lab check', () => {
  it('a trigger that never fires, at its path, in every run it failed', () => {
    const issues = check(rolling({ violation: { type: 'freeze', body: 'box', trigger: { on: 'reaches-x', x: 20 } } }));
    expect(issues.map((i) => i.path)).toContain('violation.trigger');
    expect(issues.find((i) => i.path === 'violation.trigger')!.message).toBe('never fires (on "box"): in 3 runs: canonical, variant 0, variant 1');
  });

  it('the second of two violations, and a body that leaves the world', () => {
    const issues = check(rolling({
      violation: [
        { type: 'reverse', body: 'box', trigger: { on: 'reaches-x', x: 2 } },
        { type: 'vanish', body: 'box', trigger: { on: 'reaches-x', x: 4 } },
      ],
      duration: 4,
    }));
    // Reversed at x = 2 the box never reaches x = 4 in the impossible twin; the possible one slides off the world.
    expect(issues.find((i) => i.path === 'violation[1].trigger')!.message).toMatch(/^fires in the possible twin but never in the impossible one/);
    expect(issues.find((i) => i.path === 'bodies[1]')!.message).toMatch(/^"box" leaves the world \(possible twin\): in 3 runs: canonical at frame \d+/);
    expect(issues.some((i) => i.path === 'violation[0].trigger')).toBe(false);
  });

  it('an impossible twin that never departs: a float on a box resting on the floor', () => {
    const resting = testScene({
      bodies: [{ id: 'box', kind: 'box', x: 2, y: 0.5, width: 0.4, height: 0.4 }],
      violation: { type: 'float', body: 'box', trigger: { on: 'time', at: 0.5 } },
    });
    expect(check(resting)).toEqual([{ path: 'violation', message: 'the impossible twin never departs from the possible one (every body within 1 cm of its twin to the end): in 3 runs: canonical, variant 0, variant 1' }]);
  });

  it('twins that differ before the onset: the frame they part', () => {
    // The simulator keeps twins identical up to the onset, so the comparison is tested on runs of two different scenes.
    const a = runTrial(parseSceneValue(rolling({})), 'possible');
    const b = runTrial(parseSceneValue(rolling({ params: { speed: { default: 2.1, min: 1.8, max: 2.2 } } })), 'possible');
    expect(firstDifference(a, a, 100, 0)).toBeNull();
    expect(firstDifference(a, b, 100, 0)).toBe(1);
    expect(firstDifference(a, b, 0, 0)).toBeNull();
  });

  it('a sound scene has nothing to report', () => {
    expect(check(rolling({ violation: { type: 'reverse', body: 'box', trigger: { on: 'reaches-x', x: 2 } }, duration: 1.5 }))).toEqual([]);
  });

  it('exits 2 naming the file and the JSON path; 0 for sound files', async () => {
    const file = join(tmp, 'broken.json');
    writeFileSync(file, JSON.stringify(rolling({ violation: { type: 'freeze', body: 'box', trigger: { on: 'reaches-x', x: 20 } }, duration: 1 })));
    let stdout = '';
    let stderr = '';
    const io = { stdout: (t: string) => { stdout += t; }, stderr: (t: string) => { stderr += t; } };
    expect(await runCli(['check', '--variants', '1', file], io)).toBe(2);
    expect(stderr).toBe(`${file}: violation.trigger: never fires (on "box"): in 2 runs: canonical, variant 0\n`);
    stdout = '';
    expect(await runCli(['check', '--variants', '1', 'scenes/car-off-platform.json'], io)).toBe(0);
    expect(stdout).toBe('scenes/car-off-platform.json: ok\n');
  });

  it.each(shippedSceneNames())('%s passes, as drawn and mirrored', (name) => {
    expect(checkScene(loadRepoScene(name), { variants: 3, mirror: 'both' })).toEqual([]);
  });
});
