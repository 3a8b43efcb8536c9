// What learners expect of a ball that is hit and of a ball that rolls on, beside what their diet
// showed them (docs/development.md, *Beyond support*): collision, continuity and directional inertia.
// Run: npx tsx bench/ballExpectations.ts [--models-dir DIR] [--models A,B] [--variants 10] [--episodes 600] [--ball-play P] [--frictionless-balls]
//  - the hit ball: possible twin of ball-hits-ball-that-does-not-move, a 20-step rollout started 5
//    frames before the hit; the hit ball's predicted and true speed at its end, and the hitter's; and
//    the hit ball's velocity changes predicted one step at a time from the true frames around the hit;
//  - the rolling ball: possible twin of ball-never-comes-out-from-behind-screen, 10 frames after the
//    push; the one-step predicted deceleration (m/s²) and the speed a 60-step rollout ends at;
//  - the diet: per `--episodes` episodes of the default diet (with `--ball-play P`, `--frictionless-balls` if given), the
//    watched frames in which a resting object is set moving by one that touches it (launches), the
//    watched frames of a ball rolling free on a surface, and the deceleration of those balls (m/s²).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { parseSceneText } from '../src/scenes/parse';
import { observations, runTrial } from '../src/experiment/trial';
import { DEFAULT_MODELS_DIR, listAllCheckpoints, loadObserver } from '../src/cli/modelStore';
import { useWasmBackend } from '../src/predictor/backend';
import { rollout } from '../src/predictor/rollout';
import type { StepPredictor } from '../src/predictor/predictor';
import type { Observation, ObjectState } from '../src/predictor/observation';
import { DEFAULT_DIET, watchEpisode } from '../src/predictor/experience';
import { createRng, mixSeed } from '../src/sim/rng';

const { values } = parseArgs({ options: {
  'models-dir': { type: 'string' }, models: { type: 'string' }, variants: { type: 'string' }, episodes: { type: 'string' }, 'ball-play': { type: 'string' },
  'frictionless-balls': { type: 'boolean' },
} });
const modelsDir = values['models-dir'] ?? DEFAULT_MODELS_DIR;
const variants = Number(values.variants ?? 10);
const episodes = Number(values.episodes ?? 600);
const ballPlay = Number(values['ball-play'] ?? 0);

const scene = (id: string) => parseSceneText(readFileSync(`scenes/${id}.json`, 'utf8'), id);
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const gap = (a: ObjectState, b: ObjectState): number => Math.max(Math.abs(a.x - b.x) - (a.width + b.width) / 2, Math.abs(a.y - b.y) - (a.height + b.height) / 2);

interface HitCase { frames: Observation[]; hit: number; target: number; hitter: number }
function hitCases(): HitCase[] {
  const s = scene('ball-hits-ball-that-does-not-move');
  return Array.from({ length: variants }, (_, v) => {
    const frames = observations(runTrial(s, 'possible', v, 0));
    const target = frames[0]!.findIndex((o) => o.id === 'target');
    const hitter = frames[0]!.findIndex((o) => o.id === 'launcher');
    return { frames, hit: frames.findIndex((f) => Math.abs(f[target]!.vx) > 0.05), target, hitter };
  });
}
interface RollCase { start: Observation; ball: number; speed: number }
function rollCases(): RollCase[] {
  const s = scene('ball-never-comes-out-from-behind-screen');
  return Array.from({ length: variants }, (_, v) => {
    const frames = observations(runTrial(s, 'possible', v, 0));
    const ball = frames[0]!.findIndex((o) => o.kind === 'ball');
    const t = frames.findIndex((f) => Math.abs(f[ball]?.vx ?? 0) > 0.3) + 10;
    return { start: frames[t]!, ball, speed: frames[t]![ball]!.vx };
  });
}

