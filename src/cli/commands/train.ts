// `train`: grows a learner on fresh procedural experience and writes checkpoints at experience marks;
// with --seeds, a cohort (one learner per seed, trained side by side in worker threads).
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { integerFlag, type ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';
import { EXIT_OK, UsageError } from '../errors';
import { makeOutputDir } from '../outputDir';
import { progressReporter } from '../progress';
import { useWasmBackend } from '../../predictor/backend';
import { trainSeed, type SeedJob } from '../seedTraining';
import { trainCohort } from '../cohortTraining';
import { inShard, parseSeedList, parseShard } from '../shard';
import { modelIndexJson } from '../modelStore';
import { writeShardManifest } from '../shardFiles';
import { recipeFlags, SHIPPED_RECIPE, STABLE_RECIPE, type TrainingRecipe } from '../../predictor/trainingRecipe';
import { NAMED_DIETS } from '../../predictor/namedDiets';
import { DEFAULT_ROLLOUT_BATCH, DEFAULT_ROLLOUT_EVERY, DEFAULT_ROLLOUT_WEIGHT } from '../../predictor/trainer';
import { ALL_CORE, coreLabel, parseCore, type CoreSettings } from '../../predictor/coreKnowledge';

export { checkpointName, codeVersion } from '../seedTraining';

function parseMarks(text: string | undefined, frames: number): number[] {
  if (text === undefined) return [0, frames];
  const marks = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean).map((s) => {
    const m = /^(\d+(?:\.\d+)?)(k?)$/.exec(s);
    if (!m) throw new UsageError(`--checkpoints: "${s}" is not a number of frames (e.g. 0,10k,100000)`, 'train');
    return Math.round(Number(m[1]) * (m[2] ? 1000 : 1));
  });
  for (const m of marks) if (m > frames) throw new UsageError(`--checkpoints: ${m} is beyond --frames ${frames}`, 'train');
  return [...new Set(marks)].sort((a, b) => a - b);
}

/** The training settings shared by every seed (what a shard manifest must agree on). */
interface Recipe { frames: number; marks: number[]; replay: number; core: CoreSettings; diet: string; recipe?: TrainingRecipe; plainGradient?: true }

