// The learner's experience: seeded, procedural episodes of normal physics (never a violation,
// never an evaluation scene), and which of their frames the learner gets to watch.
import type { BodySpec, WorldSpec, ActionSpec, OccluderSpec } from '../sim/spec';
import type { Rng } from '../sim/rng';
import { Simulation } from '../sim/simulation';
import { exp, log } from '../sim/portableMath';
import { observe, type Observation } from './observation';
import { DIET_RANGES as D } from '../scenes/dietRanges';
import { changesSupport, forgetHeld, pivots, startsToTip } from './supportFrames';
import { mirrorTransition } from './mirror';
import { ballPlayEpisode } from './ballPlay';
import { addCarry } from './carries';
import { trueFuture, type TrueFuture } from './trueFutures';

export { DEFAULT_DIET, type ExperienceDiet } from './experienceDiet';
import type { ExperienceDiet } from './experienceDiet';

/** One watched transition: the observation at t and each object's velocity change to t+1. */
export interface Transition {
  obs: Observation;
  /** [objects × 3]: Δvx, Δvy (m/s), Δω (rad/s); NaN where the object is not seen at t+1. */
  dv: Float32Array;
  /** The next frames' true positions, kept only for the rollout loss (`train --rollout-loss K`). */
  future?: TrueFuture;
}

const WORLD_W = 8;
const FLOOR_TOP = 0.3;

interface Surface { x0: number; x1: number; top: number; occupied: [number, number][] }

function pickKind(rng: Rng, kinds: ExperienceDiet['kinds']): 'box' | 'ball' | 'car' {
  const total = kinds.box + kinds.ball + kinds.car;
  let r = rng.next() * total;
  if ((r -= kinds.box) < 0) return 'box';
  if ((r -= kinds.ball) < 0) return 'ball';
  return 'car';
}

/** A movable object of one kind with size, density, friction and bounce drawn from the diet's ranges. */
export function objectSpec(rng: Rng, id: string, kind: 'box' | 'ball' | 'car'): BodySpec {
  const base: BodySpec = {
    id, kind, x: 0, y: 0, width: 0, height: 0, radius: 0, wheelRadius: 0, angle: 0, isStatic: false,
    friction: 0, restitution: 0, density: rng.uniform(D.density.min, D.density.max), rollingResistance: 0, held: false, present: true, vx: 0, vy: 0,
  };
  if (kind === 'box') {
    base.width = rng.uniform(D['box-size'].min, D['box-size'].max);
    base.height = rng.uniform(D['box-size'].min, D['box-size'].max);
    base.friction = rng.chance(0.6) ? rng.uniform(D['box-friction-low'].min, D['box-friction-low'].max) : rng.uniform(D['box-friction'].min, D['box-friction'].max);
    base.restitution = rng.uniform(D['box-restitution'].min, D['box-restitution'].max);
  } else if (kind === 'ball') {
    base.radius = rng.uniform(D['ball-radius'].min, D['ball-radius'].max);
    base.width = base.height = base.radius * 2;
    base.friction = rng.uniform(D['ball-friction'].min, D['ball-friction'].max);
    base.restitution = rng.uniform(D['ball-restitution'].min, D['ball-restitution'].max);
  } else {
    base.width = rng.uniform(D['car-width'].min, D['car-width'].max);
    base.height = rng.uniform(D['car-height'].min, D['car-height'].max) * Math.min(1, base.width / 0.35);
    base.height = Math.min(base.height, base.width * 0.7);
    base.wheelRadius = base.height * rng.uniform(D['car-wheel-share'].min, D['car-wheel-share'].max);
    base.friction = 0;
    base.rollingResistance = rng.uniform(D['car-rolling-resistance'].min, D['car-rolling-resistance'].max);
  }
  return base;
}

