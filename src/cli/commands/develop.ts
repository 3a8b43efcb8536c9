// `develop`: the developmental curve — pairwise accuracy with 95% CIs per concept for each checkpoint;
// writes development.json, development.csv, development.svg (and the per-scene suite files).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { choiceFlag, integerFlag, listFlag, type ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';
import { BadInput, EXIT_OK, UsageError, oneLine } from '../errors';
import { makeOutputDir } from '../outputDir';
import { loadSceneFile, sceneFileOf } from '../sceneFiles';
import { onsetGapLines, pairsWithoutOnset } from '../../experiment/pairsWithoutOnset';
import { BASELINES, DEFAULT_MODELS_DIR, scanAllCheckpoints, scanCheckpoints, loadObserver } from '../modelStore';
import { progressReporter } from '../progress';
import { useWasmBackend } from '../../predictor/backend';
import { conceptResults, developmentCsv, developmentTable, acquisitionFrames, CONCEPT_ORDER, DEVELOPMENT_VERSION, PASS_ACCURACY, type ConceptResult } from '../../experiment/development';
import { SUMMARY_VERSION } from '../../experiment/suite';
import { developmentSvg } from '../../experiment/developmentSvg';
import { assembleSuite, runSuiteUnits, trialsCsv, type SuiteOutput } from '../../experiment/suite';
import { cohortSummary, cohortTable, type CohortMember } from '../../experiment/cohort';
import { cohortDirections, cohortDirectionTable } from '../../experiment/cohortDirections';
import { inShard, parseShard } from '../shard';
import { writeShardManifest } from '../shardFiles';
import { suiteJob, type SuiteJob } from '../shardJob';
import { expandSceneArgs } from './suite';
import { trainCommand } from './train';
import { orderWithControls } from '../../scenes/families';
import { heldoutRows, type MirrorChoice } from '../../experiment/splits';
import type { Split } from '../../scenes/resolve';

/** A develop job: the suite's, plus where the checkpoints came from and, for a cohort, each
 * checkpoint's seed and age. */