/** --stable, then --ema, --lr-decay, --mirror, --short-drops, --edge-rests, --overhangs, --low-drops, --skip-held, --support-focus, --tip-focus, --pivot-focus, --carries, --lr, --batch, --support-weight, --spin-weight, --relation-width, --rollout-loss on top (absent: the shipped training). */
function parseTrainingRecipe(parsed: ParsedArgs): TrainingRecipe | undefined {
  const v = parsed.values;
  if (!['stable', 'ema', 'lr-decay', 'mirror', 'short-drops', 'edge-rests', 'overhangs', 'low-drops', 'skip-held', 'support-focus', 'ball-play', 'frictionless-balls', 'carries', 'lr', 'batch', 'tip-focus', 'pivot-focus', 'support-weight', 'spin-weight', 'relation-width', 'rollout-loss', 'rollout-batch', 'rollout-weight', 'rollout-every'].some((f) => v.has(f))) return undefined;
  const r: TrainingRecipe = { ...(v.has('stable') ? STABLE_RECIPE : SHIPPED_RECIPE) };
  const ema = v.get('ema');
  if (ema !== undefined) {
    if (!/^(0(\.\d+)?|\.\d+)$/.test(ema.trim()) || !(Number(ema) < 1)) throw new UsageError(`--ema expects a decay from 0 (off) to below 1, e.g. 0.99, got ${JSON.stringify(ema)}`, 'train');
    r.emaDecay = Number(ema);
  }
  const decay = v.get('lr-decay');
  if (decay !== undefined) {
    const m = /^(\d+(?:\.\d+)?)(k?)$/i.exec(decay.trim());
    if (!m) throw new UsageError(`--lr-decay expects a number of frames (0: off), e.g. 10k, got ${JSON.stringify(decay)}`, 'train');
    r.learningRateDecayFrames = Math.round(Number(m[1]) * (m[2] ? 1000 : 1));
  }
  if (v.has('mirror')) r.mirror = true;
  if (v.has('short-drops')) r.shortDrops = true;
  if (v.has('edge-rests')) r.edgeRests = true;
  if (v.has('overhangs')) r.overhangs = true;
  const lowDrops = v.get('low-drops');
  if (lowDrops !== undefined) {
    if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(lowDrops.trim())) throw new UsageError(`--low-drops expects a share from 0 to 1, e.g. 0.15, got ${JSON.stringify(lowDrops)}`, 'train');
    r.lowDrops = Number(lowDrops);
  }
  if (v.has('skip-held')) r.skipHeld = true;
  const focus = v.get('support-focus');
  if (focus !== undefined) {
    if (!/^(0(\.\d+)?|1(\.0*)?|\.\d+)$/.test(focus.trim())) throw new UsageError(`--support-focus expects a share of frames from 0 to 1, e.g. 0.3, got ${JSON.stringify(focus)}`, 'train');
    r.supportFocus = Number(focus);
  }
  const tip = v.get('tip-focus');
  if (tip !== undefined) {
    if (!/^(0(\.\d+)?|1(\.0*)?|\.\d+)$/.test(tip.trim())) throw new UsageError(`--tip-focus expects a share of frames from 0 to 1, e.g. 0.2, got ${JSON.stringify(tip)}`, 'train');
    r.tipFocus = Number(tip);
  }
  const pivot = v.get('pivot-focus');
  if (pivot !== undefined) {
    if (!/^(0(\.\d+)?|1(\.0*)?|\.\d+)$/.test(pivot.trim())) throw new UsageError(`--pivot-focus expects a share of frames from 0 to 1, e.g. 0.2, got ${JSON.stringify(pivot)}`, 'train');
    r.pivotFocus = Number(pivot);
  }
  const play = v.get('ball-play');
  if (play !== undefined) {
    if (!/^(0(\.\d+)?|1(\.0*)?|\.\d+)$/.test(play.trim())) throw new UsageError(`--ball-play expects a share of episodes from 0 to 1, e.g. 0.3, got ${JSON.stringify(play)}`, 'train');
    r.ballPlay = Number(play);
  }
  if (v.has('frictionless-balls')) r.frictionlessBalls = true;
  const carries = v.get('carries');
  if (carries !== undefined) {
    if (!/^(0(\.\d+)?|1(\.0*)?|\.\d+)$/.test(carries.trim())) throw new UsageError(`--carries expects a share of episodes from 0 to 1, e.g. 0.2, got ${JSON.stringify(carries)}`, 'train');
    r.carries = Number(carries);
  }
  const rate = v.get('lr');
  if (rate !== undefined) {
    if (!/^(\d+(\.\d*)?|\.\d+)(e-?\d+)?$/i.test(rate.trim()) || !(Number(rate) > 0 && Number(rate) <= 0.1)) throw new UsageError(`--lr expects Adam's learning rate, above 0 and at most 0.1, e.g. 0.003, got ${JSON.stringify(rate)}`, 'train');
    r.learningRate = Number(rate);
  }
  if (v.has('batch')) r.batchSize = integerFlag(parsed, 'batch', 8, 4096)!;
  const weight = v.get('support-weight');
  if (weight !== undefined) {
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(weight.trim()) || !(Number(weight) > 0 && Number(weight) <= 100)) throw new UsageError(`--support-weight expects a loss weight above 0 and at most 100, e.g. 4, got ${JSON.stringify(weight)}`, 'train');
    r.supportWeight = Number(weight);
  }
  const spin = v.get('spin-weight');
  if (spin !== undefined) {
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(spin.trim()) || !(Number(spin) > 0 && Number(spin) <= 100)) throw new UsageError(`--spin-weight expects the spin channel's loss weight above 0 and at most 100 (shipped 0.2), e.g. 1, got ${JSON.stringify(spin)}`, 'train');
    r.spinWeight = Number(spin);
  }
  if (v.has('relation-width')) r.relationWidth = integerFlag(parsed, 'relation-width', 8, 1024)!;
  parseRolloutLoss(parsed, r);
  return recipeFlags(r) === '' ? undefined : r;
}

