// Seeded shards (`--shard i/n`) and seed lists (`--seeds 1-5,8`): which share of a job one run does.
import { UsageError } from './errors';

/** Shard `index` (1-based) of `count`. */
export interface Shard { index: number; count: number }

/** Parses `i/n` (1 ≤ i ≤ n ≤ 10,000). */
export function parseShard(text: string, command: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1 && count <= 10_000) || !(index >= 1 && index <= count)) {
    throw new UsageError(`--shard expects i/n with 1 ≤ i ≤ n ≤ 10000 (e.g. 2/8), got ${JSON.stringify(text)}`, command);
  }
  return { index, count };
}

/** Whether the unit of work at `position` (0-based, in the single run's order) belongs to `shard`.
 * Round robin, so every shard gets a share of each scene or seed and the cost stays balanced. */
export function inShard(position: number, shard: Shard | undefined): boolean {
  return shard === undefined || position % shard.count === shard.index - 1;
}

/** Parses a seed list: `1-5`, `2,4,9`, `1-3,10` (whole numbers, ascending, each once, at most 1,000). */
export function parseSeedList(text: string, command: string): number[] {
  const seeds = new Set<number>();
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) throw new UsageError(`--seeds: "${part}" is not a seed or a range (e.g. 1-5 or 1,3,8)`, command);
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo) throw new UsageError(`--seeds: the range "${part}" runs backwards`, command);
    if (hi > 0xffffffff) throw new UsageError(`--seeds: ${hi} is above the largest seed 4294967295`, command);
    if (hi - lo + 1 + seeds.size > 1000) throw new UsageError('--seeds: at most 1000 seeds in one cohort', command);
    for (let s = lo; s <= hi; s++) seeds.add(s);
  }
  if (seeds.size === 0) throw new UsageError('--seeds needs at least one seed (e.g. 1-5)', command);
  return [...seeds].sort((a, b) => a - b);
}