export interface DevelopJob extends SuiteJob {
  modelsDir: string;
  /** development.json's list of models: learners with their experience, baselines with null. */
  modelList: { name: string; experience_frames: number | null }[];
  cohort: CohortMember[] | null;
}

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const out = parsed.values.get('out')!;
  const pairs = integerFlag(parsed, 'pairs', 2, 100_000) ?? 50;
  const seed = integerFlag(parsed, 'seed', 0, 0xffffffff) ?? 0;
  const shardText = parsed.values.get('shard');
  const shard = shardText === undefined ? undefined : parseShard(shardText, 'develop');
  const cohortDir = parsed.values.get('cohort');
  if (cohortDir !== undefined && parsed.values.has('models-dir')) throw new UsageError('give either --cohort DIR or --models-dir DIR, not both', 'develop');
  makeOutputDir(out);
  let modelsDir = cohortDir ?? parsed.values.get('models-dir') ?? DEFAULT_MODELS_DIR;
  const train = parsed.values.get('train');
  if (train !== undefined) {
    if (shard || cohortDir !== undefined) throw new UsageError('--train cannot go with --shard or --cohort: train first (train --seeds), then measure', 'develop');
    // Train a fresh series instead of reusing checkpoints: the train command, into OUT/models.
    modelsDir = join(out, 'models');
    const marks = train.split(',').map((s) => s.trim()).filter(Boolean);
    const frames = Math.max(0, ...marks.map((m) => (/^\d+(\.\d+)?k$/i.test(m) ? Number(m.slice(0, -1)) * 1000 : Number(m))).filter(Number.isFinite));
    if (!(frames > 0)) throw new UsageError(`--train expects experience marks such as 0,3k,30k, got ${JSON.stringify(train)}`, 'develop');
    // train checks each mark and writes the checkpoints (and index.json) into OUT/models.
    const values = new Map([['frames', String(Math.round(frames))], ['checkpoints', marks.join(',')], ['out', modelsDir], ['seed', String(seed + 1)]]);
    const code = await trainCommand.run({ values, positionals: [], help: false }, io);
    if (code !== EXIT_OK) return code;
  }
  // A cohort is every seed's series (the directory's own and each seed-S folder's); otherwise one series.
  const { usable: entries, broken } = cohortDir !== undefined ? scanAllCheckpoints(modelsDir) : scanCheckpoints(modelsDir);
  for (const b of broken) io.stderr(`warning: skipping ${b.name}: ${oneLine(b.problem)}\n`);
  const wanted = listFlag(parsed, 'models');
  // Every checkpoint, then the baselines: both that bracket support, and the ideal observer.
  const names = wanted.length > 0 ? wanted : [...entries.map((e) => e.name), ...BASELINES];
  if (names.filter((n) => !(BASELINES as readonly string[]).includes(n)).length === 0 && wanted.length === 0) {
    throw new BadInput(`${modelsDir}: no checkpoints found (train some with --train 0,1k,10k or name a --models-dir)`);
  }
  const sceneArgs = (parsed.values.get('scenes') ?? 'scenes').split(',').map((s) => s.trim()).filter(Boolean);
  const mirror = choiceFlag<MirrorChoice>(parsed, 'mirror', ['off', 'on', 'both']) ?? 'off';
  const split = choiceFlag<Split>(parsed, 'split', ['default', 'heldout']) ?? 'default';
  let scenes = orderWithControls(expandSceneArgs(sceneArgs).map((f) => loadSceneFile(f)).filter((s) => s.violation));
  if (split === 'heldout') {
    const without = scenes.filter((s) => heldoutRows(s).length === 0).map((s) => s.id);
    if (without.length > 0) io.stderr(`skipping ${without.join(', ')}: no held-out range\n`);
    scenes = scenes.filter((s) => heldoutRows(s).length > 0);
  }
  if (scenes.length === 0) throw new BadInput('no scene with a violation to measure');
  await useWasmBackend();
  const observers = names.map((n) => loadObserver(n, modelsDir));
  const cohort = cohortDir === undefined ? null : names.flatMap((n): CohortMember[] => {
    const e = entries.find((x) => x.name === n);
    return e && e.seed !== null ? [{ model: n, seed: e.seed, experience_frames: e.experienceFrames }] : [];
  });
  const job: DevelopJob = {
    ...suiteJob(scenes, names, observers, pairs, seed, { mirror, split }), modelsDir, cohort,
    modelList: observers.map((o) => ({ name: o.name, experience_frames: o.kind === 'learned' ? o.experienceFrames : null })),
  };
  const report = progressReporter(io.stderr, Boolean(process.stderr.isTTY), shard ? `develop shard ${shard.index}/${shard.count}` : 'develop');
  const units = runSuiteUnits({ scenes, observers, pairs, seed, mirror, split }, (position) => inShard(position, shard), (done, total, label) => report(done, total, `pairs (${label})`));
  for (const line of onsetGapLines(pairsWithoutOnset(scenes, mirror, units), (id) => sceneFileOf(id) ?? id)) io.stderr(`note: ${line}\n`);
  if (shard) {
    writeShardManifest(out, { kind: 'develop', shard, job, payload: { units } });
    io.stderr(`wrote shard ${shard.index}/${shard.count} (${units.length} pairs) to ${out}; join the shards with: npm run lab -- merge --out DIR SHARD_DIR...\n`);
    return EXIT_OK;
  }
  writeDevelopmentOutputs(out, job, assembleSuite(job.scenes, job.models, pairs, seed, units, { mirror, split }), io);
  return EXIT_OK;
}

/** cohort.json and cohort.md (returned, for stdout): the cohort's members against the others (the
 * baselines); and cohort-directions.json and .md: the same by direction (classic, reverse or
 * control: the scenes with `control_of`) and by scene. */
export function writeCohortOutputs(out: string, header: Record<string, unknown>, concepts: readonly ConceptResult[], members: readonly CohortMember[],
  scenes: readonly { id: string; control_of?: string }[]): string {
  const names = new Set(members.map((m) => m.model));
  const summary = cohortSummary(concepts, members);
  const table = cohortTable(summary, concepts.filter((c) => !names.has(c.model)));
  writeFileSync(join(out, 'cohort.json'), `${JSON.stringify({ ...header, ...summary }, null, 2)}\n`);
  writeFileSync(join(out, 'cohort.md'), table);
  const directions = cohortDirections(concepts, members, new Map(scenes.map((s) => [s.id, s.control_of])));
  writeFileSync(join(out, 'cohort-directions.json'), `${JSON.stringify({ ...header, ...directions }, null, 2)}\n`);
  writeFileSync(join(out, 'cohort-directions.md'), cohortDirectionTable(directions));
  return table;
}

