// `validate`: checks scene files and prints every problem as `FILE: path: message`.
import type { ArgsSpec, ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';
import { BadInput, EXIT_BAD_INPUT, EXIT_OK, issueLine, oneLine } from '../errors';
import { loadSceneFile } from '../sceneFiles';
import { resolveScene } from '../../scenes/resolve';
import { SceneError } from '../../scenes/sceneError';
import type { SceneFile } from '../../scenes/schema';
import { controlLinkIssues } from '../../scenes/families';
import { dirname, join } from 'node:path';

/** Besides the defaults and both ends of every range (checked on parse), this many seeded
 * variants are resolved, to catch expressions that break only for mixed draws. */
export const VALIDATE_VARIANTS = 16;

const args: ArgsSpec = {
  command: 'validate',
  flags: [],
  positionals: { name: 'FILE', min: 1, max: 10_000 },
};

/** Every problem of one scene file, as `FILE: path: message` lines (empty when it is fine). */
export function validateSceneFile(file: string): string[] {
  let scene: SceneFile;
  try {
    scene = loadSceneFile(file);
  } catch (e) {
    if (e instanceof SceneError) return e.issues.map((issue) => issueLine(file, issue));
    if (e instanceof BadInput) return [oneLine(e.message)];
    throw e;
  }
  const seen = new Set<string>();
  const lines: string[] = controlLinkIssues(scene, partnerFile(file, scene), partnerPath(file, scene)).map((issue) => issueLine(file, issue));
  for (let variant = 0; variant < VALIDATE_VARIANTS; variant++) {
    try {
      resolveScene(scene, { variant, seed: 0 }, file);
    } catch (e) {
      if (!(e instanceof SceneError)) throw e;
      for (const issue of e.issues) {
        if (seen.has(issue.path)) continue;
        seen.add(issue.path);
        lines.push(issueLine(file, { path: issue.path, message: `${issue.message} (in variant ${variant}, seed 0)` }));
      }
    }
  }
  return lines;
}

/** Where a control's partner lives: beside it, named by its id. */
function partnerPath(file: string, scene: SceneFile): string {
  return join(dirname(file), `${scene.control_of ?? ''}.json`);
}

/** The partner scene named by `control_of`, or undefined if there is none that parses. */
function partnerFile(file: string, scene: SceneFile): SceneFile | undefined {
  if (!scene.control_of) return undefined;
  try {
    return loadSceneFile(partnerPath(file, scene));
  } catch {
    return undefined;
  }
}

function run(parsed: ParsedArgs, io: CliIo): number {
  let failed = 0;
  for (const file of parsed.positionals) {
    // `validate scenes/*.json` also matches the scenes' JSON Schema (scenes/scene.schema.json).
    if (file.endsWith('.schema.json')) {
      io.stdout(`${file}: skipped (a JSON Schema file, not a scene)\n`);
      continue;
    }
    const problems = validateSceneFile(file);
    if (problems.length === 0) io.stdout(`${file}: ok\n`);
    else {
      failed++;
      io.stderr(`${problems.join('\n')}\n`);
    }
  }
  return failed === 0 ? EXIT_OK : EXIT_BAD_INPUT;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check scene files; print "FILE: ok" or each problem as "FILE: path: message".',
  args,
  run,
};
