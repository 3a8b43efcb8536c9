// `suite`: N matched pairs per scene, scored by every model; writes summary.json, trials.csv, summary.svg.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { choiceFlag, integerFlag, listFlag, type ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';
import { BadInput, EXIT_OK, UsageError } from '../errors';
import { makeOutputDir } from '../outputDir';
import { loadSceneFile, sceneFileOf } from '../sceneFiles';
import { onsetGapLines, pairsWithoutOnset } from '../../experiment/pairsWithoutOnset';
import { loadObserver } from '../modelStore';
import { progressReporter } from '../progress';
import { useWasmBackend } from '../../predictor/backend';
import { assembleSuite, runSuiteUnits, trialsCsv, SUMMARY_VERSION, type SuiteOutput } from '../../experiment/suite';
import { summarySvg } from '../../experiment/summarySvg';
import { orderWithControls } from '../../scenes/families';
import { heldoutLines, heldoutRows, mirrorGaps, type MirrorChoice } from '../../experiment/splits';
import type { Split } from '../../scenes/resolve';
import { conceptResults } from '../../experiment/development';
import { inShard, parseShard } from '../shard';
import { writeShardManifest } from '../shardFiles';
import { suiteJob, type SuiteJob } from '../shardJob';
import { cohortMembers } from '../modelStore';
import { COHORT_PREFIX, expandCohorts } from '../../web/cohortChoice';
import { cohortScore, cohortScoreWords } from '../../experiment/cohortScore';

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
  const requested = listFlag(parsed, 'models');
  // A cohort (`cohort:learner-100k`) is scored as its seeds; a line per scene then sums them up.
  const cohorts = requested.filter((n) => n.startsWith(COHORT_PREFIX)).map((n) => ({ id: n, members: cohortMembers(n, parsed.values.get('models-dir') ?? undefined) }));
  const modelNames = expandCohorts(requested, cohorts);
  if (modelNames.length === 0) throw new UsageError('--models needs at least one model name (see `npm run lab -- models`)', 'suite');
  const pairs = integerFlag(parsed, 'pairs', 1, 100_000) ?? 20;
  const seed = integerFlag(parsed, 'seed', 0, 0xffffffff) ?? 0;
  const out = parsed.values.get('out')!;
  makeOutputDir(out);
  const scenes = orderWithControls(expandSceneArgs(sceneArgs).map((f) => loadSceneFile(f)));
  const mirror = choiceFlag<MirrorChoice>(parsed, 'mirror', ['off', 'on', 'both']) ?? 'off';
  const split = choiceFlag<Split>(parsed, 'split', ['default', 'heldout']) ?? 'default';
  let withViolation = scenes.filter((s) => s.violation);
  if (withViolation.length < scenes.length) {
    const skipped = scenes.filter((s) => !s.violation).map((s) => s.id);
    io.stderr(`skipping ${skipped.join(', ')}: no violation, so no impossible twin\n`);
  }
  if (split === 'heldout') {
    const without = withViolation.filter((s) => heldoutRows(s).length === 0).map((s) => s.id);
    if (without.length > 0) io.stderr(`skipping ${without.join(', ')}: no held-out range\n`);
    withViolation = withViolation.filter((s) => heldoutRows(s).length > 0);
    if (withViolation.length === 0) throw new BadInput('--split heldout: none of these scenes has a held-out range (params.NAME.heldout)');
    // The held-out ranges beside the training split's and the diet's, before any number.
    for (const s of withViolation) for (const line of heldoutLines(s)) io.stdout(`${line}\n`);
  }
  // Not faithful to stride 1 (docs/surprise.md, "Scoring every k-th frame"): an option, not the default.
  const stride = integerFlag(parsed, 'stride', 1, 1000) ?? 1;
  // Measured against a rollout from every frame (docs/surprise.md, "Rollouts started at every k-th frame"): an option.
  const startStride = integerFlag(parsed, 'start-stride', 1, 1000) ?? 1;
  if (stride > 1 && startStride > 1) throw new BadInput('--stride and --start-stride cannot be combined');
  const shardText = parsed.values.get('shard');
  const shard = shardText === undefined ? undefined : parseShard(shardText, 'suite');
  await useWasmBackend();
  const observers = modelNames.map((name) => loadObserver(name, parsed.values.get('models-dir') ?? undefined));
  const job = suiteJob(withViolation, modelNames, observers, pairs, seed, { mirror, split, stride, startStride });
  const report = progressReporter(io.stderr, Boolean(process.stderr.isTTY), shard ? `suite shard ${shard.index}/${shard.count}` : 'suite');
  const units = runSuiteUnits({ scenes: withViolation, observers, pairs, seed, mirror, split, stride, startStride }, (position) => inShard(position, shard), (done, total, label) => report(done, total, `pairs (${label})`));
  for (const line of onsetGapLines(pairsWithoutOnset(withViolation, mirror, units), (id) => sceneFileOf(id) ?? id)) io.stderr(`note: ${line}\n`);
  if (shard) {
    writeShardManifest(out, { kind: 'suite', shard, job, payload: { units } });
    io.stderr(`wrote shard ${shard.index}/${shard.count} (${units.length} pairs) to ${out}; join the shards with: npm run lab -- merge --out DIR SHARD_DIR...\n`);
    return EXIT_OK;
  }
  const result = assembleSuite(job.scenes, job.models, pairs, seed, units, { mirror, split });
  writeSuiteOutputs(out, job, result, io);
  for (const c of cohorts) {
    for (const r of result.results.filter((x) => x.model === c.members[0])) {
      const scored = cohortScore(c.members, result.results.filter((x) => x.scene === r.scene && x.mirrored === r.mirrored));
      if (scored) io.stdout(`${r.scene}${r.mirrored ? ' (mirrored)' : ''}	${cohortScoreWords(c.id, scored)}\n`);
    }
  }
  return EXIT_OK;
}

