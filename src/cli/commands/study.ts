// `study`: an infant-style study (familiarization, then counterbalanced test pairs) with a looking
// model turning surprise into looking time; learners may habituate. Writes looking.json, looking.csv, SVGs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { choiceFlag, integerFlag, listFlag, type ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';
import { BadInput, EXIT_OK, UsageError } from '../errors';
import { makeOutputDir } from '../outputDir';
import { loadSceneFileText, sceneFileOf } from '../sceneFiles';
import { onsetGapLines, studyPairsWithoutOnset } from '../../experiment/pairsWithoutOnset';
import { loadObserver } from '../modelStore';
import { progressReporter } from '../progress';
import { useWasmBackend } from '../../predictor/backend';
import { designStudy, MAX_FAMILIARIZATION, MAX_MODELS } from '../../experiment/studyDesign';
import { orderWithControls } from '../../scenes/families';
import { expandSceneArgs } from './suite';
import { runInfants, type StudyScene } from '../../experiment/looking/runStudy';
import { infantLookingResults, type LookingResults } from '../../experiment/looking/lookingStudy';
import { MAX_INFANTS_PER_LEARNER } from '../../experiment/looking/infants';
import { DEFAULT_ORDERS, STUDY_ORDERS, type StudyOrders } from '../../experiment/looking/testOrders';
import { LOOKING_MODELS, type LookingModelName } from '../../experiment/looking/lookingModel';
import { HABITUATION_PRESET_NAMES, HABITUATION_PRESETS, type HabituationPresetName } from '../../experiment/looking/habituationSettings';
import { habituationCheck, learningCheckCsv, learningCheckSummary } from '../../experiment/looking/habituationCheck';
import { agesSvg, familiarizationSvg, proportionSvg, testLookingSvg } from '../../experiment/looking/lookingCharts';

export const LOOKING_VERSION = 2;

/** One row per observer × trial; with several infants per learner, one per infant × trial, the
 * infant (1-based) in a last column; with counterbalanced orders, the test order it saw (drawn or
 * flipped) after that (`trial` is then its place in that infant's own order). */
export function lookingCsv(results: LookingResults): string {
  const infants = results.infantsPerLearner !== undefined;
  const orders = results.orders === 'counterbalanced';
  const rows = [`scene,model,group,experience_frames,trial,phase,variant,condition,pair,surprise,looking_s,looks,ended_by,habituated_at${infants ? ',infant' : ''}${orders ? ',order' : ''}`];
  const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const scene of results.scenes) {
    for (const o of scene.observers) {
      for (const t of o.trials) {
        rows.push([scene.sceneId, q(o.model), q(o.group), o.experience_frames ?? '', t.index + 1, t.phase, t.variant, t.condition, t.pair ?? '',
          t.surprise ?? '', t.seconds, t.looks, t.endedBy, o.habituatedAt ?? '', ...(infants ? [o.infant ?? ''] : []), ...(orders ? [o.order ?? ''] : [])].join(','));
      }
    }
  }
  return `${rows.join('\n')}\n`;
}

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const sceneArgs = (parsed.values.get('scenes') ?? '').split(',').concat(parsed.positionals).map((s) => s.trim()).filter(Boolean);
  if (sceneArgs.length === 0) throw new UsageError('--scenes needs at least one scene file or directory', 'study');
  const modelNames = listFlag(parsed, 'models');
  if (modelNames.length === 0) throw new UsageError('--models needs at least one model name (see `npm run lab -- models`)', 'study');
  if (modelNames.length > MAX_MODELS) throw new UsageError(`--models names ${modelNames.length} observers; a study has at most ${MAX_MODELS} (as on the Experiment screen)`, 'study');
  const looking = choiceFlag<LookingModelName>(parsed, 'looking', LOOKING_MODELS)!;
  const pairs = integerFlag(parsed, 'pairs', 1, 200) ?? 10;
  const familiarization = integerFlag(parsed, 'fam', 0, MAX_FAMILIARIZATION) ?? 4;
  const seed = integerFlag(parsed, 'seed', 0, 0xffffffff) ?? 1;
  const habituate = parsed.values.has('habituate');
  const preset = choiceFlag<HabituationPresetName>(parsed, 'habituation', HABITUATION_PRESET_NAMES);
  if (preset !== undefined && !habituate) throw new UsageError('--habituation names how learners habituate: it needs --habituate', 'study');
  const habituation = HABITUATION_PRESETS[preset ?? 'training'];
  const check = parsed.values.has('learning-check');
  if (check && !habituate) throw new UsageError('--learning-check measures what habituation teaches: it needs --habituate', 'study');
  const infantsPerLearner = integerFlag(parsed, 'infants-per-learner', 1, MAX_INFANTS_PER_LEARNER) ?? 1;
  const orders = choiceFlag<StudyOrders>(parsed, 'orders', STUDY_ORDERS) ?? DEFAULT_ORDERS;
  const out = parsed.values.get('out')!;
  const files = expandSceneArgs(sceneArgs);
  const loaded = files.map((file) => loadSceneFileText(file));
  const scenes = orderWithControls(loaded.map((l) => l.scene)).filter((s) => s.violation);
  if (scenes.length === 0) throw new BadInput('--scenes: none of these scenes has a violation, so there is no impossible event to test');
  const byId = new Map<string, StudyScene>(loaded.map((l) => [l.scene.id, l]));
  if (habituate && familiarization === 0) io.stderr('--habituate with --fam 0: there is nothing to habituate to\n');
  makeOutputDir(out);
  await useWasmBackend();
  const observers = modelNames.map((name) => loadObserver(name, parsed.values.get('models-dir') ?? undefined));
  const design = designStudy({ scenes: scenes.map((s) => s.id), models: modelNames, pairs, familiarization, seed, ...(habituate ? { habituate: true } : {}) });
  const report = progressReporter(io.stderr, Boolean(process.stderr.isTTY), 'study');
  const infants = runInfants(design, byId, observers, { versions: { app: 'cli', matter: 'cli', tfjs: 'cli' }, onTrial: (done, total) => report(done, total, 'trials'), habituation }, infantsPerLearner);
  // Every infant watches the same trials: the first one's recordings show which pairs never started.
  for (const line of onsetGapLines(studyPairsWithoutOnset(infants[0] ?? []), (id) => sceneFileOf(id) ?? id)) io.stderr(`note: ${line}\n`);
  const results = infantLookingResults(design, infants, looking, habituate, habituation, orders);
  writeFileSync(join(out, 'looking.json'), `${JSON.stringify({ looking_version: LOOKING_VERSION, design: design.description, settings: design.settings, results }, null, 2)}\n`);
  writeFileSync(join(out, 'looking.csv'), lookingCsv(results));
  for (const s of results.scenes) {
    writeFileSync(join(out, `${s.sceneId}-familiarization.svg`), familiarizationSvg(results, s.sceneId));
    writeFileSync(join(out, `${s.sceneId}-test.svg`), testLookingSvg(results, s.sceneId));
    writeFileSync(join(out, `${s.sceneId}-proportion.svg`), proportionSvg(results, s.sceneId));
    // Two ages or more: looking by age, beside what infants did in the study the scene copies.
    if (s.groups.filter((g) => g.kind === 'learned').length >= 2) {
      const study = byId.get(s.sceneId)!.scene.study;
      writeFileSync(join(out, `${s.sceneId}-ages.svg`), agesSvg(results, s.sceneId, [`Copies: ${study.citation}`, ...(study.infants ? [`Infants: ${study.infants}`] : [])]));
    }
    io.stdout(`${s.sentence}\n`);
  }
  if (check) {
    const rows = habituationCheck(design, (id) => byId.get(id)!.scene, observers, habituation);
    writeFileSync(join(out, 'learning-check.csv'), learningCheckCsv(rows));
    const sum = learningCheckSummary(rows);
    io.stderr(`learning check: learning from a familiarization trial lowered the learner's training loss on that trial in ${sum.lossLowered} of ${sum.n}, its rollout surprise in ${sum.surpriseLowered} of ${sum.n} (learning-check.csv)\n`);
  }
  io.stderr(`wrote looking.json, looking.csv and per scene -familiarization.svg, -test.svg, -proportion.svg (and -ages.svg with two ages or more) to ${out}\n`);
  return EXIT_OK;
}

