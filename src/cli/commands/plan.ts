// `plan`: every model plans pushes for N seeded basket tasks per family; the plans run in the real
// simulation; writes plan.json, tasks.csv, plan.svg and paths-FAMILY.svg; prints each model's success rate.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { integerFlag, listFlag, type ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';
import { EXIT_OK, UsageError } from '../errors';
import { makeOutputDir } from '../outputDir';
import { loadObserver } from '../modelStore';
import { progressReporter } from '../progress';
import { useWasmBackend } from '../../predictor/backend';
import { DEFAULT_CEM, type CemSettings } from '../../experiment/planning/planner';
import { generateTasks, TASK_FAMILIES, type TaskFamily } from '../../experiment/planning/planTask';
import { cemSeedFor, directionRates, planRowsCsv, runPlanSuite, type PlanRate } from '../../experiment/planning/planSuite';
import { planSvg } from '../../experiment/planning/planSvg';
import { planAndExecute } from '../../experiment/planning/planAndExecute';
import { planPathsSvg } from '../../experiment/planning/planPathsSvg';

const rateText = (r: PlanRate): string => `${r.family} ${r.rate.toFixed(2)} [${r.ci95.map((x) => x.toFixed(2)).join(', ')}] (${r.successes}/${r.tasks})`;

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const names = listFlag(parsed, 'model');
  if (names.length === 0) throw new UsageError('--model needs a model name (or several, comma-separated)', 'plan');
  const familyText = parsed.values.get('family');
  const families = (familyText ? familyText.split(',').map((s) => s.trim()).filter(Boolean) : [...TASK_FAMILIES]) as TaskFamily[];
  for (const f of families) {
    if (!TASK_FAMILIES.includes(f)) throw new UsageError(`--family expects some of ${TASK_FAMILIES.join(', ')}, got ${JSON.stringify(f)}`, 'plan');
  }
  const count = integerFlag(parsed, 'tasks', 1, 10_000) ?? 20;
  const seed = integerFlag(parsed, 'seed', 0, 0xffffffff) ?? 1;
  const population = integerFlag(parsed, 'population', 2, 1000) ?? DEFAULT_CEM.population;
  const elites = integerFlag(parsed, 'elites', 1, 1000) ?? Math.min(DEFAULT_CEM.elites, population);
  if (elites > population) throw new UsageError(`--elites (${elites}) cannot exceed --population (${population})`, 'plan');
  const iterations = integerFlag(parsed, 'iterations', 1, 100) ?? DEFAULT_CEM.iterations;
  const chanceSamples = integerFlag(parsed, 'chance', 0, 1000) ?? 16;
  const out = parsed.values.get('out')!;
  makeOutputDir(out);
  const cem: CemSettings = { ...DEFAULT_CEM, population, elites, iterations, seed };
  await useWasmBackend();
  const observers = names.map((n) => loadObserver(n, parsed.values.get('models-dir') ?? undefined));
  io.stderr(`generating ${count} task${count === 1 ? '' : 's'} per family (${families.join(', ')}), each checked solvable with the simulator\n`);
  const tasks = families.flatMap((f) => generateTasks(f, count, seed));
  const report = progressReporter(io.stderr, Boolean(process.stderr.isTTY), 'plan');
  const result = runPlanSuite({ tasks, observers, cem, chanceSamples, clock: () => performance.now() }, (done, total, label) => report(done, total, label));
  const timing = observers.map((o) => {
    const ms = result.rows.filter((r) => r.model === o.name).map((r) => r.plan_ms ?? 0);
    return { model: o.name, mean_plan_ms: ms.reduce((s, x) => s + x, 0) / Math.max(1, ms.length) };
  });
  const settings = {
    seed, tasks_per_family: count, families, cem, chance_samples: chanceSamples,
    push_frame: tasks[0]?.pushFrame ?? null, horizon_frames: tasks[0]?.frames ?? null, models: names,
  };
  const json = {
    settings, rates: result.rates, comparisons: result.comparisons, chance_rates: result.chanceRates, rates_by_direction: directionRates(result.rows), timing,
    rows: result.rows, chance: result.chance,
  };
  writeFileSync(join(out, 'plan.json'), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(out, 'tasks.csv'), planRowsCsv(result.rows));
  writeFileSync(join(out, 'plan.svg'), planSvg(result.rates, result.chanceRates));
  // The first task of each family drawn with every model's predicted and real path (the same plans
  // as in the suite: same task, same search seed).
  for (const family of families) {
    const task = tasks.find((t) => t.family === family)!;
    const outcomes = observers.map((o) => planAndExecute(task, o, { ...cem, seed: cemSeedFor(cem, task) }));
    const title = `${task.id}: a ${task.kind} ${Math.round(task.runUp * 100)} cm from the edge, a basket ${Math.round((task.zone.xMax - task.zone.xMin) * 100)} cm wide`;
    writeFileSync(join(out, `paths-${family}.svg`), planPathsSvg(task, outcomes, title));
  }
  const summaryFamily = families.length > 1 ? 'all' : families[0]!;
  for (const o of observers) {
    const mine = result.rates.filter((r) => r.model === o.name);
    const overall = mine.find((r) => r.family === summaryFamily)!;
    const perFamily = families.length > 1 ? `\t${mine.filter((r) => r.family !== 'all').map(rateText).join('\t')}` : '';
    const ms = timing.find((t) => t.model === o.name)!.mean_plan_ms;
    io.stdout(`${o.name}\tsuccess ${overall.rate.toFixed(3)} [${overall.ci95.map((x) => x.toFixed(3)).join(', ')}] (${overall.successes}/${overall.tasks})${perFamily}\t${ms.toFixed(0)} ms per plan\n`);
  }
  for (const c of result.comparisons.filter((x) => x.family === summaryFamily)) {
    io.stdout(`McNemar\t${c.model_a} vs ${c.model_b}\t${c.model_a} alone ${c.only_a}, ${c.model_b} alone ${c.only_b} of ${c.tasks} tasks\texact p ${c.p_exact.toPrecision(3)}\n`);
  }
  if (chanceSamples > 0) {
    io.stdout(`random push\tsuccess ${result.chanceRates.map((c) => `${c.family} ${c.rate.toFixed(3)}`).join('\t')}\t(${chanceSamples} random pushes per task)\n`);
  }
  io.stderr(`wrote plan.json, tasks.csv, plan.svg, ${families.map((f) => `paths-${f}.svg`).join(', ')} to ${out}\n`);
  return EXIT_OK;
}