/** summary.json, trials.csv and summary.svg, and a line per scene and model on stdout: one run
 * and `merge` of its shards write these through here, so their files are the same bytes. */
export function writeSuiteOutputs(out: string, job: SuiteJob, result: SuiteOutput, io: CliIo): void {
  // Each concept over its whole design: passed only when every one of its scenes is (docs/development.md).
  const concepts = conceptResults(result, job.seed);
  const gaps = job.mirror === 'both' ? mirrorGaps(result.results) : null;
  const summary = {
    summary_version: SUMMARY_VERSION, seed: job.seed, pairs: job.pairs, models: job.modelNames, scenes: job.scenes.map((s) => s.id),
    mirror: job.mirror, split: job.split,
    ...(job.stride ? { stride: job.stride } : {}),
    ...(job.startStride ? { start_stride: job.startStride } : {}),
    ...(job.heldout ? { heldout: job.heldout } : {}),
    interval: 'clopper-pearson', results: result.results, comparisons: result.comparisons, concepts,
    ...(gaps ? { mirror_gaps: gaps } : {}),
  };
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(join(out, 'trials.csv'), trialsCsv(result.trials));
  writeFileSync(join(out, 'summary.svg'), summarySvg(result.results.map((r) => (r.mirrored ? { ...r, scene: `${r.scene} (mirrored)` } : r))));
  for (const r of result.results) {
    const dz = r.d_z === null ? '—' : r.d_z.toFixed(2);
    io.stdout(`${r.scene}${r.mirrored ? ' (mirrored)' : ''}\t${r.model}\taccuracy ${r.pairwise_accuracy.toFixed(3)} [${r.pairwise_ci95.map((x) => x.toFixed(3)).join(', ')}]\t${r.wins}/${r.ties}/${r.losses} won/tied/lost\tAUROC ${r.auroc.toFixed(3)}\td_z ${dz}\n`);
  }
  for (const g of gaps ?? []) {
    io.stdout(`${g.scene}\t${g.model}\tleft/right gap ${g.gap >= 0 ? '+' : ''}${g.gap.toFixed(3)} (as drawn ${g.accuracy.toFixed(3)}, mirrored ${g.accuracy_mirrored.toFixed(3)})\n`);
  }
  for (const c of concepts) {
    const ci = (x: [number, number]): string => `[${x.map((v) => v.toFixed(3)).join(', ')}]`;
    io.stdout(`concept ${c.concept}\t${c.model}\t${c.passed ? 'passed' : 'not passed'}: ${c.scenes_passed}/${c.scenes.length} scenes\tweakest ${c.weakest_scene} ${c.weakest_accuracy.toFixed(3)} ${ci(c.weakest_ci95)}\tmean over scenes ${c.pairwise_accuracy.toFixed(3)} ${ci(c.pairwise_ci95)}\n`);
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
      { name: 'models', kind: 'string', valueName: 'A,B,...', required: true, description: 'model names from `models`, checkpoint directories, or cohorts (`cohort:learner-100k`: every seed of that age, scored one by one and summed up per scene)' },
      { name: 'models-dir', kind: 'string', valueName: 'DIR', description: 'where named checkpoints live (default public/models)' },
      { name: 'pairs', kind: 'string', valueName: 'N', description: 'matched pairs per scene (default 20)' },
      { name: 'seed', kind: 'string', valueName: 'S', description: 'seed for the variants (default 0)' },
      { name: 'mirror', kind: 'string', valueName: 'off|on|both', description: 'run each scene as drawn (off, default), mirrored left–right (on), or both, reporting the gap' },
      { name: 'split', kind: 'string', valueName: 'default|heldout', description: 'draw variants from the params\' ranges (default) or their held-out ranges, printed beside the diet\'s' },
      { name: 'stride', kind: 'string', valueName: 'K', description: 'score the rollout surprise on every K-th frame only (default 1, every frame); cheaper, but NOT faithful: it changes verdicts (docs/surprise.md)' },
      { name: 'start-stride', kind: 'string', valueName: 'K', description: 'start a rollout at every K-th frame only (default 1, every frame), scoring every frame from the rollouts in flight (H to H + K − 1 steps); cheaper, measured against the default in docs/surprise.md' },
      { name: 'shard', kind: 'string', valueName: 'i/n', description: 'score only every n-th pair from the i-th into DIR/shard.json; join the shards with `merge`' },
      { name: 'out', kind: 'string', valueName: 'DIR', required: true, description: 'output directory' },
    ],
    positionals: { name: 'FILE|DIR', min: 0, max: 1000 },
  },
  run,
};