export const studyCommand: Command = {
  name: 'study',
  summary: 'run an infant-style study with a looking model (looking time in seconds), learners optionally habituating; write looking.json, looking.csv, SVG charts',
  args: {
    command: 'study',
    flags: [
      { name: 'scenes', kind: 'string', valueName: 'FILE|DIR,...', description: 'scene files or directories (also accepted as positionals)' },
      { name: 'models', kind: 'string', valueName: 'A,B,...', required: true, description: 'observers; several seeds of one age (learner-100k, learner-100k-s2, …) form a cohort' },
      { name: 'models-dir', kind: 'string', valueName: 'DIR', description: 'where named checkpoints live (default public/models)' },
      { name: 'looking', kind: 'string', valueName: LOOKING_MODELS.join('|'), required: true, description: 'the looking model (docs/looking.md)' },
      { name: 'habituate', kind: 'switch', description: 'learners keep learning from each familiarization trial (their own copy)' },
      { name: 'habituation', kind: 'string', valueName: HABITUATION_PRESET_NAMES.join('|'), description: 'how they learn: training (default: the training loop\'s settings, variance kept) or first (the first version, for comparison; docs/looking.md)' },
      { name: 'learning-check', kind: 'switch', description: 'also write learning-check.csv: each learner\'s training loss and surprise on each familiarization trial before and after learning from it' },
      { name: 'pairs', kind: 'string', valueName: 'N', description: 'test pairs per scene (default 10)' },
      { name: 'fam', kind: 'string', valueName: 'N', description: `familiarization trials per scene, 0–${MAX_FAMILIARIZATION} (default 4)` },
      { name: 'seed', kind: 'string', valueName: 'S', description: 'seed of the variants, the order and the looks (default 1)' },
      { name: 'infants-per-learner', kind: 'string', valueName: 'K', description: `each learner watched by K infants, 1–${MAX_INFANTS_PER_LEARNER} (default 1): K attention-noise streams and, habituating, K copies learning with their own draws; infants are the sign test's unit (docs/looking.md)` },
      { name: 'orders', kind: 'string', valueName: STUDY_ORDERS.join('|'), description: 'test orders: shared (default: every infant sees the order the seed drew) or counterbalanced (infants numbered from 0, learner by learner: numbers 1, 3, 5, … see each test pair flipped; docs/looking.md)' },
      { name: 'out', kind: 'string', valueName: 'DIR', required: true, description: 'output directory' },
    ],
    positionals: { name: 'FILE|DIR', min: 0, max: 1000 },
  },
  run,
};