function expectations(p: StepPredictor, hits: HitCase[], rolls: RollCase[]): string {
  const target: number[] = [], hitter: number[] = [], decel: number[] = [], after60: number[] = [], oneStep: number[] = [];
  for (const c of hits) {
    const end = rollout(p, [c.frames[c.hit - 5]!], 20)[0]!;
    target.push(end.state[c.target]!.vx);
    hitter.push(end.state[c.hitter]!.vx);
    // One step at a time from the true frames around the hit: the hit ball's predicted velocity changes, summed.
    const around = c.frames.slice(c.hit - 2, c.hit + 1);
    const m = p.predict(around).mean;
    const n = m.length / (3 * around.length);
    oneStep.push(around.reduce((sum, _, b) => sum + m[(b * n + c.target) * 3]!, 0));
  }
  for (const c of rolls) {
    decel.push(-p.predict([c.start]).mean[c.ball * 3]! * 60);
    after60.push(rollout(p, [c.start], 60)[0]!.state[c.ball]!.vx / c.speed);
  }
  return `hit ball ${mean(target).toFixed(2)} m/s, hitter ${mean(hitter).toFixed(2)} m/s; one step at a time over the 3 steps into the hit: ${mean(oneStep).toFixed(2)} m/s | rolling ball: deceleration ${mean(decel).toFixed(2)} m/s², `
    + `speed after 1 s ${(100 * mean(after60)).toFixed(0)}% of its own`;
}

function dietFigures(): string {
  const diet = { ...DEFAULT_DIET, ...(ballPlay > 0 ? { ballPlay } : {}), ...(values['frictionless-balls'] ? { frictionlessBalls: true } : {}) };
  const rng = createRng(mixSeed(1, 1));
  let watched = 0, launches = 0, rolling = 0;
  const decel: number[] = [];
  for (let e = 0; e < episodes; e++) {
    for (const tr of watchEpisode(rng, diet)) {
      watched++;
      tr.obs.forEach((o, i) => {
        if (o.isStatic) return;
        if (Math.hypot(o.vx, o.vy) < 0.05 && Math.abs(tr.dv[i * 3]!) > 0.2
          && tr.obs.some((q) => !q.isStatic && q !== o && gap(q, o) < 0.08 && Math.abs(q.vx) > 0.2)) launches++;
        // Rolling free: on a surface, nothing but the ground within 10 cm (hits and wall bounces are not slowing).
        if (o.kind === 'ball' && Math.abs(o.vy) < 0.05 && Math.abs(o.vx) > 0.3 && Math.abs(tr.dv[i * 3 + 1]!) < 0.05
          && tr.obs.every((q) => q === o || q.kind === 'ground' || gap(q, o) > 0.1)) {
          rolling++;
          decel.push(-tr.dv[i * 3]! * Math.sign(o.vx) * 60);
        }
      });
    }
  }
  decel.sort((a, b) => a - b);
  return `diet${ballPlay > 0 ? ` with ball play ${ballPlay}` : ''}${diet.frictionlessBalls ? ', frictionless balls' : ''}${ballPlay > 0 || diet.frictionlessBalls ? '' : ' (default)'}: ${watched} watched frames of ${episodes} episodes; launches ${launches} (${(100 * launches / watched).toFixed(2)}%), `
    + `balls rolling free ${rolling} (${(100 * rolling / watched).toFixed(1)}%), their deceleration median ${decel[Math.floor(decel.length / 2)]?.toFixed(2)} m/s², mean ${mean(decel).toFixed(2)} m/s², `
    + `above 1 m/s² in ${(100 * decel.filter((d) => d > 1).length / decel.length).toFixed(0)}%`;
}

async function main(): Promise<void> {
  await useWasmBackend();
  const names = values.models ? values.models.split(',') : listAllCheckpoints(modelsDir).map((e) => e.name);
  const hits = hitCases();
  const rolls = rollCases();
  const c = hits[0]!;
  console.log(`load ${loadavg().map((x) => x.toFixed(1)).join(' ')}; ${variants} variants (seed 0); truth: hit ball ${mean(hits.map((h) => h.frames[h.hit + 15]![h.target]!.vx)).toFixed(2)} m/s, `
    + `hitter ${mean(hits.map((h) => h.frames[h.hit + 15]![h.hitter]!.vx)).toFixed(2)} m/s 20 frames on, `
    + `hit ball's change over the 3 steps into the hit ${mean(hits.map((h) => h.frames[h.hit + 1]![h.target]!.vx - h.frames[h.hit - 2]![h.target]!.vx)).toFixed(2)} m/s (first variant: hit at frame ${c.hit}); rolling ball keeps its speed`);
  for (const name of names) console.log(`${name}: ${expectations(loadObserver(name, modelsDir) as unknown as StepPredictor, hits, rolls)}`);
  console.log(dietFigures());
}

void main();
