// The authoring features of the scene format: several violations, reaches-x either way,
// expression functions through the portable ports, and control partners.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateExpr, ExprError } from '../../src/scenes/expr';
import { parseSceneValue } from '../../src/scenes/parse';
import { SceneError } from '../../src/scenes/sceneError';
import { controlsByScene, orderWithControls } from '../../src/scenes/families';
import { validateSceneFile } from '../../src/cli/commands/validate';
import { atan2 } from '../../src/sim/portableAtan';
import { cos, sin } from '../../src/sim/portableTrig';
import { runPair, testScene, track } from './support/trials';

const issuesOf = (value: unknown): { path: string; message: string }[] => {
  try {
    parseSceneValue(value, 'test');
  } catch (e) {
    if (e instanceof SceneError) return e.issues;
    throw e;
  }
  return [];
};

const slidingBox = (extra: Record<string, unknown>) => testScene({
  bodies: [{ id: 'box', kind: 'box', x: 0.5, y: 0.5, width: 0.4, height: 0.4, friction: 0, velocity: { x: 2, y: 0 } }],
  ...extra,
});

describe('several violations in one scene', () => {
  const scene = slidingBox({
    violation: [
      { type: 'reverse', body: 'box', trigger: { on: 'reaches-x', x: 2 } },
      { type: 'vanish', body: 'box', trigger: { on: 'time', at: 1.5 } },
    ],
  });

  it('each fires at its own trigger, in the impossible twin only; the onset is the first', () => {
    const { possible, impossible } = runPair(scene);
    expect(impossible.onsetFrame).toBe(45);
    expect(possible.onsetFrame).toBe(45);
    expect(impossible.events.filter((e) => e.kind === 'violation-onset')).toEqual([
      { frame: 45, kind: 'violation-onset', body: 'box' }, { frame: 90, kind: 'violation-onset', body: 'box' },
    ]);
    const q = track(impossible, 'box');
    expect(q[46]!.vx).toBeCloseTo(-2, 9); // reversed at x = 2 …
    expect(q[91]!.present).toBe(false); // … and gone at 1.5 s
    expect(q[90]!.present).toBe(true);
    expect(track(possible, 'box').at(-1)!.present).toBe(true);
  });

  it('reports a bad one by its index', () => {
    const bad = slidingBox({ violation: [{ type: 'reverse', body: 'box', trigger: { on: 'time', at: 1 } }, { type: 'vanish', body: 'ghost', trigger: { on: 'time', at: -1 } }] });
    expect(issuesOf(bad)).toEqual(expect.arrayContaining([
      { path: 'violation[1].body', message: 'no body with id "ghost"' },
      { path: 'violation[1].trigger.at', message: 'expected a number ≥ 0, got -1' },
    ]));
    const typo = slidingBox({ violation: [{ type: 'reverse', body: 'box', trigger: { on: 'sunrise' } }] });
    expect(issuesOf(typo)[0]!.path).toBe('violation[0].trigger.on');
    expect(issuesOf(typo)[0]!.message).toMatch(/expected one of "time", .*"comes-to-rest", "contact", got "sunrise"/);
    expect(issuesOf(slidingBox({ violation: 5 }))).toEqual([{ path: 'violation', message: 'expected an object or an array, got 5' }]);
  });

  it('a contact trigger names a body that exists and is not the body itself', () => {
    const v = (other: string) => slidingBox({ violation: { type: 'reverse', body: 'box', trigger: { on: 'contact', other } } });
    expect(issuesOf(v('ghost'))).toEqual([{ path: 'violation.trigger.other', message: 'no body with id "ghost"' }]);
    expect(issuesOf(v('box'))[0]!.path).toBe('violation.trigger.other');
    expect(issuesOf(v('floor'))).toEqual([]);
  });
});

describe('reaches-x', () => {
  const run = (x0: number, vx: number, at: number) => runPair(testScene({
    bodies: [{ id: 'box', kind: 'box', x: x0, y: 0.5, width: 0.4, height: 0.4, friction: 0, velocity: { x: vx, y: 0 } }],
    violation: { type: 'freeze', body: 'box', trigger: { on: 'reaches-x', x: at } },
  })).impossible;

  it('fires for leftward motion as for rightward, at mirrored frames', () => {
    const right = run(0.5, 2, 2);
    const left = run(5.5, -2, 4);
    expect(right.onsetFrame).toBe(45);
    expect(Math.abs(left.onsetFrame! - 45)).toBeLessThanOrEqual(1);
    const q = track(left, 'box');
    expect(q[left.onsetFrame!]!.x).toBeLessThanOrEqual(4);
    expect(q[left.onsetFrame! - 1]!.x).toBeGreaterThan(4);
  });

  it('does not fire while the body moves away from x', () => {
    expect(run(3, 2, 2).onsetFrame).toBeNull();
    expect(run(1, -0.5, 2).onsetFrame).toBeNull();
  });
});

