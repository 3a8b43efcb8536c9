// One SHA-256 per shipped scene, condition and variant, over its trajectory CSV, onset and events:
// pins every scene's behaviour so a change to the format or the simulator that should change
// nothing provably changes nothing (tests/unit/golden/scene-digests.json; regenerate with
// `npx tsx tests/unit/support/sceneDigests.ts` only when a change is meant to alter trajectories).
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { trajectoryCsv } from '../../../src/experiment/trajectoryCsv';
import { REPO_ROOT, loadRepoScene, runTrial } from './trials';

/** The canonical scene and these seed-0 variants, in both conditions. */
export const DIGEST_VARIANTS: readonly (number | undefined)[] = [undefined, 0, 1, 2];

export function shippedSceneNames(): string[] {
  return readdirSync(join(REPO_ROOT, 'scenes')).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).map((f) => f.slice(0, -5)).sort();
}

export function sceneDigests(name: string): Record<string, string> {
  const scene = loadRepoScene(name);
  const out: Record<string, string> = {};
  for (const variant of DIGEST_VARIANTS) {
    for (const condition of ['possible', 'impossible'] as const) {
      const trial = runTrial(scene, condition, variant === undefined ? {} : { variant, seed: 0 });
      const text = `${trajectoryCsv(trial.snapshots)}onset ${trial.onsetFrame}\n${JSON.stringify(trial.events)}\n`;
      out[`${variant ?? 'canonical'}/${condition}`] = createHash('sha256').update(text).digest('hex');
    }
  }
  return out;
}

if (process.argv[1]?.endsWith('sceneDigests.ts')) {
  const all: Record<string, Record<string, string>> = {};
  for (const name of shippedSceneNames()) all[name] = sceneDigests(name);
  writeFileSync(join(REPO_ROOT, 'tests/unit/golden/scene-digests.json'), `${JSON.stringify(all, null, 2)}\n`);
}
