// The CLI's commands run in-process through runCli: usage errors, variants, schema, multi-issue files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index';
import { runCli } from '../../src/cli/runCli';
import { lab } from './support/lab';
import { readRepoFile } from './support/trials';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-cmd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CAR = 'scenes/car-off-platform.json';

describe('CLI commands (in-process)', () => {
  it('explains usage mistakes in one line and exits 2', async () => {
    const cases: [string[], string][] = [
      [['run', '--scene', CAR, '--condition', 'maybe'], '--condition expects one of possible, impossible, got "maybe"'],
      [['run', '--scene', CAR], '--condition is required'],
      [['run', '--scene', CAR, '--condition', 'possible', '--seed', '3'], '--seed needs --variant (without one, the canonical scene runs: every param at its default)'],
      [['run', '--scene', CAR, '--condition', 'possible', '--variant', '-1'], '--variant expects a whole number from 0 to 4294967295, got -1'],
      [['run', '--scene', CAR, '--condition', 'possible', '--frames', '2.5'], '--frames expects a whole number, got "2.5"'],
      [['run', '--scene', CAR, '--condition', 'possible', 'extra'], 'unexpected argument "extra"'],
      [['validate'], 'expected at least 1 FILE argument'],
      [['schema', '--out'], '--out needs a value (FILE)'],
    ];
    for (const [argv, message] of cases) {
      const r = await lab(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`surprise-lab ${argv[0]}: ${message} (see: surprise-lab ${argv[0]} --help)\n`);
    }
  });

  it('prints general and per-command help, and rejects unknown commands', async () => {
    expect((await lab()).code).toBe(2);
    expect((await lab()).stderr).toMatch(/^usage: surprise-lab <command>/);
    const help = await lab('help', 'validate');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: surprise-lab validate FILE\.\.\.\n/);
    expect(await lab('rnu')).toEqual({ code: 2, stdout: '', stderr: 'surprise-lab: unknown command "rnu"; did you mean "run"?\n' });
    const names = COMMANDS.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['run', 'validate', 'schema']));
    expect((await lab('frobnicate')).stderr).toBe(`surprise-lab: unknown command "frobnicate" (commands: ${names.join(', ')})\n`);
  });

  it('runs the canonical scene by default and a seeded variant when asked', async () => {
    const canonical = await lab('run', '--scene', CAR, '--condition', 'possible', '--frames', '0');
    expect(canonical.stdout).toContain('\n0,0.000000,car,0.700000,1.425000,');
    const variant = await lab('run', '--scene', CAR, '--condition', 'possible', '--frames', '0', '--variant', '2');
    const seeded = await lab('run', '--scene', CAR, '--condition', 'possible', '--frames', '0', '--variant', '2', '--seed', '0');
    expect(variant.stdout).not.toBe(canonical.stdout);
    expect(seeded.stdout).toBe(variant.stdout); // the seed defaults to 0
  });

  it('reports the first of several problems with a count, and validate lists them all', async () => {
    const file = join(tmp, 'two-problems.json');
    writeFileSync(file, readRepoFile(CAR).replace('"duration": 4', '"duration": -4').replace('"format": 1', '"format": 1, "extra": true'));
    const run = await lab('run', '--scene', file, '--condition', 'possible');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^${escape(file)}: [^\\n]+ \\(and 1 more: surprise-lab validate ${escape(file)}\\)\\n$`));
    const validate = await lab('validate', file);
    expect(validate.code).toBe(2);
    expect(validate.stderr.trimEnd().split('\n').sort()).toEqual([
      `${file}: duration: expected a positive number, got -4`,
      `${file}: unknown key "extra"`,
    ]);
  });

  it('validate also resolves seeded variants, to catch problems only a mix of draws reveals', async () => {
    const file = join(tmp, 'mixed-corner.json');
    // Positive at the defaults, at all-min and at all-max, but not for every mix of a and b.
    const scene = JSON.parse(readRepoFile(CAR));
    scene.params.a = { default: 1, min: 0.5, max: 1.5 };
    scene.params.b = { default: 0.5, min: 0.2, max: 1.4 };
    scene.bodies[1].height = 'a - b';
    scene.bodies[1].y = '0.3 + (a - b) / 2';
    writeFileSync(file, JSON.stringify(scene));
    const r = await lab('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${escape(file)}: bodies\\[1\\]\\.height: expected a positive number, got -[0-9.]+ \\(in variant \\d+, seed 0\\)\\n`));
  });

  it('refuses to write into a folder that does not exist', async () => {
    const out = join(tmp, 'no-such-dir', 'x.csv');
    const r = await lab('run', '--scene', CAR, '--condition', 'possible', '--frames', '1', '--out', out);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${out}: cannot write (its folder does not exist)\n` });
  });

  it('schema prints the JSON Schema committed at scenes/scene.schema.json', async () => {
    const r = await lab('schema');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readRepoFile('scenes/scene.schema.json'));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
