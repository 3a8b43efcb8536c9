// Hostile inputs to the CLI, second round (issue 18): every one exits 2 with one line naming the
// file, before any work; broken sibling checkpoints never stop a good one; nothing hangs.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli';
import { lab } from './support/lab';
import { MAX_SCENE_WORK } from '../../src/scenes/workBudget';
import { parseSceneValue } from '../../src/scenes/parse';
import { REPO_ROOT, readRepoFile, testScene } from './support/trials';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Exit 2, nothing on stdout, exactly one line on stderr (no stack trace). */
function expectOneLine(r: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.stderr.trimEnd()).toMatch(pattern);
  expect(r.code).toBe(2);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

const CAR = 'scenes/car-off-platform.json';
const NEWBORN = join(REPO_ROOT, 'public/models/newborn');

describe('a models folder with broken siblings', () => {
  const models = join(tmp, 'models');
  beforeAll(() => {
    mkdirSync(models);
    cpSync(NEWBORN, join(models, 'good'), { recursive: true });
    const broken = (name: string, edit: (dir: string) => void): void => {
      cpSync(NEWBORN, join(models, name), { recursive: true });
      edit(join(models, name));
    };
    broken('meta-null', (d) => writeFileSync(join(d, 'meta.json'), 'null'));
    broken('meta-bad-json', (d) => writeFileSync(join(d, 'meta.json'), '{"name": '));
    broken('manifest-null', (d) => {
      const model = JSON.parse(readFileSync(join(d, 'model.json'), 'utf8'));
      writeFileSync(join(d, 'model.json'), JSON.stringify({ ...model, weightsManifest: [null] }));
    });
    broken('no-hash', (d) => {
      const meta = JSON.parse(readFileSync(join(d, 'meta.json'), 'utf8'));
      delete meta.weights_hash;
      writeFileSync(join(d, 'meta.json'), JSON.stringify(meta));
    });
    symlinkSync(join(tmp, 'nowhere'), join(models, 'dangling'));
  });

  it('`models` lists the good one and each broken one with its problem, and warns', async () => {
    const r = await lab('models', '--dir', models);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.find((l) => l.startsWith('good\t'))).toMatch(/^good\tlearned: 0 frames of experience \(0\.0 min at 60 fps\), seed \d+$/);
    expect(lines.find((l) => l.startsWith('meta-null\t'))).toMatch(/unusable: .*meta-null\/meta\.json: \(top level\): expected object, got null/);
    expect(lines.find((l) => l.startsWith('meta-bad-json\t'))).toMatch(/unusable: .*meta\.json: not valid JSON/);
    expect(lines.find((l) => l.startsWith('dangling\t'))).toMatch(/unusable: .*dangling/);
    expect(lines.find((l) => l.startsWith('no-hash\t'))).toMatch(/unusable: .*weights_hash: expected string, got nothing/);
    expect(r.stderr).toMatch(/^warning: skipping dangling: /m);
  });

  it('the good model runs beside them; a broken one named is refused in one line', async () => {
    const good = await lab('run', '--scene', CAR, '--condition', 'possible', '--frames', '3', '--model', 'good', '--models-dir', models);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expectOneLine(await lab('run', '--scene', CAR, '--condition', 'possible', '--frames', '3', '--model', 'meta-null', '--models-dir', models),
      /^--model meta-null: cannot be used: .*meta\.json: \(top level\): expected object, got null$/m);
    // Listed as usable (its meta.json is fine) but its model.json is not: refused on loading, by JSON path.
    expectOneLine(await lab('run', '--scene', CAR, '--condition', 'possible', '--frames', '3', '--model', 'manifest-null', '--models-dir', models),
      /manifest-null\/model\.json: weightsManifest\[0\]: expected object, got null$/);
    expectOneLine(await lab('run', '--scene', CAR, '--condition', 'possible', '--frames', '3', '--model', join(models, 'no-hash')),
      /^--model .*no-hash: cannot be used: .*no-hash\/meta\.json: weights_hash: expected string, got nothing$|no-hash\/meta\.json: weights_hash: expected string, got nothing$/);
  });

  it('a checkpoint folder given by path that lacks a file is refused naming that file, not as an unknown model name', async () => {
    const empty = join(tmp, 'empty-checkpoint');
    mkdirSync(empty);
    expectOneLine(await lab('run', '--scene', CAR, '--condition', 'possible', '--frames', '3', '--model', empty), new RegExp(`^${empty}/model\\.json: cannot read \\(no such file\\)$`));
    const noMeta = join(tmp, 'no-meta');
    cpSync(NEWBORN, noMeta, { recursive: true });
    rmSync(join(noMeta, 'meta.json'));
    expectOneLine(await lab('run', '--scene', CAR, '--condition', 'possible', '--frames', '3', '--model', noMeta), new RegExp(`^${noMeta}/meta\\.json: cannot read \\(no such file\\)$`));
  });
});

