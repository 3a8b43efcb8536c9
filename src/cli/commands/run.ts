// `run`: simulates one trial of a scene and writes its tidy per-frame trajectory CSV.
import { writeFileSync } from 'node:fs';
import { choiceFlag, integerFlag, type ArgsSpec, type ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';
import { BadInput, EXIT_OK, UsageError } from '../errors';
import { describeFsError, loadSceneFile } from '../sceneFiles';
import { resolveScene, type Split } from '../../scenes/resolve';
import { SimulationError } from '../../sim/simulation';
import type { Condition } from '../../sim/spec';
import { trajectoryCsv, type SurpriseLookup } from '../../experiment/trajectoryCsv';
import { simulateTrial, type SimulatedTrial } from '../../experiment/trial';
import type { WorldSpec } from '../../sim/spec';
import { observe } from '../../predictor/observation';
import { viewsOf } from '../../predictor/view';
import { useWasmBackend } from '../../predictor/backend';
import { observerSurprise } from '../../experiment/observers';
import { loadObserver } from '../modelStore';
import { checkOutputFile } from '../outputDir';
import { progressReporter } from '../progress';
import { PROGRESS_WORK, sceneWork, workProblem } from '../../scenes/workBudget';

/** Seeds and variants are mixed as 32-bit integers. */
const MAX_U32 = 0xffffffff;
/** Ten minutes of frames: the longest a scene may last. */
const MAX_FRAMES = 36_000;

const args: ArgsSpec = {
  command: 'run',
  flags: [
    { name: 'scene', kind: 'string', valueName: 'FILE', required: true, description: 'scene file (JSON, see scenes/README.md)' },
    { name: 'condition', kind: 'string', valueName: 'possible|impossible', required: true, description: 'which twin of the trial to run' },
    { name: 'variant', kind: 'string', valueName: 'K', description: 'draw params for variant K (0…4294967295); omit for the canonical scene (every param at its default)' },
    { name: 'seed', kind: 'string', valueName: 'S', description: 'seed the variant is drawn with (0…4294967295, default 0); needs --variant' },
    { name: 'split', kind: 'string', valueName: 'default|heldout', description: 'draw the variant from the params\' ranges (default) or their held-out ranges; needs --variant' },
    { name: 'mirror', kind: 'switch', description: 'run the scene mirrored left–right' },
    { name: 'sizes', kind: 'switch', description: 'add width and height columns (m) after surprise' },
    { name: 'frames', kind: 'string', valueName: 'N', description: 'number of 1/60 s steps to run (default: the scene\'s duration)' },
    { name: 'out', kind: 'string', valueName: 'FILE.csv', description: 'write the CSV here instead of to stdout' },
    { name: 'model', kind: 'string', valueName: 'NAME', description: 'fill the surprise column with this observer\'s per-body surprise (see `models`)' },
    { name: 'models-dir', kind: 'string', valueName: 'DIR', description: 'where named checkpoints live (default public/models)' },
  ],
};

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const file = parsed.values.get('scene')!;
  const condition = choiceFlag<Condition>(parsed, 'condition', ['possible', 'impossible'])!;
  const variant = integerFlag(parsed, 'variant', 0, MAX_U32);
  const seed = integerFlag(parsed, 'seed', 0, MAX_U32);
  const framesFlag = integerFlag(parsed, 'frames', 0, MAX_FRAMES);
  if (seed !== undefined && variant === undefined) {
    throw new UsageError('--seed needs --variant (without one, the canonical scene runs: every param at its default)');
  }
  const out = parsed.values.get('out');
  if (out !== undefined) checkOutputFile(out);
  const split = choiceFlag<Split>(parsed, 'split', ['default', 'heldout']);
  if (split !== undefined && variant === undefined) {
    throw new UsageError('--split needs --variant (the canonical scene has every param at its default)');
  }
  const scene = loadSceneFile(file);
  const resolved = resolveScene(scene, { variant, seed, split, mirrored: parsed.values.has('mirror') }, file);
  const frames = framesFlag ?? resolved.world.frames;
  const work = sceneWork(resolved.world, frames);
  const tooMuch = workProblem(work);
  if (tooMuch) throw new BadInput(`${file}: ${framesFlag === undefined ? '' : `with --frames ${frames}: `}${tooMuch}`);
  const progress = work.work > PROGRESS_WORK ? progressReporter(io.stderr, Boolean(process.stderr.isTTY), 'simulating') : undefined;
  let trial: SimulatedTrial;
  try {
    trial = simulateTrial(resolved.world, condition, frames, progress && ((done) => progress(done, frames, 'frames (Ctrl-C stops)')));
  } catch (e) {
    if (e instanceof SimulationError) throw new BadInput(`${file}: the simulation failed: ${e.message}`);
    throw e;
  }
  const csv = trajectoryCsv(trial.snapshots, await surpriseLookup(parsed, resolved.world, condition, frames, trial), { sizes: parsed.values.has('sizes') });
  if (out === undefined) {
    io.stdout(csv);
    return EXIT_OK;
  }
  try {
    writeFileSync(out, csv);
  } catch (e) {
    throw new BadInput(`${out}: cannot write (${describeFsError(e, 'write')})`);
  }
  const bodies = resolved.world.bodies.length;
  const onset = trial.onsetFrame === null ? 'no onset' : `onset at frame ${trial.onsetFrame}`;
  io.stderr(`wrote ${(frames + 1) * bodies} rows (${frames + 1} frames × ${bodies} bodies, ${condition}, ${onset}) to ${out}\n`);
  return EXIT_OK;
}

/** With --model: the observer's per-body surprise at each frame (empty where it is undefined:
 * static bodies, hidden bodies, and learned observers' first H frames). */
async function surpriseLookup(parsed: ParsedArgs, world: WorldSpec, condition: Condition, frames: number, trial: SimulatedTrial): Promise<SurpriseLookup | undefined> {
  const name = parsed.values.get('model');
  if (name === undefined) return undefined;
  await useWasmBackend();
  const observer = loadObserver(name, parsed.values.get('models-dir') ?? undefined);
  const observed = trial.snapshots.map(observe);
  const twin = condition === 'possible' || observer.kind !== 'oracle'
    ? observed
    : simulateTrial(world, 'possible', frames).snapshots.map(observe);
  // What the observer could see each frame (screens may move), so occlusion is scored as in the suite.
  const trace = observerSurprise(observer, observed, twin, viewsOf(world, frames));
  return (frame, bodyId) => {
    const value = trace.perObject.get(bodyId)?.[frame];
    return value !== undefined && Number.isFinite(value) ? value : undefined;
  };
}

export const runCommand: Command = {
  name: 'run',
  summary: 'Simulate one trial of a scene and write its per-frame trajectory as CSV.',
  args,
  run,
};
