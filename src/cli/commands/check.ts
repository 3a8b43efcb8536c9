// `check`: validates scene files, then simulates each (canonical and seeded variants, both twins) and
// reports silent mistakes as `FILE: path: message`; exit 2 if any file has one.
import { choiceFlag, integerFlag, type ArgsSpec, type ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';
import { EXIT_BAD_INPUT, EXIT_OK, issueLine } from '../errors';
import { loadSceneFile } from '../sceneFiles';
import { validateSceneFile } from './validate';
import { expandSceneArgs } from './suite';
import { checkScene, type CheckOptions } from '../../experiment/sceneCheck';
import type { Split } from '../../scenes/resolve';

const args: ArgsSpec = {
  command: 'check',
  flags: [
    { name: 'variants', kind: 'string', valueName: 'N', description: 'seeded variants to run besides the canonical scene (default 8)' },
    { name: 'seed', kind: 'string', valueName: 'S', description: 'seed the variants are drawn with (default 0)' },
    { name: 'split', kind: 'string', valueName: 'default|heldout', description: 'draw variants from the params\' ranges (default) or their held-out ranges' },
    { name: 'mirror', kind: 'string', valueName: 'off|on|both', description: 'check the scene as written, mirrored left–right, or both (default off)' },
  ],
  positionals: { name: 'FILE|DIR', min: 1, max: 10_000 },
};

/** Every problem of one file: validation first; only a valid scene is simulated. */
export function checkSceneFile(file: string, options: CheckOptions = {}): string[] {
  const invalid = validateSceneFile(file);
  if (invalid.length > 0) return invalid;
  return checkScene(loadSceneFile(file), options).map((issue) => issueLine(file, issue));
}

function run(parsed: ParsedArgs, io: CliIo): number {
  const options: CheckOptions = {
    variants: integerFlag(parsed, 'variants', 0, 1000) ?? 8,
    seed: integerFlag(parsed, 'seed', 0, 0xffffffff) ?? 0,
    split: choiceFlag<Split>(parsed, 'split', ['default', 'heldout']) ?? 'default',
    mirror: choiceFlag(parsed, 'mirror', ['off', 'on', 'both'] as const) ?? 'off',
  };
  let failed = 0;
  for (const file of expandSceneArgs(parsed.positionals)) {
    const problems = checkSceneFile(file, options);
    if (problems.length === 0) io.stdout(`${file}: ok\n`);
    else {
      failed++;
      io.stderr(`${problems.join('\n')}\n`);
    }
  }
  return failed === 0 ? EXIT_OK : EXIT_BAD_INPUT;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'Validate scene files, then run their twins (canonical + variants) and report triggers that never fire, bodies that leave the world, twins that differ before the onset or never depart',
  args,
  run,
};
