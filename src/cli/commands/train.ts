// `train`: grows a learner on fresh procedural experience and writes checkpoints at experience marks.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { integerFlag, type ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';
import { EXIT_OK, UsageError } from '../errors';
import { makeOutputDir } from '../outputDir';
import { progressReporter } from '../progress';
import { useWasmBackend } from '../../predictor/backend';
import { train } from '../../predictor/training';
import { serializeCheckpoint } from '../../predictor/checkpoint';

export const checkpointName = (frames: number): string =>
  frames === 0 ? 'newborn' : frames % 1000 === 0 ? `learner-${frames / 1000}k` : `learner-${frames}`;

export function codeVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

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

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const frames = integerFlag(parsed, 'frames', 1, 10_000_000)!;
  const seed = integerFlag(parsed, 'seed', 0, 0xffffffff) ?? 1;
  const replay = integerFlag(parsed, 'replay', 1, 64) ?? 4;
  const out = parsed.values.get('out')!;
  const marks = parseMarks(parsed.values.get('checkpoints'), frames);
  const contactFeatures = !parsed.values.has('no-contact-features');
  makeOutputDir(out);
  await useWasmBackend();
  const command = `npm run lab -- train ${process.argv.slice(3).join(' ')}`.trim();
  const started = Date.now();
  const report = progressReporter(io.stderr, Boolean(process.stderr.isTTY), 'training');
  const written: { name: string; experience_frames: number }[] = [];
  await train({ frames, checkpoints: marks, seed, replay, features: { contactFeatures } }, (e) => {
    const name = checkpointName(e.experienceFrames);
    const ck = serializeCheckpoint(e.network, e.settings.features, {
      name, experience_frames: e.experienceFrames, experience_minutes: Number((e.experienceFrames / 3600).toFixed(2)),
      seed, diet: e.settings.diet, features: e.settings.features, validation_loss: e.validationLoss,
      train_loss: Number.isFinite(e.trainLoss) ? e.trainLoss : null, gradient_steps: e.gradientSteps,
      training_seconds: Math.round((Date.now() - started) / 100) / 10, code_version: codeVersion(), command,
    });
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'model.json'), ck.modelJson);
    writeFileSync(join(dir, 'weights.bin'), ck.weights);
    writeFileSync(join(dir, 'meta.json'), ck.metaJson);
    written.push({ name, experience_frames: e.experienceFrames });
    io.stderr(`${process.stderr.isTTY ? '\n' : ''}checkpoint ${name}: ${e.experienceFrames} frames, validation loss ${e.validationLoss.toFixed(4)} → ${dir}\n`);
  }, (p) => report(p.experienceFrames, p.totalFrames, `frames, loss ${p.trainLoss.toFixed(3)}`));
  // The browser cannot list a directory: index.json tells it which checkpoints are here.
  writeFileSync(join(out, 'index.json'), `${JSON.stringify({ models: written }, null, 2)}\n`);
  io.stderr(`done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${written.length} checkpoints in ${out}\n`);
  return EXIT_OK;
}

export const trainCommand: Command = {
  name: 'train',
  summary: 'train a learner on fresh normal-physics experience; write checkpoints at experience marks',
  args: {
    command: 'train',
    flags: [
      { name: 'frames', kind: 'string', valueName: 'N', required: true, description: 'frames of experience in total (each a watched 1/60 s transition)' },
      { name: 'checkpoints', kind: 'string', valueName: 'a,b,c', description: 'experience marks to save at, e.g. 0,2k,10k,100k (default: 0 and N)' },
      { name: 'seed', kind: 'string', valueName: 'S', description: 'seed for the experience, the weights and the sampling (default 1)' },
      { name: 'replay', kind: 'string', valueName: 'R', description: 'gradient uses of each frame on average (default 4)' },
      { name: 'no-contact-features', kind: 'switch', description: 'train without the pairwise contact-geometry inputs (see docs/predictor.md)' },
      { name: 'out', kind: 'string', valueName: 'DIR', required: true, description: 'directory to write checkpoints into (one folder each, plus index.json)' },
    ],
  },
  run,
};