/** Builds one episode's world. Objects never start overlapping. */
export function generateEpisode(rng: Rng, diet: ExperienceDiet): WorldSpec {
  if ((diet.ballPlay ?? 0) > 0 && rng.chance(diet.ballPlay!)) return ballPlayEpisode(rng, diet.episodeFrames, diet.frictionlessBalls);
  const bodies: BodySpec[] = [];
  const staticBody = (id: string, kind: 'ground' | 'platform', x: number, y: number, w: number, h: number): BodySpec => ({
    id, kind, x, y, width: w, height: h, radius: 0, wheelRadius: 0, angle: 0, isStatic: true,
    friction: 0.6, restitution: 0, density: 10, rollingResistance: 0, held: false, present: true, vx: 0, vy: 0,
  });
  bodies.push(staticBody('floor', 'ground', WORLD_W / 2, FLOOR_TOP / 2, WORLD_W + 4, FLOOR_TOP));
  const surfaces: Surface[] = [{ x0: 0.2, x1: WORLD_W - 0.2, top: FLOOR_TOP, occupied: [] }];
  const nPlatforms = rng.int(diet.platforms[0], diet.platforms[1]);
  for (let p = 0; p < nPlatforms; p++) {
    for (let attempt = 0; attempt < 10; attempt++) {
      const w = rng.uniform(D['platform-width'].min, D['platform-width'].max);
      const low = p === 0 && (diet.lowSteps ?? 0) > 0 && rng.chance(diet.lowSteps!);
      const h = low ? rng.uniform(D['low-step-height'].min, D['low-step-height'].max) : rng.uniform(D['platform-height'].min, D['platform-height'].max);
      const x0 = rng.uniform(0.2, WORLD_W - 0.2 - w);
      if (surfaces.slice(1).some((s) => x0 < s.x1 + 0.3 && x0 + w > s.x0 - 0.3)) continue;
      bodies.push(staticBody(`platform${p + 1}`, 'platform', x0 + w / 2, FLOOR_TOP + h / 2, w, h));
      surfaces.push({ x0, x1: x0 + w, top: FLOOR_TOP + h, occupied: [] });
      surfaces[0]!.occupied.push([x0, x0 + w]);
      break;
    }
  }
  if ((diet.lowerShelves ?? 0) > 0 && surfaces.length > 1 && rng.chance(diet.lowerShelves!)) addLowerShelf(rng, bodies, surfaces, staticBody);
  const actions: ActionSpec[] = [];
  const nObjects = rng.int(diet.objects[0], diet.objects[1]);
  const placed: BodySpec[] = [];
  for (let k = 0; k < nObjects; k++) {
    const o = objectSpec(rng, `object${k + 1}`, pickKind(rng, diet.kinds));
    if (diet.frictionlessBalls && o.kind === 'ball') o.friction = 0;
    const r = rng.next();
    if (r < diet.drops || r < diet.drops + diet.tosses) {
      // In the air: held still and let go, or thrown.
      o.x = rng.uniform(0.5, WORLD_W - 0.5);
      o.y = FLOOR_TOP + rng.uniform(D['drop-height'].min, D['drop-height'].max);
      if (placed.some((q) => Math.abs(q.x - o.x) < (q.width + o.width) / 2 + 0.05 && Math.abs(q.y - o.y) < (q.height + o.height) / 2 + 0.05)) continue;
      // Never start inside a platform.
      if (bodies.some((b) => b.isStatic && Math.abs(b.x - o.x) < (b.width + o.width) / 2 && Math.abs(b.y - o.y) < (b.height + o.height) / 2)) continue;
      if (r < diet.drops) {
        o.held = true;
        actions.push({ type: 'release', body: o.id, at: rng.uniform(0.05, 1.2) });
      } else {
        o.vx = rng.uniform(D['toss-vx'].min, D['toss-vx'].max);
        o.vy = rng.uniform(D['toss-vy'].min, D['toss-vy'].max);
      }
      placed.push(o);
      continue;
    }
    const surface = surfaces.length > 1 && rng.chance(diet.onPlatform) ? rng.pick(surfaces.slice(1)) : surfaces[0]!;
    if (surface !== surfaces[0] && (diet.edgeRests ?? 0) > 0 && rng.chance(diet.edgeRests!)) {
      if (placeAtEdge(rng, o, surface, bodies, diet.edgeRestReach ?? 0.75)) placed.push(o);
      continue;
    }
    const span = surface.x1 - surface.x0 - o.width;
    if (span <= 0) continue;
    let ok = false;
    for (let attempt = 0; attempt < 8 && !ok; attempt++) {
      const x = surface.x0 + o.width / 2 + rng.next() * span;
      if (surface.occupied.some(([a, b]) => x + o.width / 2 > a - 0.05 && x - o.width / 2 < b + 0.05)) continue;
      o.x = x;
      ok = true;
    }
    if (!ok) continue;
    o.y = surface.top + o.height / 2;
    surface.occupied.push([o.x - o.width / 2, o.x + o.width / 2]);
    placed.push(o);
    if (diet.lowDrops && rng.chance(diet.lowDrops)) {
      // Held just above its surface and let go: a short fall and a landing (no push).
      o.y += rng.uniform(D['low-drop-height'].min, D['low-drop-height'].max);
      o.held = true;
      actions.push({ type: 'release', body: o.id, at: rng.uniform(0.05, 1.2) });
      continue;
    }
    // A push: toward the nearest edge (falls), at any speed from a creep to a shove.
    if (rng.chance(0.85)) {
      const towardEdge = rng.chance(diet.edgePushes);
      const dir = towardEdge ? (o.x - surface.x0 < surface.x1 - o.x ? -1 : 1) : rng.chance(0.5) ? -1 : 1;
      const speed = exp(rng.uniform(log(D['push-speed'].min), log(D['push-speed'].max)));
      actions.push({ type: 'push', body: o.id, at: rng.uniform(0.05, 1.0), vx: dir * speed, vy: 0, by: 'hand' });
    }
  }
  if (placed.length >= 2 && rng.chance(diet.collisions)) {
    const [a, b] = [placed[0]!, placed[1]!];
    const dir = Math.sign(b.x - a.x) || 1;
    actions.push({ type: 'push', body: a.id, at: rng.uniform(0.05, 0.6), vx: dir * rng.uniform(D['collision-speed'].min, D['collision-speed'].max), vy: 0, by: 'hand' });
  }
  const occluders: OccluderSpec[] = [];
  const occlusion = diet.occlusion ?? 0;
  if (occlusion > 0 && rng.chance(occlusion)) {
    // A screen on the floor: whatever passes behind it (its centre inside) is not seen.
    const w = rng.uniform(0.6, 1.6);
    const h = rng.uniform(0.8, 2.2);
    occluders.push({ id: 'screen1', x: rng.uniform(0.3 + w / 2, WORLD_W - 0.3 - w / 2), y: FLOOR_TOP + h / 2, width: w, height: h });
  }
  // Drawn last, and only when the knob is on, so diets without it play exactly the worlds they did before.
  const carries = diet.carries ?? 0;
  if (carries > 0 && rng.chance(carries)) addCarry(rng, objectSpec(rng, `object${nObjects + 1}`, 'box'), surfaces, bodies, placed, actions, WORLD_W);
  return {
    width: WORLD_W, height: 4, gravity: 9.81, substeps: 4,
    bodies: [...bodies, ...placed], occluders, actions, violation: null, frames: diet.episodeFrames,
  };
}

