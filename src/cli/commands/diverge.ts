// `diverge`: measures how fast each model's own rollouts leave the real trajectory; writes the data and the chart.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { integerFlag, listFlag, type ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';
import { EXIT_OK, UsageError } from '../errors';
import { makeOutputDir } from '../outputDir';
import { loadObserver } from '../modelStore';
import { useWasmBackend } from '../../predictor/backend';
import { heldOutEpisodes, measureDivergence } from '../../experiment/divergence';
import { divergenceSvg } from '../../experiment/divergenceSvg';
import { ON_TRACK_TOLERANCE_M } from '../../experiment/onTrack';

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const names = listFlag(parsed, 'model');
  if (names.length === 0) throw new UsageError('--model needs a model name (or several, comma-separated)', 'diverge');
  const episodes = integerFlag(parsed, 'episodes', 1, 10_000) ?? 20;
  const seed = integerFlag(parsed, 'seed', 0, 0xffffffff) ?? 1;
  const maxSteps = integerFlag(parsed, 'steps', 1, 600) ?? 120;
  const toleranceCm = integerFlag(parsed, 'tolerance-cm', 1, 100) ?? Math.round(ON_TRACK_TOLERANCE_M * 100);
  const out = parsed.values.get('out')!;
  makeOutputDir(out);
  await useWasmBackend();
  const observers = names.map((n) => loadObserver(n, parsed.values.get('models-dir') ?? undefined));
  const data = heldOutEpisodes(episodes, seed, undefined, maxSteps + 120);
  const results = observers.map((o) => {
    const r = measureDivergence(o, data, { episodes, seed, maxSteps, tolerance: toleranceCm / 100, startEvery: 20 });
    io.stdout(`${r.model}\te ${r.exitRate.toFixed(4)} per step\ton track after 10/30/60 steps: ${[10, 30, 60].filter((n) => n <= maxSteps).map((n) => r.onTrack[n]!.toFixed(2)).join('/')}\t(${r.rollouts} rollouts)\n`);
    return r;
  });
  writeFileSync(join(out, 'divergence.json'), `${JSON.stringify({ seed, episodes, max_steps: maxSteps, tolerance_m: toleranceCm / 100, results }, null, 2)}\n`);
  const rows = ['model,n,on_track,geometric'];
  for (const r of results) r.onTrack.forEach((v, n) => rows.push(`${r.model},${n},${v.toFixed(6)},${r.geometric[n]!.toFixed(6)}`));
  writeFileSync(join(out, 'divergence.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(out, 'divergence.svg'), divergenceSvg(results));
  io.stderr(`wrote divergence.json, divergence.csv, divergence.svg to ${out}\n`);
  return EXIT_OK;
}

export const divergeCommand: Command = {
  name: 'diverge',
  summary: 'measure autoregressive divergence: share of rollouts on track after n steps beside (1 − e)^n',
  args: {
    command: 'diverge',
    flags: [
      { name: 'model', kind: 'string', valueName: 'NAME[,NAME…]', required: true, description: 'models from `models`, or checkpoint directories' },
      { name: 'models-dir', kind: 'string', valueName: 'DIR', description: 'where named checkpoints live (default public/models)' },
      { name: 'episodes', kind: 'string', valueName: 'N', description: 'held-out normal episodes (default 20; a rollout starts every 20 frames)' },
      { name: 'steps', kind: 'string', valueName: 'N', description: 'longest rollout in steps (default 120 = 2 s)' },
      { name: 'tolerance-cm', kind: 'string', valueName: 'CM', description: '"on track" while every moving object is within this distance (default 5)' },
      { name: 'seed', kind: 'string', valueName: 'S', description: 'seed of the held-out episodes (default 1)' },
      { name: 'out', kind: 'string', valueName: 'DIR', required: true, description: 'output directory' },
    ],
  },
  run,
};
