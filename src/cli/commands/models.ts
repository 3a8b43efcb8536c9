// `models`: every model name usable with --model (checkpoints by seed and experience, then the
// baselines); --json for scripts, --write-index to refresh the index.json the browser reads.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../command';
import { BadInput, EXIT_OK, oneLine } from '../errors';
import { DEFAULT_MODELS_DIR, modelIndexJson, scanAllCheckpoints } from '../modelStore';
import { coreLabel, fullCore } from '../../predictor/coreKnowledge';

const BASELINE_NOTES = {
  'constant-velocity': 'baseline: predicts no change of velocity (knows inertia, not gravity)',
  'gravity-only': 'baseline: predicts free fall for every moving object (knows gravity, not support)',
  oracle: 'ideal observer: the simulator itself, run without the violation',
};

export const modelsCommand: Command = {
  name: 'models',
  summary: 'list the models usable with --model (checkpoints of every seed by experience, then the baselines)',
  args: {
    command: 'models',
    flags: [
      { name: 'dir', kind: 'string', valueName: 'DIR', description: `checkpoint directory (default ${DEFAULT_MODELS_DIR})` },
      { name: 'json', kind: 'switch', description: 'print JSON: every checkpoint with name, experience_frames, seed, path, gradient steps and core settings' },
      { name: 'write-index', kind: 'switch', description: 'also (re)write DIR/index.json, the list the browser reads' },
    ],
  },
  run(parsed, io) {
    const dir = parsed.values.get('dir') ?? DEFAULT_MODELS_DIR;
    const { usable: entries, broken } = scanAllCheckpoints(dir);
    // Broken folders are never fatal: warned about here, listed below (or in --json) with their problem.
    for (const b of broken) io.stderr(`warning: skipping ${b.name}: ${oneLine(b.problem)}\n`);
    if (parsed.values.has('write-index')) {
      try {
        writeFileSync(join(dir, 'index.json'), modelIndexJson(dir));
      } catch {
        throw new BadInput(`${join(dir, 'index.json')}: cannot write`);
      }
    }
    if (parsed.values.has('json')) {
      const models = entries.map((m) => ({
        name: m.name, kind: 'learned', experience_frames: m.experienceFrames, seed: m.seed, path: m.path,
        gradient_steps: m.meta?.gradient_steps ?? null,
        // Every switch, a checkpoint from before the switchboard included (it means all on).
        core: m.meta ? fullCore(m.meta.features) : null, core_label: m.meta ? coreLabel(m.meta.features) : null, validation_loss: m.meta?.validation_loss ?? null,
      }));
      const baselines = Object.entries(BASELINE_NOTES).map(([name, note]) => ({ name, kind: 'baseline', note }));
      const unusable = broken.map((b) => ({ name: b.name, problem: oneLine(b.problem) }));
      io.stdout(`${JSON.stringify({ dir, models, baselines, unusable }, null, 2)}\n`);
      return EXIT_OK;
    }
    const lines: string[] = [`constant-velocity\t${BASELINE_NOTES['constant-velocity']}`, `gravity-only\t${BASELINE_NOTES['gravity-only']}`];
    for (const m of entries) {
      const minutes = (m.experienceFrames / 3600).toFixed(1);
      const core = m.meta ? coreLabel(m.meta.features) : 'all';
      lines.push(`${m.name}\tlearned: ${m.experienceFrames} frames of experience (${minutes} min at 60 fps), seed ${m.seed ?? '?'}${core === 'all' ? '' : `, core ${core}`}`);
    }
    lines.push(`oracle\t${BASELINE_NOTES.oracle}`);
    for (const b of broken) lines.push(`${b.name}\tunusable: ${oneLine(b.problem)}`);
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
