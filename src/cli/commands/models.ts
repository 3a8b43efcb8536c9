// `models`: every model name usable with --model, one per line, name first, by experience.
import type { Command } from '../command';
import { EXIT_OK, oneLine } from '../errors';
import { DEFAULT_MODELS_DIR, scanCheckpoints } from '../modelStore';

export const modelsCommand: Command = {
  name: 'models',
  summary: 'list the models usable with --model (checkpoints by experience, then the baselines)',
  args: {
    command: 'models',
    flags: [{ name: 'dir', kind: 'string', valueName: 'DIR', description: `checkpoint directory (default ${DEFAULT_MODELS_DIR})` }],
  },
  run(parsed, io) {
    const dir = parsed.values.get('dir') ?? DEFAULT_MODELS_DIR;
    const lines: string[] = [
      'constant-velocity\tbaseline: predicts no change of velocity (knows inertia, not gravity)',
      'gravity-only\tbaseline: predicts free fall for every moving object (knows gravity, not support)',
    ];
    const { usable, broken } = scanCheckpoints(dir);
    for (const m of usable) {
      const minutes = (m.experienceFrames / 3600).toFixed(1);
      lines.push(`${m.name}\tlearned: ${m.experienceFrames} frames of experience (${minutes} min at 60 fps)`);
    }
    lines.push('oracle\tideal observer: the simulator itself, run without the violation');
    // Broken folders are listed (not usable with --model) with what is wrong, and warned about.
    for (const b of broken) {
      lines.push(`${b.name}\tunusable: ${oneLine(b.problem)}`);
      io.stderr(`warning: skipping ${b.name}: ${oneLine(b.problem)}\n`);
    }
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
