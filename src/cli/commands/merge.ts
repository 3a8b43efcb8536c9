// `merge`: joins the shards of one `suite`, `develop` or `train --seeds` job (each run with
// --shard i/n) into the files one run would have written, byte for byte.
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';
import { BadInput, EXIT_OK, UsageError } from '../errors';
import { makeOutputDir } from '../outputDir';
import { modelIndexJson } from '../modelStore';
import { readShardSet, SHARD_FILE } from '../shardFiles';
import { readUnits, type SuiteJob } from '../shardJob';
import { assembleSuite, type SuiteUnit } from '../../experiment/suite';
import { writeSuiteOutputs } from './suite';
import { writeDevelopmentOutputs, type DevelopJob } from './develop';

function run(parsed: ParsedArgs, io: CliIo): number {
  const out = parsed.values.get('out')!;
  const dirs = parsed.positionals;
  if (dirs.length === 0) throw new UsageError('name the output directories of the shards (e.g. shard-1 shard-2 …)', 'merge');
  const { kind, job, shards } = readShardSet(dirs);
  makeOutputDir(out);
  if (kind === 'train') {
    // Each shard trained its own seeds into SHARD/seed-S: put them side by side, then list them.
    for (const { dir, manifest } of shards) {
      for (const seed of (manifest.payload as { seeds: number[] }).seeds) {
        const from = join(dir, `seed-${seed}`);
        if (!existsSync(from)) throw new BadInput(`${join(dir, SHARD_FILE)}: lists seed ${seed}, but ${from} is missing`);
        cpSync(from, join(out, `seed-${seed}`), { recursive: true });
      }
    }
    writeFileSync(join(out, 'index.json'), modelIndexJson(out));
    const seeds = (job as { seeds: number[] }).seeds;
    io.stderr(`merged ${shards.length} shards: seeds ${seeds.join(', ')} in ${out}/seed-S, listed in ${join(out, 'index.json')}\n`);
    return EXIT_OK;
  }
  const suiteJob = job as SuiteJob;
  const units: SuiteUnit[] = shards.flatMap(({ dir, manifest }) => readUnits(manifest.payload, join(dir, SHARD_FILE), suiteJob));
  const expected = suiteJob.scenes.length * suiteJob.pairs;
  if (units.length !== expected) throw new BadInput(`merge: the shards hold ${units.length} pairs; the job has ${expected} (${suiteJob.scenes.length} scenes × ${suiteJob.pairs} pairs)`);
  const result = assembleSuite(suiteJob.scenes, suiteJob.models, suiteJob.pairs, suiteJob.seed, units, { mirror: suiteJob.mirror, split: suiteJob.split });
  if (kind === 'suite') writeSuiteOutputs(out, suiteJob, result, io);
  else writeDevelopmentOutputs(out, job as DevelopJob, result, io);
  return EXIT_OK;
}

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'join the shards (--shard i/n) of a suite, develop or train --seeds job into what one run writes',
  args: {
    command: 'merge',
    flags: [{ name: 'out', kind: 'string', valueName: 'DIR', required: true, description: 'output directory (the files one run without --shard would write)' }],
    positionals: { name: 'SHARD_DIR', min: 1, max: 100_000 },
  },
  run,
};
