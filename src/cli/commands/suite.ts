// `suite`: N matched pairs per scene, scored by every model; writes summary.json, trials.csv, summary.svg.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { integerFlag, type ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';
import { BadInput, EXIT_OK, UsageError } from '../errors';
import { makeOutputDir } from '../outputDir';
import { loadSceneFile } from '../sceneFiles';
import { loadObserver } from '../modelStore';
import { progressReporter } from '../progress';
import { useWasmBackend } from '../../predictor/backend';
import { assembleSuite, runSuiteUnits, trialsCsv, type SuiteOutput } from '../../experiment/suite';
import { summarySvg } from '../../experiment/summarySvg';
import { inShard, parseShard } from '../shard';
import { writeShardManifest } from '../shardFiles';
import { suiteJob, type SuiteJob } from '../shardJob';

/** Scene files named on the command line: files as given, directories expanded to their *.json. */
export function expandSceneArgs(items: readonly string[]): string[] {
  const files: string[] = [];
  for (const item of items) {
    let isDir = false;
    try { isDir = statSync(item).isDirectory(); } catch { throw new BadInput(`${item}: no such file or directory`); }
    if (isDir) {
      for (const f of readdirSync(item).sort()) if (f.endsWith('.json') && !f.endsWith('.schema.json')) files.push(join(item, f));
    } else files.push(item);
  }
  return files;
}

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const sceneArgs = (parsed.values.get('scenes') ?? '').split(',').concat(parsed.positionals).map((s) => s.trim()).filter(Boolean);
  if (sceneArgs.length === 0) throw new UsageError('--scenes needs at least one scene file or directory', 'suite');
  const modelNames = (parsed.values.get('models') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (modelNames.length === 0) throw new UsageError('--models needs at least one model name (see `npm run lab -- models`)', 'suite');
  const pairs = integerFlag(parsed, 'pairs', 1, 100_000) ?? 20;
  const seed = integerFlag(parsed, 'seed', 0, 0xffffffff) ?? 0;
  const out = parsed.values.get('out')!;
  const scenes = expandSceneArgs(sceneArgs).map((f) => loadSceneFile(f));
  const withViolation = scenes.filter((s) => s.violation);
  if (withViolation.length < scenes.length) {
    const skipped = scenes.filter((s) => !s.violation).map((s) => s.id);
    io.stderr(`skipping ${skipped.join(', ')}: no violation, so no impossible twin\n`);
  }
  const shardText = parsed.values.get('shard');
  const shard = shardText === undefined ? undefined : parseShard(shardText, 'suite');
  await useWasmBackend();
  const observers = modelNames.map((name) => loadObserver(name, parsed.values.get('models-dir') ?? undefined));
  const job = suiteJob(withViolation, modelNames, observers, pairs, seed);
  const report = progressReporter(io.stderr, Boolean(process.stderr.isTTY), shard ? `suite shard ${shard.index}/${shard.count}` : 'suite');
  const units = runSuiteUnits({ scenes: withViolation, observers, pairs, seed }, (position) => inShard(position, shard), (done, total, label) => report(done, total, `pairs (${label})`));
  makeOutputDir(out);
  if (shard) {
    writeShardManifest(out, { kind: 'suite', shard, job, payload: { units } });
    io.stderr(`wrote shard ${shard.index}/${shard.count} (${units.length} pairs) to ${out}; join the shards with: npm run lab -- merge --out DIR SHARD_DIR...\n`);
    return EXIT_OK;
  }
  writeSuiteOutputs(out, job, assembleSuite(job.scenes, job.models, pairs, seed, units), io);
  return EXIT_OK;
}

/** summary.json, trials.csv and summary.svg, and a line per scene and model on stdout: one run
 * and `merge` of its shards write these through here, so their files are the same bytes. */
export function writeSuiteOutputs(out: string, job: SuiteJob, result: SuiteOutput, io: CliIo): void {
  const summary = { seed: job.seed, pairs: job.pairs, models: job.modelNames, scenes: job.scenes.map((s) => s.id), results: result.results };
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(join(out, 'trials.csv'), trialsCsv(result.trials));
  writeFileSync(join(out, 'summary.svg'), summarySvg(result.results));
  for (const r of result.results) {
    io.stdout(`${r.scene}\t${r.model}\taccuracy ${r.pairwise_accuracy.toFixed(3)} [${r.pairwise_ci95.map((x) => x.toFixed(3)).join(', ')}]\tAUROC ${r.auroc.toFixed(3)}\tg ${r.hedges_g.toFixed(2)}\n`);
  }
  io.stderr(`wrote summary.json, trials.csv, summary.svg to ${out}\n`);
}

export const suiteCommand: Command = {
  name: 'suite',
  summary: 'score matched possible/impossible pairs per scene with each model; write summary.json, trials.csv, summary.svg',
  args: {
    command: 'suite',
    flags: [
      { name: 'scenes', kind: 'string', valueName: 'FILE|DIR,...', description: 'scene files or directories (also accepted as positionals)' },
      { name: 'models', kind: 'string', valueName: 'A,B,...', required: true, description: 'model names from `models`, or checkpoint directories' },
      { name: 'models-dir', kind: 'string', valueName: 'DIR', description: 'where named checkpoints live (default public/models)' },
      { name: 'pairs', kind: 'string', valueName: 'N', description: 'matched pairs per scene (default 20)' },
      { name: 'seed', kind: 'string', valueName: 'S', description: 'seed for the variants and the bootstrap (default 0)' },
      { name: 'shard', kind: 'string', valueName: 'i/n', description: 'score only every n-th pair from the i-th into DIR/shard.json; join the shards with `merge`' },
      { name: 'out', kind: 'string', valueName: 'DIR', required: true, description: 'output directory' },
    ],
    positionals: { name: 'FILE|DIR', min: 0, max: 1000 },
  },
  run,
};
