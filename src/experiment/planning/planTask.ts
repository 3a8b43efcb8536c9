// Seeded planning tasks: an object on a platform, a basket on the floor beyond its edge, and the
// pushes a planner may choose from; every task is checked solvable with the simulator.
import type { BodySpec, WorldSpec } from '../../sim/spec';
import { createRng, mixSeed, type Rng } from '../../sim/rng';
import { executePlan } from './executePlan';
import { distance } from './planCost';
import { simulatorEvaluator } from './planner';
import type { ActionRange, PlanAction, PlanProblem, TargetZone } from './planProblem';
import { objectSpec } from '../../predictor/experience';

/** `basket`: the object stands 5–50 cm from the edge and is pushed horizontally, so where it comes
 * down is decided by the push and the fall. `lob`: the same, but the hand may also lift it (up to
 * 3 m/s upward), so the plan has two numbers and the flight is longer. `basket-far`: a horizontal
 * push from 80–160 cm before the edge, so the slide to the edge (friction, rolling resistance:
 * unseen, drawn per task) decides as much as the fall. */
export type TaskFamily = 'basket' | 'lob' | 'basket-far';
export const TASK_FAMILIES: readonly TaskFamily[] = ['basket', 'lob', 'basket-far'];
interface FamilyRule { runUp: [number, number]; lift: [number, number]; stream: number }
const FAMILY: Record<TaskFamily, FamilyRule> = {
  basket: { runUp: [0.05, 0.5], lift: [0, 0], stream: 0xba5e },
  lob: { runUp: [0.05, 0.5], lift: [0, 3], stream: 0x10b },
  'basket-far': { runUp: [0.8, 1.6], lift: [0, 0], stream: 0xfa5e },
};

export interface PlanTask extends PlanProblem {
  id: string;
  family: TaskFamily;
  seed: number;
  index: number;
  kind: 'box' | 'ball' | 'car';
  /** Gap between the object's leading side and the platform's edge (m). */
  runUp: number;
  platformHeight: number;
  /** A push the simulator puts in the basket: proof that the task can be solved. */
  witness: PlanAction;
}

const WORLD_W = 8;
const WORLD_H = 4;
const FLOOR_TOP = 0.3;
const RIM_THICKNESS = 0.05;
/** Frames before the push (the world settles: bodies are built exactly touching) and after it. */
const PUSH_FRAME = 12;
const HORIZON = 180;
/** Horizontal pushes toward the edge, from a nudge to a shove (the learner's pushes: 0.25–3.2 m/s). */
const SPEED: [number, number] = [0.25, 3.5];
/** The solvability sweep: 24 speeds, or 8 speeds × 8 lifts, tried nearest to the push the basket
 * was placed for first; a draw none of them solves is given up. */
const SWEEP_1D = 24;
const SWEEP_2D = 8;
const MAX_ATTEMPTS = 60;

function staticBody(id: string, kind: 'ground' | 'platform' | 'wall', x: number, y: number, w: number, h: number, friction: number): BodySpec {
  return { id, kind, x, y, width: w, height: h, radius: 0, wheelRadius: 0, angle: 0, isStatic: true, friction, restitution: 0, density: 10, rollingResistance: 0, held: false, present: true, vx: 0, vy: 0 };
}

/** The object, drawn from the same kinds and ranges as the learner's experience (predictor/experience.ts). */
function drawObject(rng: Rng): BodySpec {
  const r = rng.next() * 2.6;
  const kind = r < 1 ? 'box' : r < 1.6 ? 'ball' : 'car';
  return objectSpec(rng, kind, kind);
}

/** Mirrors a world left–right (the push then goes toward −x), so that tasks face both ways. */
function mirror(world: WorldSpec): WorldSpec {
  return { ...world, bodies: world.bodies.map((b) => ({ ...b, x: world.width - b.x })) };
}

interface Draft {
  world: WorldSpec;
  object: BodySpec;
  runUp: number;
  platformHeight: number;
  /** Platform edge the object is pushed over (m, before mirroring). */
  edge: number;
}

function drawDraft(rng: Rng, family: TaskFamily): Draft {
  const object = drawObject(rng);
  const runUp = rng.uniform(...FAMILY[family].runUp);
  const platformHeight = rng.uniform(0.5, 1.5);
  const x0 = rng.uniform(0.2, 0.8);
  const platformWidth = runUp + object.width + rng.uniform(0.1, 0.9);
  const edge = x0 + platformWidth;
  object.x = edge - runUp - object.width / 2;
  object.y = FLOOR_TOP + platformHeight + object.height / 2;
  const bodies = [
    staticBody('floor', 'ground', WORLD_W / 2, FLOOR_TOP / 2, WORLD_W + 4, FLOOR_TOP, 0.6),
    staticBody('platform', 'platform', x0 + platformWidth / 2, FLOOR_TOP + platformHeight / 2, platformWidth, platformHeight, 0.6),
    object,
  ];
  const world: WorldSpec = { width: WORLD_W, height: WORLD_H, gravity: 9.81, substeps: 4, bodies, occluders: [], actions: [], violation: null, frames: PUSH_FRAME + HORIZON };
  return { world, object, runUp, platformHeight, edge };
}

