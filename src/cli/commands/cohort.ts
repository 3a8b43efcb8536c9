// `cohort`: one cohort table from several `develop --cohort` runs that measured different seeds on
// the same pairs (same scenes, pairs and seed), so seeds trained later join without re-scoring.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';
import { BadInput, EXIT_OK } from '../errors';
import { makeOutputDir } from '../outputDir';
import type { ConceptResult } from '../../experiment/development';
import type { CohortMember } from '../../experiment/cohort';
import { writeCohortOutputs } from './develop';

interface DevelopmentDoc { seed: number; pairs_per_scene: number; scenes: { id: string; control_of?: string }[]; cohort_members?: CohortMember[]; concepts: ConceptResult[] }

function readDevelopment(dir: string): DevelopmentDoc {
  const file = join(dir, 'development.json');
  if (!existsSync(file)) throw new BadInput(`${file}: no such file (is ${dir} the --out of develop --cohort?)`);
  let doc: DevelopmentDoc;
  try { doc = JSON.parse(readFileSync(file, 'utf8')) as DevelopmentDoc; } catch (e) { throw new BadInput(`${file}: not valid JSON (${(e as Error).message})`); }
  if (!Array.isArray(doc?.cohort_members)) throw new BadInput(`${file}: cohort_members: missing (measure with develop --cohort DIR)`);
  if (!Array.isArray(doc.concepts) || !Array.isArray(doc.scenes)) throw new BadInput(`${file}: concepts and scenes must be lists`);
  return doc;
}

function run(parsed: ParsedArgs, io: CliIo): number {
  const out = parsed.values.get('out')!;
  const dirs = parsed.positionals;
  const docs = dirs.map(readDevelopment);
  const first = docs[0]!;
  const sameness = (d: DevelopmentDoc): string => JSON.stringify([d.seed, d.pairs_per_scene, d.scenes.map((s) => s.id)]);
  docs.forEach((d, k) => {
    if (sameness(d) !== sameness(first)) throw new BadInput(`${join(dirs[k]!, 'development.json')}: not the same pairs as ${join(dirs[0]!, 'development.json')} (seed, pairs_per_scene and scenes must agree)`);
  });
  const members: CohortMember[] = [];
  const concepts: ConceptResult[] = [];
  const baselines = new Set<string>();
  docs.forEach((d, k) => {
    const mine = new Set(d.cohort_members!.map((m) => m.model));
    for (const m of d.cohort_members!) {
      if (members.some((x) => x.model === m.model)) throw new BadInput(`${join(dirs[k]!, 'development.json')}: ${m.model} is measured twice`);
      members.push(m);
    }
    for (const c of d.concepts) {
      // The baselines do not depend on the checkpoints: keep the first run's.
      if (mine.has(c.model)) concepts.push(c);
      else if (k === 0) { concepts.push(c); baselines.add(c.model); }
    }
  });
  if (!first.scenes.some((s) => s.control_of)) {
    io.stderr(`warning: ${join(dirs[0]!, 'development.json')} names no scene's control_of (written before it was recorded, or no reverse scene measured): cohort-directions.md counts every scene as classic\n`);
  }
  makeOutputDir(out);
  io.stdout(writeCohortOutputs(out, { seed: first.seed, pairs_per_scene: first.pairs_per_scene, from: [...dirs] }, concepts, members, first.scenes));
  io.stderr(`wrote cohort.json, cohort.md, cohort-directions.json, cohort-directions.md to ${out}: ${new Set(members.map((m) => m.seed)).size} seeds from ${dirs.length} develop runs\n`);
  return EXIT_OK;
}

export const cohortCommand: Command = {
  name: 'cohort',
  summary: 'one cohort table (mean ± sd across seeds) from develop --cohort runs of different seeds on the same pairs',
  args: {
    command: 'cohort',
    flags: [{ name: 'out', kind: 'string', valueName: 'DIR', required: true, description: 'output directory (cohort.json, cohort.md)' }],
    positionals: { name: 'DEVELOP_DIR', min: 1, max: 1000 },
  },
  run,
};