export const planCommand: Command = {
  name: 'plan',
  summary: 'plan pushes that land an object in a basket with each model, run them, and compare success rates',
  args: {
    command: 'plan',
    flags: [
      { name: 'model', kind: 'string', valueName: 'NAME[,NAME…]', required: true, description: 'models from `models` (e.g. learner-100k,constant-velocity,oracle), or checkpoint directories' },
      { name: 'models-dir', kind: 'string', valueName: 'DIR', description: 'where named checkpoints live (default public/models)' },
      { name: 'tasks', kind: 'string', valueName: 'N', description: 'seeded tasks per family (default 20)' },
      { name: 'family', kind: 'string', valueName: 'F[,F…]', description: `task families (default all: ${TASK_FAMILIES.join(', ')})` },
      { name: 'seed', kind: 'string', valueName: 'S', description: 'seed of the tasks and of the search (default 1)' },
      { name: 'population', kind: 'string', valueName: 'N', description: `pushes per CEM iteration (default ${DEFAULT_CEM.population})` },
      { name: 'elites', kind: 'string', valueName: 'K', description: `pushes kept to refit the search (default ${DEFAULT_CEM.elites})` },
      { name: 'iterations', kind: 'string', valueName: 'N', description: `CEM iterations at most (default ${DEFAULT_CEM.iterations})` },
      { name: 'chance', kind: 'string', valueName: 'N', description: 'random pushes per task run for the chance rate (default 16; 0 skips)' },
      { name: 'out', kind: 'string', valueName: 'DIR', required: true, description: 'output directory' },
    ],
  },
  run,
};