/** Every file of a develop run (and, for a cohort, cohort.json and cohort.md); one run and `merge`
 * of its shards both write through here. */
export function writeDevelopmentOutputs(out: string, job: DevelopJob, suite: SuiteOutput, io: CliIo): void {
  const concepts = conceptResults(suite, job.seed);
  const acquisition = Object.fromEntries([...new Set(concepts.map((c) => c.concept))].map((c) => [c, acquisitionFrames(concepts, c)]));
  const doc = {
    development_version: DEVELOPMENT_VERSION, summary_version: SUMMARY_VERSION,
    seed: job.seed, pairs_per_scene: job.pairs, models_dir: job.modelsDir, models: job.modelList, scenes: job.scenes.map((s) => ({ id: s.id, concept: s.concept, ...(s.control_of ? { control_of: s.control_of } : {}) })),
    mirror: job.mirror, split: job.split,
    concept_order_infants: CONCEPT_ORDER, pass_accuracy: PASS_ACCURACY, acquisition_frames: acquisition,
    ...(job.cohort ? { cohort_members: job.cohort } : {}),
    concepts, per_scene: suite.results, comparisons: suite.comparisons,
  };
  writeFileSync(join(out, 'development.json'), `${JSON.stringify(doc, null, 2)}\n`);
  writeFileSync(join(out, 'development.csv'), developmentCsv(concepts));
  writeFileSync(join(out, 'development.svg'), developmentSvg(concepts));
  writeFileSync(join(out, 'trials.csv'), trialsCsv(suite.trials));
  writeFileSync(join(out, 'table.md'), developmentTable(concepts, suite.results));
  if (job.cohort) {
    io.stdout(writeCohortOutputs(out, { seed: job.seed, pairs_per_scene: job.pairs, models_dir: job.modelsDir }, concepts, job.cohort, job.scenes));
    io.stderr(`wrote development.json, development.csv, development.svg, trials.csv, table.md, cohort.json, cohort.md, cohort-directions.json, cohort-directions.md to ${out}\n`);
    return;
  }
  io.stdout(developmentTable(concepts));
  io.stderr(`wrote development.json, development.csv, development.svg, trials.csv, table.md to ${out}\n`);
}

export const developCommand: Command = {
  name: 'develop',
  summary: 'the developmental curve: pairwise accuracy (95% CI) per concept for each checkpoint; JSON, CSV and SVG chart',
  args: {
    command: 'develop',
    flags: [
      { name: 'out', kind: 'string', valueName: 'DIR', required: true, description: 'output directory' },
      { name: 'models-dir', kind: 'string', valueName: 'DIR', description: 'checkpoints to measure (default public/models, all of them, plus the baselines)' },
      { name: 'cohort', kind: 'string', valueName: 'DIR', description: 'a cohort (train --seeds output, or public/models): every seed\'s series; adds cohort.json and cohort.md (mean ± sd across seeds per concept and age)' },
      { name: 'models', kind: 'string', valueName: 'A,B,...', description: 'only these models (names from `models`, or checkpoint directories)' },
      { name: 'scenes', kind: 'string', valueName: 'FILE|DIR,...', description: 'scene files or directories (default scenes)' },
      { name: 'pairs', kind: 'string', valueName: 'N', description: 'matched pairs per scene (default 50)' },
      { name: 'seed', kind: 'string', valueName: 'S', description: 'seed for the variants and the bootstrap (default 0)' },
      { name: 'mirror', kind: 'string', valueName: 'off|on|both', description: 'run each scene as drawn (off, default), mirrored left–right (on), or both: a concept then passes only when both sides of every scene do' },
      { name: 'split', kind: 'string', valueName: 'default|heldout', description: 'draw variants from the params\' ranges (default) or their held-out ranges (scenes without one are skipped)' },
      { name: 'shard', kind: 'string', valueName: 'i/n', description: 'score only every n-th pair from the i-th into DIR/shard.json; join the shards with `merge`' },
      { name: 'train', kind: 'string', valueName: 'a,b,c', description: 'train a fresh series with checkpoints at these marks (e.g. 0,3k,30k) into DIR/models instead of reusing checkpoints' },
    ],
  },
  run,
};
