// `suite --stride K`: the rollout surprise on every K-th frame, recorded in summary.json; its shards
// merge into one strided run's bytes and refuse to merge with shards of another stride; the same for
// `suite --start-stride K` (rollouts started at every K-th frame).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lab } from './support/lab';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-stride-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ARGS = ['suite', '--scenes', 'scenes/ball-rolls-through-wall.json', '--models', 'constant-velocity,learner-1k', '--pairs', '2', '--seed', '3'];
const summary = (dir: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Record<string, unknown>;

describe('suite --stride', () => {
  it('records the stride only when it is not 1, scores differently, and merges only with its own stride', async () => {
    const plain = join(tmp, 'plain'), strided = join(tmp, 'strided'), one = join(tmp, 'one');
    expect((await lab(...ARGS, '--out', plain)).code).toBe(0);
    expect((await lab(...ARGS, '--stride', '1', '--out', one)).code).toBe(0);
    const s = await lab(...ARGS, '--stride', '4', '--out', strided);
    expect(s.code, s.stderr).toBe(0);
    expect('stride' in summary(plain)).toBe(false);
    expect(readFileSync(join(one, 'summary.json')).equals(readFileSync(join(plain, 'summary.json')))).toBe(true);
    expect(summary(strided).stride).toBe(4);
    expect(readFileSync(join(strided, 'trials.csv'), 'utf8')).not.toBe(readFileSync(join(plain, 'trials.csv'), 'utf8'));
    const a = join(tmp, 's1'), b = join(tmp, 's2'), c = join(tmp, 'p2');
    expect((await lab(...ARGS, '--stride', '4', '--shard', '1/2', '--out', a)).code).toBe(0);
    expect((await lab(...ARGS, '--stride', '4', '--shard', '2/2', '--out', b)).code).toBe(0);
    expect((await lab(...ARGS, '--shard', '2/2', '--out', c)).code).toBe(0);
    const merged = join(tmp, 'merged');
    expect((await lab('merge', '--out', merged, a, b)).code).toBe(0);
    for (const f of ['summary.json', 'trials.csv']) expect(readFileSync(join(merged, f)).equals(readFileSync(join(strided, f))), f).toBe(true);
    const mixed = await lab('merge', '--out', join(tmp, 'mixed'), a, c);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('not the same job');
    expect((await lab(...ARGS, '--stride', '0', '--out', join(tmp, 'bad'))).code).toBe(2);
  }, 600_000);

  it('--start-stride: recorded only when it is not 1, scores differently, refuses to combine with --stride, and merges only with its own', async () => {
    const plain = join(tmp, 'ss-plain'), one = join(tmp, 'ss-one'), started = join(tmp, 'ss-2');
    expect((await lab(...ARGS, '--out', plain)).code).toBe(0);
    expect((await lab(...ARGS, '--start-stride', '1', '--out', one)).code).toBe(0);
    const s = await lab(...ARGS, '--start-stride', '2', '--out', started);
    expect(s.code, s.stderr).toBe(0);
    expect('start_stride' in summary(plain)).toBe(false);
    expect(readFileSync(join(one, 'summary.json')).equals(readFileSync(join(plain, 'summary.json')))).toBe(true);
    expect(summary(started).start_stride).toBe(2);
    expect(readFileSync(join(started, 'trials.csv'), 'utf8')).not.toBe(readFileSync(join(plain, 'trials.csv'), 'utf8'));
    const both = await lab(...ARGS, '--start-stride', '2', '--stride', '2', '--out', join(tmp, 'ss-both'));
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('cannot be combined');
    const a = join(tmp, 'ss-s1'), b = join(tmp, 'ss-s2'), c = join(tmp, 'ss-p2');
    expect((await lab(...ARGS, '--start-stride', '2', '--shard', '1/2', '--out', a)).code).toBe(0);
    expect((await lab(...ARGS, '--start-stride', '2', '--shard', '2/2', '--out', b)).code).toBe(0);
    expect((await lab(...ARGS, '--shard', '2/2', '--out', c)).code).toBe(0);
    const merged = join(tmp, 'ss-merged');
    expect((await lab('merge', '--out', merged, a, b)).code).toBe(0);
    for (const f of ['summary.json', 'trials.csv']) expect(readFileSync(join(merged, f)).equals(readFileSync(join(started, f))), f).toBe(true);
    expect((await lab('merge', '--out', join(tmp, 'ss-mixed'), a, c)).code).toBe(2);
  }, 600_000);
});