describe('expression functions', () => {
  const none = (): undefined => undefined;
  it('sin, cos and atan2 are the portable ports; round, floor, sqrt and pi are exact', () => {
    expect(evaluateExpr('sin(0.7) + cos(0.7)', none)).toBe(sin(0.7) + cos(0.7));
    expect(evaluateExpr('atan2(0.3, -1.2)', none)).toBe(atan2(0.3, -1.2));
    expect(evaluateExpr('round(2.5) + floor(-1.5) + sqrt(16)', none)).toBe(3 + -2 + 4);
    expect(evaluateExpr('atan2(1, 1) * 4', none)).toBe(Math.PI);
    expect(evaluateExpr('pi', none)).toBe(Math.PI);
  });

  it('checks the number of arguments and names the known functions', () => {
    expect(() => evaluateExpr('atan2(1)', none)).toThrow(new ExprError('atan2() takes 2 arguments, got 1'));
    expect(() => evaluateExpr('sin(1, 2)', none)).toThrow(/sin\(\) takes 1 argument, got 2/);
    expect(() => evaluateExpr('tan(1)', none)).toThrow(/unknown function "tan" \(known: .*atan2.*floor/);
  });

  it('a ramp written with angles resolves, and a param may not be called pi', () => {
    const ramp = testScene({
      params: { slope: { default: 0.3, min: 0.2, max: 0.4 } },
      bodies: [{ id: 'ball', kind: 'ball', x: '1 + cos(slope)', y: '1 + sin(slope)', radius: 0.1 }],
    });
    expect(issuesOf(ramp)).toEqual([]);
    const named = testScene({ params: { pi: { default: 3, min: 3, max: 3 } } });
    expect(issuesOf(named)).toEqual([{ path: 'params.pi', message: '"pi" is a constant in expressions; name the param otherwise' }]);
  });
});

describe('control partners', () => {
  const scene = (id: string, extra: Record<string, unknown> = {}) => ({ ...testScene({}), id, concept: 'support', ...extra });

  it('order keeps each control right after its scene; other lists are unchanged', () => {
    const list = [scene('a'), scene('b-control', { control_of: 'c' }), scene('b'), scene('c'), scene('a-control', { control_of: 'a' }), scene('orphan', { control_of: 'zzz' })]
      .map((s) => parseSceneValue(s));
    expect(orderWithControls(list).map((s) => s.id)).toEqual(['a', 'a-control', 'b', 'c', 'b-control', 'orphan']);
    expect(orderWithControls(list.slice(2, 4)).map((s) => s.id)).toEqual(['b', 'c']);
    expect(controlsByScene(list).get('a')).toEqual(['a-control']);
  });

  it('validate checks the partner beside the file: it exists, has the same concept and is no control itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'partners-'));
    const write = (id: string, extra: Record<string, unknown> = {}) => {
      const file = join(dir, `${id}.json`);
      writeFileSync(file, JSON.stringify(scene(id, extra)));
      return file;
    };
    write('main');
    write('other-concept', { concept: 'solidity' });
    expect(validateSceneFile(write('good', { control_of: 'main' }))).toEqual([]);
    expect(validateSceneFile(write('lost', { control_of: 'nowhere' }))[0]).toMatch(/lost\.json: control_of: no scene "nowhere" beside this file/);
    expect(validateSceneFile(write('mixed', { control_of: 'other-concept' }))[0]).toMatch(/control_of: "other-concept" is about solidity, this scene about support/);
    expect(validateSceneFile(write('chain', { control_of: 'good' }))[0]).toMatch(/control_of: "good" is itself a control \(of "main"\)/);
    expect(validateSceneFile(write('self', { control_of: 'self' }))[0]).toMatch(/control_of: a scene cannot be its own control/);
    // Read alone (lab run, the pages, the studio), where no partner file is at hand, it is refused too.
    expect(() => parseSceneValue(scene('self', { control_of: 'self' }), 'self.json')).toThrow(/^self\.json: control_of: a scene cannot be its own control$/);
  });
});

describe('lab run on request', () => {
  const lab = async (...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    let stdout = '';
    let stderr = '';
    const { runCli } = await import('../../src/cli/runCli');
    const code = await runCli(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
    return { code, stdout, stderr };
  };
  const SHRINKS = 'scenes/box-shrinks-behind-screen.json';

  it('--sizes adds width and height after surprise; the default header is unchanged', async () => {
    const plain = await lab('run', '--scene', SHRINKS, '--condition', 'impossible');
    expect(plain.stdout.split('\n')[0]).toBe('frame,t,body,x,y,vx,vy,angle,angular_velocity,visible,surprise');
    const sized = await lab('run', '--scene', SHRINKS, '--condition', 'impossible', '--sizes');
    const lines = sized.stdout.trim().split('\n');
    expect(lines[0]).toBe('frame,t,body,x,y,vx,vy,angle,angular_velocity,visible,surprise,width,height');
    const boxWidths = lines.slice(1).filter((l) => l.split(',')[2] === 'box').map((l) => Number(l.split(',')[11]));
    expect(boxWidths[0]).toBeCloseTo(0.4, 6);
    expect(boxWidths.at(-1)).toBeCloseTo(0.24, 6); // shrunk to 60% behind the screen
    // The other columns are the plain run's, cell for cell.
    expect(lines.map((l) => l.split(',').slice(0, 11).join(',')).join('\n')).toBe(plain.stdout.trim());
  });

  it('--mirror runs the mirror image; --split heldout needs a variant', async () => {
    const a = await lab('run', '--scene', CAR, '--condition', 'possible', '--frames', '0');
    const m = await lab('run', '--scene', CAR, '--condition', 'possible', '--frames', '0', '--mirror');
    const carX = (csv: string) => Number(csv.split('\n').find((l) => l.split(',')[2] === 'car')!.split(',')[3]);
    expect(carX(a.stdout) + carX(m.stdout)).toBeCloseTo(7, 6);
    const bad = await lab('run', '--scene', CAR, '--condition', 'possible', '--split', 'heldout');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--split needs --variant/);
    const held = await lab('run', '--scene', CAR, '--condition', 'possible', '--frames', '0', '--variant', '1', '--split', 'heldout');
    const platformTop = (csv: string) => { const c = csv.split('\n').find((l) => l.split(',')[2] === 'platform')!.split(','); return Number(c[4]); };
    expect((platformTop(held.stdout) - 0.3) * 2).toBeGreaterThanOrEqual(1.7); // centre y = 0.3 + h/2, h in [1.7, 2.2]
  });
});
const CAR = 'scenes/car-off-platform.json';