/** --rollout-loss K, with --rollout-batch M, --rollout-weight W and --rollout-every G (rolloutLoss.ts). */
function parseRolloutLoss(parsed: ParsedArgs, r: TrainingRecipe): void {
  const v = parsed.values;
  if (!v.has('rollout-loss')) {
    for (const flag of ['rollout-batch', 'rollout-weight', 'rollout-every']) if (v.has(flag)) throw new UsageError(`--${flag} goes with --rollout-loss K`, 'train');
    return;
  }
  r.rolloutSteps = integerFlag(parsed, 'rollout-loss', 1, 60)!;
  if (v.has('rollout-batch')) r.rolloutBatch = integerFlag(parsed, 'rollout-batch', 1, 1024)!;
  if (v.has('rollout-every')) r.rolloutEvery = integerFlag(parsed, 'rollout-every', 1, 1000)!;
  const weight = v.get('rollout-weight');
  if (weight !== undefined) {
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(weight.trim()) || !(Number(weight) > 0 && Number(weight) <= 100)) throw new UsageError(`--rollout-weight expects the rollout loss's weight above 0 and at most 100, e.g. 0.3, got ${JSON.stringify(weight)}`, 'train');
    r.rolloutWeight = Number(weight);
  }
}

function dietFlag(parsed: ParsedArgs): string {
  const name = parsed.values.get('diet') ?? 'default';
  if (!Object.hasOwn(NAMED_DIETS, name)) throw new UsageError(`--diet: unknown diet "${name}" (known: ${Object.keys(NAMED_DIETS).join(', ')})`, 'train');
  return name;
}

/** `--core LIST` (coreKnowledge.ts), or the older `--no-contact-features` (= --core no-contact-geometry). */
function coreFlag(parsed: ParsedArgs): CoreSettings {
  const text = parsed.values.get('core');
  const noContact = parsed.values.has('no-contact-features');
  if (text === undefined) return { ...ALL_CORE, contactFeatures: !noContact };
  let core: CoreSettings;
  try {
    core = parseCore(text);
  } catch (e) {
    throw new UsageError((e as Error).message, 'train');
  }
  if (noContact && core.contactFeatures) throw new UsageError(`--no-contact-features contradicts --core ${text}: give --core alone`, 'train');
  return core;
}

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const frames = integerFlag(parsed, 'frames', 1, 10_000_000)!;
  const options = parseTrainingRecipe(parsed);
  const recipe: Recipe = {
    frames, marks: parseMarks(parsed.values.get('checkpoints'), frames),
    replay: integerFlag(parsed, 'replay', 1, 64) ?? 4, core: coreFlag(parsed), diet: dietFlag(parsed),
    ...(options ? { recipe: options } : {}),
    ...(parsed.values.has('fast-gradient') ? { plainGradient: true } : {}),
  };
  const out = parsed.values.get('out')!;
  const seedsText = parsed.values.get('seeds');
  if (seedsText !== undefined) return runCohort(parsed, io, recipe, parseSeedList(seedsText, 'train'), out);
  for (const flag of ['shard', 'jobs']) if (parsed.values.has(flag)) throw new UsageError(`--${flag} goes with --seeds (a cohort)`, 'train');
  const seed = integerFlag(parsed, 'seed', 0, 0xffffffff) ?? 1;
  makeOutputDir(out);
  await useWasmBackend();
  const command = `npm run lab -- train ${process.argv.slice(3).join(' ')}`.trim();
  const started = Date.now();
  const report = progressReporter(io.stderr, Boolean(process.stderr.isTTY), 'training');
  const written = await trainSeed({ seed, ...recipe, out, command }, (m) => {
    if (m.type === 'progress') report(m.frames, m.total, `frames, loss ${m.loss.toFixed(3)}`);
    else io.stderr(`${process.stderr.isTTY ? '\n' : ''}checkpoint ${m.name}: ${m.frames} frames, validation loss ${m.validationLoss.toFixed(4)} → ${m.dir}\n`);
  });
  io.stderr(`done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${written.length} checkpoints in ${out}\n`);
  return EXIT_OK;
}

/** The one-seed command that gives the same weights as this seed of the cohort. */
function seedCommand(r: Recipe, seed: number, out: string): string {
  const marks = r.marks.map((m) => (m > 0 && m % 1000 === 0 ? `${m / 1000}k` : String(m))).join(',');
  return `npm run lab -- train --frames ${r.frames} --checkpoints ${marks} --seed ${seed}${r.replay !== 4 ? ` --replay ${r.replay}` : ''}`
    + `${coreLabel(r.core) === 'all' ? '' : ` --core ${coreLabel(r.core)}`}${r.diet === 'default' ? '' : ` --diet ${r.diet}`}${r.recipe ? recipeFlags(r.recipe) : ''}${r.plainGradient ? ' --fast-gradient' : ''} --out ${out}`;
}

