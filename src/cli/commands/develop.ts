// `develop`: the developmental curve — pairwise accuracy with 95% CIs per concept for each checkpoint;
// writes development.json, development.csv, development.svg (and the per-scene suite files).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { integerFlag, listFlag, type ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';
import { BadInput, EXIT_OK, UsageError, oneLine } from '../errors';
import { makeOutputDir } from '../outputDir';
import { loadSceneFile } from '../sceneFiles';
import { BASELINES, DEFAULT_MODELS_DIR, scanCheckpoints, loadObserver } from '../modelStore';
import { progressReporter } from '../progress';
import { useWasmBackend } from '../../predictor/backend';
import { runDevelopment, developmentCsv, developmentTable, acquisitionFrames, CONCEPT_ORDER, DEVELOPMENT_VERSION, PASS_ACCURACY } from '../../experiment/development';
import { SUMMARY_VERSION } from '../../experiment/suite';
import { developmentSvg } from '../../experiment/developmentSvg';
import { trialsCsv } from '../../experiment/suite';
import { expandSceneArgs } from './suite';
import { trainCommand } from './train';
import { orderWithControls } from '../../scenes/families';

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const out = parsed.values.get('out')!;
  const pairs = integerFlag(parsed, 'pairs', 2, 100_000) ?? 50;
  const seed = integerFlag(parsed, 'seed', 0, 0xffffffff) ?? 0;
  makeOutputDir(out);
  let modelsDir = parsed.values.get('models-dir') ?? DEFAULT_MODELS_DIR;
  const train = parsed.values.get('train');
  if (train !== undefined) {
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
  const { usable: entries, broken } = scanCheckpoints(modelsDir);
  for (const b of broken) io.stderr(`warning: skipping ${b.name}: ${oneLine(b.problem)}\n`);
  const wanted = listFlag(parsed, 'models');
  // Every checkpoint, then the baselines: both that bracket support, and the ideal observer.
  const names = wanted.length > 0 ? wanted : [...entries.map((e) => e.name), ...BASELINES];
  if (names.filter((n) => !(BASELINES as readonly string[]).includes(n)).length === 0 && wanted.length === 0) {
    throw new BadInput(`${modelsDir}: no checkpoints found (train some with --train 0,1k,10k or name a --models-dir)`);
  }
  const sceneArgs = (parsed.values.get('scenes') ?? 'scenes').split(',').map((s) => s.trim()).filter(Boolean);
  const scenes = orderWithControls(expandSceneArgs(sceneArgs).map((f) => loadSceneFile(f)).filter((s) => s.violation));
  if (scenes.length === 0) throw new BadInput('no scene with a violation to measure');
  await useWasmBackend();
  const observers = names.map((n) => loadObserver(n, modelsDir));
  const report = progressReporter(io.stderr, Boolean(process.stderr.isTTY), 'develop');
  const result = runDevelopment({ scenes, observers, pairs, seed }, (done, total, label) => report(done, total, `pairs (${label})`));
  const models = observers.map((o) => ({ name: o.name, experience_frames: o.kind === 'learned' ? o.experienceFrames : null }));
  const acquisition = Object.fromEntries([...new Set(result.concepts.map((c) => c.concept))].map((c) => [c, acquisitionFrames(result.concepts, c)]));
  const doc = {
    development_version: DEVELOPMENT_VERSION, summary_version: SUMMARY_VERSION,
    seed, pairs_per_scene: pairs, models_dir: modelsDir, models, scenes: scenes.map((s) => ({ id: s.id, concept: s.concept })),
    concept_order_infants: CONCEPT_ORDER, pass_accuracy: PASS_ACCURACY, acquisition_frames: acquisition,
    concepts: result.concepts, per_scene: result.suite.results, comparisons: result.suite.comparisons,
  };
  writeFileSync(join(out, 'development.json'), `${JSON.stringify(doc, null, 2)}\n`);
  writeFileSync(join(out, 'development.csv'), developmentCsv(result.concepts));
  writeFileSync(join(out, 'development.svg'), developmentSvg(result.concepts));
  writeFileSync(join(out, 'trials.csv'), trialsCsv(result.suite.trials));
  writeFileSync(join(out, 'table.md'), developmentTable(result.concepts, result.suite.results));
  io.stdout(developmentTable(result.concepts));
  io.stderr(`wrote development.json, development.csv, development.svg, trials.csv, table.md to ${out}\n`);
  return EXIT_OK;
}

export const developCommand: Command = {
  name: 'develop',
  summary: 'the developmental curve: pairwise accuracy (95% CI) per concept for each checkpoint; JSON, CSV and SVG chart',
  args: {
    command: 'develop',
    flags: [
      { name: 'out', kind: 'string', valueName: 'DIR', required: true, description: 'output directory' },
      { name: 'models-dir', kind: 'string', valueName: 'DIR', description: 'checkpoints to measure (default public/models, all of them, plus the baselines)' },
      { name: 'models', kind: 'string', valueName: 'A,B,...', description: 'only these models (names from `models`, or checkpoint directories)' },
      { name: 'scenes', kind: 'string', valueName: 'FILE|DIR,...', description: 'scene files or directories (default scenes)' },
      { name: 'pairs', kind: 'string', valueName: 'N', description: 'matched pairs per scene (default 50)' },
      { name: 'seed', kind: 'string', valueName: 'S', description: 'seed for the variants and the bootstrap (default 0)' },
      { name: 'train', kind: 'string', valueName: 'a,b,c', description: 'train a fresh series with checkpoints at these marks (e.g. 0,3k,30k) into DIR/models instead of reusing checkpoints' },
    ],
  },
  run,
};