describe('files that are not regular files', () => {
  it('a named pipe or a directory given as a scene is refused without reading it', async () => {
    const fifo = join(tmp, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    expectOneLine(await lab('run', '--scene', fifo, '--condition', 'possible'), new RegExp(`^${fifo}: is a named pipe, not a scene file$`));
    expectOneLine(await lab('run', '--scene', tmp, '--condition', 'possible'), new RegExp(`^${tmp}: is a directory, not a scene file$`));
    const r = await lab('validate', fifo);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${fifo}: is a named pipe, not a scene file\n`);
  });
  it('a weights.bin that is a named pipe is refused, not waited on', async () => {
    const dir = join(tmp, 'pipe-weights');
    cpSync(NEWBORN, dir, { recursive: true });
    rmSync(join(dir, 'weights.bin'));
    execFileSync('mkfifo', [join(dir, 'weights.bin')]);
    expectOneLine(await lab('run', '--scene', CAR, '--condition', 'possible', '--frames', '1', '--model', dir), /weights\.bin: is a named pipe, not a weights file$/);
  });
});

describe('work bounded and checked before it starts', () => {
  const pile = (n: number, duration = 4): string => {
    // testScene brings its own floor (one body).
    const bodies = [];
    for (let i = 0; i < n; i++) bodies.push({ id: `b${i}`, kind: 'box', x: 3, y: 1, width: 0.4, height: 0.4 });
    const file = join(tmp, `pile-${n}.json`);
    writeFileSync(file, JSON.stringify({ ...testScene({ bodies }), duration }));
    return file;
  };
  it('1,000 bodies, 999 boxes in one place, are refused by validate and run, stating the budget', async () => {
    const file = pile(999);
    const v = await lab('validate', file);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(`${file}: bodies: too much to simulate: 960 substeps × (1000 bodies + 498501 pairs of bodies overlapping at the start)`);
    expect(v.stderr).toContain(`at most ${MAX_SCENE_WORK.toExponential(0)}`);
    expectOneLine(await lab('run', '--scene', file, '--condition', 'possible'), /bodies: too much to simulate/);
  });
  it('a few overlapping boxes stay within the budget; --frames cannot push a scene past it', async () => {
    const file = pile(20);
    expect((await lab('validate', file)).code).toBe(0);
    expectOneLine(await lab('run', '--scene', file, '--condition', 'possible', '--frames', '36000'), /with --frames 36000: too much to simulate/);
  });
  it('suite checks --out before running any pair, and refuses a model named twice', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const r = await lab('suite', '--scenes', CAR, '--models', 'oracle', '--pairs', '2', '--out', file);
    expectOneLine(r, new RegExp(`^${file}: exists and is not a directory`));
    expect(r.stderr).not.toContain('suite [');
    expectOneLine(await lab('suite', '--scenes', CAR, '--models', 'oracle,oracle', '--out', join(tmp, 'dup')), /--models names "oracle" twice/);
  });
  it("the README's `validate scenes/*.json` passes on a clean checkout (the schema file is skipped)", async () => {
    const files = readdirScenes();
    const r = await lab('validate', ...files);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('scenes/scene.schema.json: skipped (a JSON Schema file, not a scene)');
  });
});

describe('one JSON reader', () => {
  it('refuses duplicate keys by JSON path, reads UTF-16 scene files as the browser does', async () => {
    const text = readRepoFile(CAR);
    const dup = join(tmp, 'dup.json');
    writeFileSync(dup, text.replace('"id": "car",', '"id": "car", "id": "car2",'));
    const r = await lab('validate', dup);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dup\.json: bodies\[2\]: the key "id" appears twice in one object/);
    const utf16 = join(tmp, 'utf16.json');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(await lab('validate', utf16)).toEqual({ code: 0, stdout: `${utf16}: ok\n`, stderr: '' });
  });

  it('states the one documented size limit (1 MB) for a scene file however big it is', async () => {
    for (const mb of [1.5, 5]) {
      const big = join(tmp, `big-${mb}.json`);
      writeFileSync(big, `{"pad": "${'x'.repeat(mb * 1e6)}"}`);
      expectOneLine(await lab('validate', big), new RegExp(`^${big}: (file )?is ${mb.toFixed(1)} MB; a scene file may be at most 1 MB$`));
    }
  });
});

describe('scenes that passed validate and failed (or misbehaved) in run', () => {
  const held = { id: 'b', kind: 'box', x: 2, y: 1, width: 0.3, height: 0.3, held: true };
  const other = { id: 'c', kind: 'box', x: 4, y: 0.45, width: 0.3, height: 0.3 };
  const problem = (extra: Record<string, unknown>): string => {
    try {
      parseSceneValue({ ...testScene({ bodies: [held, other], ...extra }), duration: 2 }, 's.json');
    } catch (e) {
      return (e as Error).message;
    }
    return 'accepted';
  };
  const violation = (v: Record<string, unknown>): Record<string, unknown> => ({ violation: { body: 'c', trigger: { on: 'time', at: 1 }, ...v } });
  it('are refused naming the JSON path', () => {
    expect(problem({ actions: [{ type: 'release', body: 'b', at: 0.5 }, { type: 'release', body: 'b', at: 1 }] }))
      .toBe('s.json: actions[1]: body "b" is already let go by actions[0] (release at 0.5 s), so it cannot be released again');
    expect(problem({ actions: [{ type: 'drop', body: 'b', at: 0.5 }, { type: 'carry', body: 'b', at: 1, duration: 0.5, to: { x: 3, y: 1 } }] }))
      .toMatch(/^s\.json: actions\[1\]: body "b" is already let go by actions\[0\] \(drop at 0\.5 s\), so it cannot be carried/);
    expect(problem(violation({ type: 'pass-through', other: 'c' }))).toBe('s.json: violation.other: a body cannot pass through itself: name another body');
    expect(problem(violation({ type: 'transfer', other: 'b', keep: 1e4 }))).toBe('s.json: violation.keep: expected a share of the speed kept from 0 to 1, got 10000');
    expect(problem(violation({ type: 'resize', scale: 1000 }))).toBe('s.json: violation.scale: expected a scale ≤ 100, got 1000');
    expect(problem({ bodies: [held, { ...other, density: 1e-300 }] })).toBe('s.json: bodies[2].density: expected a density ≥ 0.001 kg/m², got 1e-300');
    // The ordinary forms stay accepted.
    expect(problem({ actions: [{ type: 'carry', body: 'b', at: 0.1, duration: 0.2, to: { x: 3, y: 1 } }, { type: 'release', body: 'b', at: 1 }] })).toBe('accepted');
    expect(problem(violation({ type: 'transfer', other: 'b', keep: 0.4 }))).toBe('accepted');
  });
});

function readdirScenes(): string[] {
  return execFileSync('ls', ['scenes'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('.json')).map((f) => `scenes/${f}`);
}