const problemOf = (world: WorldSpec, objectId: string, zone: TargetZone, actions: ActionRange): PlanProblem =>
  ({ world, objectId, zone, actions, pushFrame: PUSH_FRAME, frames: HORIZON });

/** One task: draw a world, push it (without a basket) at a random speed, and put the basket where
 * the object comes down, shifted by up to 70% of the room it has; then the real simulation, basket
 * included, must put the object in with some push of a dense sweep (starting from that speed), or
 * the draw starts again. */
export function generateTask(family: TaskFamily, seed: number, index: number): PlanTask {
  const rule = FAMILY[family];
  const rng = createRng(mixSeed(seed, rule.stream, index));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const d = drawDraft(rng, family);
    const rimHeight = rng.uniform(0.12, 0.3);
    const room = rng.uniform(0.1, 0.4);
    const flip = rng.chance(0.5);
    const speed = rng.uniform(...SPEED);
    const lift = rule.lift[1] > rule.lift[0] ? rng.uniform(...rule.lift) : rule.lift[0];
    const shift = rng.uniform(-0.7, 0.7);
    // Where the pushed object comes down to rim height with no basket in the way.
    const probe = problemOf(d.world, d.object.id, { xMin: 0, xMax: 0, y: FLOOR_TOP, height: rimHeight }, { vx: SPEED, vy: rule.lift });
    const entry = simulatorEvaluator(probe)([{ vx: speed, vy: lift }])[0]!.verdict.entryX;
    if (entry === null) continue;
    const inner = d.object.width + room;
    const middle = entry + (shift * room) / 2;
    const zone: TargetZone = { xMin: middle - inner / 2, xMax: middle + inner / 2, y: FLOOR_TOP, height: rimHeight };
    if (zone.xMin - RIM_THICKNESS < d.edge + 0.1 || zone.xMax + RIM_THICKNESS > WORLD_W - 0.3) continue;
    const rims = [
      staticBody('rim-near', 'wall', zone.xMin - RIM_THICKNESS / 2, FLOOR_TOP + rimHeight / 2, RIM_THICKNESS, rimHeight, 0.3),
      staticBody('rim-far', 'wall', zone.xMax + RIM_THICKNESS / 2, FLOOR_TOP + rimHeight / 2, RIM_THICKNESS, rimHeight, 0.3),
    ];
    let world: WorldSpec = { ...d.world, bodies: [...d.world.bodies.slice(0, 2), ...rims, d.object] };
    let actions: ActionRange = { vx: [...SPEED], vy: [...rule.lift] };
    let finalZone = zone;
    if (flip) {
      world = mirror(world);
      actions = { vx: [-SPEED[1], -SPEED[0]], vy: [...rule.lift] };
      finalZone = { ...zone, xMin: WORLD_W - zone.xMax, xMax: WORLD_W - zone.xMin };
    }
    const problem = problemOf(world, d.object.id, finalZone, actions);
    const witness = findWitness(problem, { vx: flip ? -speed : speed, vy: lift });
    if (!witness) continue;
    return {
      ...problem, id: `${family}-${seed}-${index}`, family, seed, index, kind: d.object.kind as PlanTask['kind'],
      runUp: d.runUp, platformHeight: d.platformHeight, witness,
    };
  }
  throw new Error(`no solvable ${family} task after ${MAX_ATTEMPTS} draws (seed ${seed}, task ${index})`);
}

/** A grid over the push range: `n` values of each component that varies (cell centres). */
export function actionGrid(range: ActionRange, n: number): PlanAction[] {
  const values = (r: [number, number]): number[] => (r[1] > r[0] ? Array.from({ length: n }, (_, k) => r[0] + ((k + 0.5) / n) * (r[1] - r[0])) : [r[0]]);
  return values(range.vy).flatMap((vy) => values(range.vx).map((vx) => ({ vx, vy })));
}

/** The first push of a dense sweep over the range (nearest to `first` first) that succeeds, or null. */
function findWitness(problem: PlanProblem, first: PlanAction): PlanAction | null {
  const { vx, vy } = problem.actions;
  const scale = (a: PlanAction): number => distance((a.vx - first.vx) / (vx[1] - vx[0]), vy[1] > vy[0] ? (a.vy - first.vy) / (vy[1] - vy[0]) : 0);
  const sweep = actionGrid(problem.actions, vy[1] > vy[0] ? SWEEP_2D : SWEEP_1D).map((a, k) => ({ a, k, d: scale(a) }));
  sweep.sort((p, q) => p.d - q.d || p.k - q.k);
  for (const a of [first, ...sweep.map((s) => s.a)]) {
    if (executePlan(problem, a).success) return a;
  }
  return null;
}

export function generateTasks(family: TaskFamily, count: number, seed: number): PlanTask[] {
  return Array.from({ length: count }, (_, i) => generateTask(family, seed, i));
}
