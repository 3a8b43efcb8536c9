// The real CLI, spawned through bin/surprise-lab.mjs: exit codes, one-line errors, the CSV header.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, readRepoFile } from './support/trials';

const BIN = join(REPO_ROOT, 'bin/surprise-lab.mjs');
const HEADER = 'frame,t,body,x,y,vx,vy,angle,angular_velocity,visible,surprise';
const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function lab(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The box scene with the box's width set to -1: exactly one problem, at bodies[2].width. */
const badScene = join(tmp, 'bad-width.json');
writeFileSync(badScene, readRepoFile('scenes/box-released-beyond-platform.json').replace('"width": "boxSize"', '"width": -1'));

function expectOneLineError(stderr: string): void {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |Error:/); // no stack trace
}

describe('surprise-lab CLI (spawned)', () => {
  it('run writes the tidy CSV to stdout with the exact header and exits 0', () => {
    const r = lab('run', '--scene', 'scenes/car-off-platform.json', '--condition', 'impossible', '--frames', '10');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines).toHaveLength(1 + 11 * 3); // frames 0…10, three bodies
    expect(lines[1]).toBe('0,0.000000,floor,3.500000,0.150000,0.000000,0.000000,0.000000,0.000000,1,');
    expect(lines.at(-1)).toMatch(/^10,0\.166667,car,/);
  });

  it('run --out writes the same bytes to a file, for a seeded variant, twice alike', () => {
    const out = join(tmp, 'car.csv');
    const args = ['run', '--scene', 'scenes/car-off-platform.json', '--condition', 'possible', '--variant', '4', '--seed', '11', '--frames', '120'];
    const r = lab(...args, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^wrote 363 rows \(121 frames × 3 bodies, possible, onset at frame \d+\) to /);
    expect(readFileSync(out, 'utf8')).toBe(lab(...args).stdout);
  });

  it('run on a scene with a bad value exits 2 with one line naming the file and the JSON path', () => {
    const r = lab('run', '--scene', badScene, '--condition', 'possible');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${badScene}: bodies[2].width: expected a positive number, got -1\n`);
  });

  it('run leaves an existing --out file untouched when the input is bad', () => {
    const out = join(tmp, 'keep.csv');
    writeFileSync(out, 'precious\n');
    expect(lab('run', '--scene', badScene, '--condition', 'possible', '--out', out).status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('precious\n');
  });

  it('exits 2 with one line for bad usage, a missing file or invalid JSON', () => {
    const unknownFlag = lab('run', '--scene', 'scenes/car-off-platform.json', '--condition', 'possible', '--colour', 'red');
    expect(unknownFlag.status).toBe(2);
    expectOneLineError(unknownFlag.stderr);
    expect(unknownFlag.stderr).toContain('unknown flag --colour');

    const missing = lab('run', '--scene', join(tmp, 'nope.json'), '--condition', 'possible');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`${join(tmp, 'nope.json')}: cannot read (no such file)\n`);

    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, '{\n  "format": 1,\n  "id": \n}\n');
    const invalid = lab('run', '--scene', broken, '--condition', 'possible');
    expect(invalid.status).toBe(2);
    expectOneLineError(invalid.stderr);
    expect(invalid.stderr).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON`));
  });

  it('validate prints "FILE: ok" for good files and "FILE: path: message" for bad ones', () => {
    const good = lab('validate', 'scenes/car-off-platform.json', 'scenes/box-released-beyond-platform.json');
    expect(good.status).toBe(0);
    expect(good.stdout).toBe('scenes/car-off-platform.json: ok\nscenes/box-released-beyond-platform.json: ok\n');
    expect(good.stderr).toBe('');

    const mixed = lab('validate', 'scenes/car-off-platform.json', badScene);
    expect(mixed.status).toBe(2);
    expect(mixed.stdout).toBe('scenes/car-off-platform.json: ok\n');
    expect(mixed.stderr).toBe(`${badScene}: bodies[2].width: expected a positive number, got -1\n`);
  });

  it('prints usage and exits 0 when asked for help', () => {
    const help = lab('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: surprise-lab <command>/);
    expect(help.stdout).toMatch(/\n {2}run {2,}/);
  });
});