async function runCohort(parsed: ParsedArgs, io: CliIo, recipe: Recipe, allSeeds: number[], out: string): Promise<number> {
  if (parsed.values.has('seed')) throw new UsageError('give either --seed (one learner) or --seeds (a cohort), not both', 'train');
  const shardText = parsed.values.get('shard');
  const shard = shardText === undefined ? undefined : parseShard(shardText, 'train');
  const seeds = allSeeds.filter((_, k) => inShard(k, shard));
  const parallel = integerFlag(parsed, 'jobs', 1, 64) ?? Math.min(availableParallelism(), seeds.length || 1);
  makeOutputDir(out);
  // Each seed's folder is named for the seed alone, so a merge of shards lays out like one run.
  const jobs: SeedJob[] = seeds.map((seed) => ({ seed, ...recipe, out: join(out, `seed-${seed}`), command: seedCommand(recipe, seed, `DIR/seed-${seed}`) }));
  const started = Date.now();
  const report = progressReporter(io.stderr, Boolean(process.stderr.isTTY), `cohort (${seeds.length} seed${seeds.length === 1 ? '' : 's'}, ${parallel} thread${parallel === 1 ? '' : 's'})`);
  io.stderr(`training seeds ${seeds.join(', ')}${shard ? ` (shard ${shard.index}/${shard.count} of seeds ${allSeeds.join(', ')})` : ''} in ${parallel} worker threads\n`);
  await trainCohort(jobs, parallel, {
    onProgress: (done, total) => report(done, total, 'frames'),
    onCheckpoint: (m) => io.stderr(`${process.stderr.isTTY ? '\n' : ''}seed ${m.seed}: checkpoint ${m.name}, validation loss ${m.validationLoss.toFixed(4)} → ${m.dir}\n`),
    onSeedDone: () => {},
  });
  writeFileSync(join(out, 'index.json'), modelIndexJson(out));
  if (shard) writeShardManifest(out, { kind: 'train', shard, job: { seeds: allSeeds, ...recipe }, payload: { seeds } });
  const seconds = (Date.now() - started) / 1000;
  const framesTrained = seeds.length * recipe.frames;
  io.stderr(`done in ${seconds.toFixed(0)} s: ${seeds.length} seed${seeds.length === 1 ? '' : 's'} × ${recipe.frames} frames = ${framesTrained} frames of experience, `
    + `${(framesTrained / seconds).toFixed(0)} frames/s; checkpoints in ${out}/seed-S, listed in ${join(out, 'index.json')}\n`);
  return EXIT_OK;
}