/** Sets `o` down straddling one edge of `surface`, a random share (0–3/4) of its width beyond it;
 * false (nothing placed) where that spot is taken or runs into another static body. */
function placeAtEdge(rng: Rng, o: BodySpec, surface: Surface, bodies: readonly BodySpec[], reach: number): boolean {
  const right = rng.chance(0.5);
  const beyond = rng.uniform(0, reach) * o.width;
  o.x = right ? surface.x1 - o.width / 2 + beyond : surface.x0 + o.width / 2 - beyond;
  o.y = surface.top + o.height / 2;
  if (surface.occupied.some(([a, b]) => o.x + o.width / 2 > a - 0.05 && o.x - o.width / 2 < b + 0.05)) return false;
  const margin = 1e-6;
  if (bodies.some((b) => b.isStatic && Math.abs(b.x - o.x) < (b.width + o.width) / 2 - margin && Math.abs(b.y - o.y) < (b.height + o.height) / 2 - margin)) return false;
  surface.occupied.push([o.x - o.width / 2, o.x + o.width / 2]);
  return true;
}

/** A shelf abutting the first platform, its top a short drop below the platform's, on whichever
 * side has room (the other platforms keep their 0.3 m clearance); none when neither side has. */
function addLowerShelf(rng: Rng, bodies: BodySpec[], surfaces: Surface[],
  staticBody: (id: string, kind: 'ground' | 'platform', x: number, y: number, w: number, h: number) => BodySpec): void {
  const first = surfaces[1]!;
  const top = first.top - rng.uniform(D['shelf-drop'].min, D['shelf-drop'].max);
  const w = rng.uniform(D['platform-width'].min, D['platform-width'].max);
  const right = rng.chance(0.5);
  if (top - FLOOR_TOP < 0.05) return;
  for (const side of right ? [1, -1] : [-1, 1]) {
    const x0 = side > 0 ? first.x1 : first.x0 - w;
    if (x0 < 0.2 || x0 + w > WORLD_W - 0.2) continue;
    if (surfaces.slice(2).some((s) => x0 < s.x1 + 0.3 && x0 + w > s.x0 - 0.3)) continue;
    bodies.push(staticBody('shelf', 'platform', x0 + w / 2, (FLOOR_TOP + top) / 2, w, top - FLOOR_TOP));
    surfaces.push({ x0, x1: x0 + w, top, occupied: [] });
    surfaces[0]!.occupied.push([x0, x0 + w]);
    return;
  }
}