export const trainCommand: Command = {
  name: 'train',
  summary: 'train a learner (or a cohort, one per seed, on all cores) on fresh normal-physics experience; write checkpoints at experience marks',
  args: {
    command: 'train',
    flags: [
      { name: 'frames', kind: 'string', valueName: 'N', required: true, description: 'frames of experience in total (each a watched 1/60 s transition)' },
      { name: 'checkpoints', kind: 'string', valueName: 'a,b,c', description: 'experience marks to save at, e.g. 0,2k,10k,100k (default: 0 and N)' },
      { name: 'seed', kind: 'string', valueName: 'S', description: 'seed for the experience, the weights and the sampling (default 1)' },
      { name: 'seeds', kind: 'string', valueName: 'LIST', description: 'a cohort: one learner per seed, e.g. 1-5 or 1,3,8, into DIR/seed-S (same weights as --seed S alone)' },
      { name: 'jobs', kind: 'string', valueName: 'J', description: 'with --seeds: worker threads training at once (default: the number of cores)' },
      { name: 'shard', kind: 'string', valueName: 'i/n', description: 'with --seeds: train only every n-th seed from the i-th; join the shards with `merge`' },
      { name: 'replay', kind: 'string', valueName: 'R', description: 'gradient uses of each frame on average (default 4)' },
      { name: 'fast-gradient', kind: 'switch', description: 'matMul\'s gradient without transpose flags: about 3× faster per step, the same gradient summed in another order, so other weights than the default (docs/predictor.md, Training)' },
      { name: 'stable', kind: 'switch', description: 'the steadiest option set measured: --ema 0.99 --mirror --short-drops --edge-rests (docs/predictor.md, Training options)' },
      { name: 'ema', kind: 'string', valueName: 'D', description: 'checkpoints hold a moving average of the weights with this decay per step, e.g. 0.99 (default 0: the raw weights)' },
      { name: 'lr-decay', kind: 'string', valueName: 'N', description: 'learning rate ÷ sqrt(1 + frames watched / N), e.g. 10k (default 0: constant)' },
      { name: 'mirror', kind: 'switch', description: 'half the episodes are watched mirrored left–right' },
      { name: 'short-drops', kind: 'switch', description: 'a quarter of the episodes on a low step (0.1–0.35 m), a quarter with a lower shelf beside a platform' },
      { name: 'edge-rests', kind: 'switch', description: 'a fifth of the objects on platforms are set down straddling an edge and left alone (stay or tip off)' },
      { name: 'overhangs', kind: 'switch', description: 'edge rests (on with it) reach up to 95% of the width beyond the edge, as in the support scenes: about half tip off' },
      { name: 'low-drops', kind: 'string', valueName: 'P', description: 'share of objects set on a surface that are held 0.03–0.4 m above it and let go, e.g. 0.15 (default 0)' },
      { name: 'skip-held', kind: 'switch', description: 'steps in which an unseen hand holds an object (before a drop) teach nothing about it' },
      { name: 'support-focus', kind: 'string', valueName: 'P', description: 'share of watched frames chosen where an object starts to fall or lands, e.g. 0.3 (default 0)' },
      { name: 'ball-play', kind: 'string', valueName: 'P', description: 'share of episodes of ball play: frictionless balls launching one another, tossed over one another, rolling far, side walls, thin shelves, e.g. 0.3 (default 0)' },
      { name: 'frictionless-balls', kind: 'switch', description: 'every ball of the diet slides without friction, as the scenes\' balls do (default: friction 0.002–0.02, they slow erratically)' },
      { name: 'carries', kind: 'string', valueName: 'P', description: 'share of episodes in which an unseen hand carries a box to a platform edge and lets go, half staying, half tipping off, e.g. 0.2 (default 0)' },
      { name: 'lr', kind: 'string', valueName: 'RATE', description: "Adam's learning rate (default 0.001)" },
      { name: 'batch', kind: 'string', valueName: 'B', description: 'frames per gradient step (default 128)' },
      { name: 'tip-focus', kind: 'string', valueName: 'P', description: 'share of watched frames chosen where an object at rest starts to tip over an edge, e.g. 0.2 (default 0)' },
      { name: 'pivot-focus', kind: 'string', valueName: 'P', description: 'share of watched frames chosen where an object turns over an edge while partly supported (the whole tip, not only its onset), e.g. 0.2 (default 0)' },
      { name: 'support-weight', kind: 'string', valueName: 'W', description: 'loss weight of an object in a step where it starts to fall, lands or starts to tip, e.g. 4 (default 1: every object alike)' },
      { name: 'spin-weight', kind: 'string', valueName: 'W', description: "loss weight of the change of spin beside the velocity's 1, e.g. 1 (default 0.2)" },
      { name: 'relation-width', kind: 'string', valueName: 'N', description: 'width of the relation MLP\'s two hidden layers, e.g. 128 (default 64)' },
      { name: 'rollout-loss', kind: 'string', valueName: 'K', description: 'also train the network rolled K steps forward on its own predictions from true states, scored on the true next K frames, e.g. 10 (default: off; docs/predictor.md, Training options)' },
      { name: 'rollout-batch', kind: 'string', valueName: 'M', description: `with --rollout-loss: transitions rolled out per gradient step (default ${DEFAULT_ROLLOUT_BATCH})` },
      { name: 'rollout-weight', kind: 'string', valueName: 'W', description: `with --rollout-loss: its weight beside the one-step loss's 1 (default ${DEFAULT_ROLLOUT_WEIGHT})` },
      { name: 'rollout-every', kind: 'string', valueName: 'G', description: `with --rollout-loss: add it at every G-th gradient step (default ${DEFAULT_ROLLOUT_EVERY})` },
      { name: 'core', kind: 'string', valueName: 'LIST', description: 'core-knowledge switches that are on: all (default), none, e.g. contact-geometry,object-files,integrator, or no-integrator,… (docs/predictor.md)' },
      { name: 'diet', kind: 'string', valueName: 'NAME', description: 'experience diet: default, or edges (rich in edges and landings; docs/predictor.md)' },
      { name: 'no-contact-features', kind: 'switch', description: 'the same as --core no-contact-geometry (kept from before --core)' },
      { name: 'out', kind: 'string', valueName: 'DIR', required: true, description: 'directory to write checkpoints into (one folder each, plus index.json)' },
    ],
  },
  run,
};