/** Sees a whole episode as it was played (for a thumbnail of what the learner watches). */
export type EpisodeWatcher = (frames: readonly Observation[], spec: WorldSpec) => void;

/** A frame worth watching (the diet's eventFocus picks these): some moving object changes its
 * velocity by more than 0.02 m/s, or moves up or down faster than 0.05 m/s. */
export function changesMotion(tr: Transition): boolean {
  return tr.obs.some((o, i) => !o.isStatic && (Math.abs(tr.dv[i * 3]!) + Math.abs(tr.dv[i * 3 + 1]!) > 0.02 || Math.abs(o.vy) > 0.05));
}

export { changesSupport } from './supportFrames';

/** Runs an episode and returns the transitions the learner watches; with `futureSteps` K > 0, each
 * that has K frames after it in the episode carries them (trueFutures.ts). No random number depends on it. */
export function watchEpisode(rng: Rng, diet: ExperienceDiet, seen?: EpisodeWatcher, futureSteps = 0): Transition[] {
  const spec = generateEpisode(rng, diet);
  const sim = new Simulation(spec, 'possible');
  const frames: Observation[] = [observe(sim.snapshot())];
  // heldThrough[t]: ids still held after step t → t+1, so held through the whole of it.
  const heldThrough: Set<string>[] = [];
  const heldIds = spec.bodies.filter((b) => b.held).map((b) => b.id);
  for (let f = 0; f < spec.frames; f++) {
    sim.step();
    frames.push(observe(sim.snapshot()));
    if (diet.skipHeld) heldThrough.push(new Set(heldIds.filter((id) => sim.isHeld(id))));
  }
  seen?.(frames, spec);
  const all: Transition[] = [];
  const active: number[] = [];
  const supportChanges: number[] = [];
  const tips: number[] = [];
  const pivoting: number[] = [];
  for (let t = 0; t + 1 < frames.length; t++) {
    const tr = transition(frames[t]!, frames[t + 1]!);
    if (diet.skipHeld) forgetHeld(tr, heldThrough[t]!);
    all.push(tr);
    if (changesMotion(tr)) active.push(t);
    if (diet.supportFocus && changesSupport(tr)) supportChanges.push(t);
    if (diet.tipFocus && startsToTip(tr)) tips.push(t);
    if (diet.pivotFocus && pivots(tr)) pivoting.push(t);
  }
  const chosen: Transition[] = [];
  const take = (t: number): Transition => {
    const tr = all[t]!;
    if (futureSteps > 0 && !tr.future) {
      const future = trueFuture(frames, t, futureSteps, diet.skipHeld ? heldThrough : undefined);
      if (future) tr.future = future;
    }
    return tr;
  };
  for (let k = 0; k < diet.framesPerEpisode; k++) {
    if (diet.supportFocus && supportChanges.length > 0 && rng.chance(diet.supportFocus)) {
      chosen.push(take(rng.pick(supportChanges)));
      continue;
    }
    if (diet.tipFocus && tips.length > 0 && rng.chance(diet.tipFocus)) {
      chosen.push(take(rng.pick(tips)));
      continue;
    }
    if (diet.pivotFocus && pivoting.length > 0 && rng.chance(diet.pivotFocus)) {
      chosen.push(take(rng.pick(pivoting)));
      continue;
    }
    const fromEvents = active.length > 0 && rng.chance(diet.eventFocus);
    const t = fromEvents ? rng.pick(active) : rng.int(0, all.length - 1);
    chosen.push(take(t));
  }
  // Drawn last, and only when the knob is on, so diets without it see exactly what they did before.
  const mirror = diet.mirror ?? 0;
  if (mirror > 0 && rng.chance(mirror)) return chosen.map((tr) => mirrorTransition(tr, spec.width / 2));
  return chosen;
}

export function transition(now: Observation, next: Observation): Transition {
  const dv = new Float32Array(now.length * 3).fill(NaN);
  now.forEach((o, i) => {
    if (o.isStatic) return;
    const n = next.find((q) => q.id === o.id);
    if (!n) return;
    dv[i * 3] = n.vx - o.vx;
    dv[i * 3 + 1] = n.vy - o.vy;
    dv[i * 3 + 2] = n.angularVelocity - o.angularVelocity;
  });
  return { obs: now, dv };
}
