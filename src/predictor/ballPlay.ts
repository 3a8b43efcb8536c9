// Ball play: training episodes of balls that roll far and keep rolling, launch one another, fly over
// one another, bounce off side walls and roll along or drop onto thin shelves (diet knob `ballPlay`).
// The default diet has almost none of this (docs/development.md, *Beyond support*).
import type { ActionSpec, BodySpec, WorldSpec } from '../sim/spec';
import type { Rng } from '../sim/rng';
import { DIET_RANGES as D } from '../scenes/dietRanges';

const WORLD_W = 8;
const FLOOR_TOP = 0.3;
const WALL_W = 0.14;

/** What happens between the first two balls on the floor. */
export type BallPlayEvent = 'launch' | 'toss-over' | 'long-roll';

/** Shares of the three events (they sum to 1). */
export const BALL_PLAY_EVENTS: Readonly<Record<BallPlayEvent, number>> = { launch: 0.5, 'toss-over': 0.2, 'long-roll': 0.3 };
/** Share of ball-play balls that slide without friction, as every rolling ball of the scenes does
 * (scenes/README.md: a polygon ball with friction bounces and slows erratically). */
export const FRICTIONLESS_BALLS = 0.8;
/** Share of ball-play episodes with a wall at each end of the floor, and with a thin shelf. */
export const SIDE_WALLS = 0.5;
export const THIN_SHELVES = 0.4;

const fixed = (id: string, kind: 'ground' | 'platform' | 'wall', x: number, y: number, w: number, h: number, restitution = 0): BodySpec => ({
  id, kind, x, y, width: w, height: h, radius: 0, wheelRadius: 0, angle: 0, isStatic: true,
  friction: 0.6, restitution, density: 10, rollingResistance: 0, held: false, present: true, vx: 0, vy: 0,
});

function ball(rng: Rng, id: string, radius: number, allFrictionless: boolean): BodySpec {
  const friction = rng.chance(FRICTIONLESS_BALLS) ? 0 : rng.uniform(D['ball-friction'].min, D['ball-friction'].max);
  return {
    id, kind: 'ball', x: 0, y: FLOOR_TOP + radius, width: radius * 2, height: radius * 2, radius, wheelRadius: 0, angle: 0, isStatic: false,
    friction: allFrictionless ? 0 : friction,
    restitution: rng.uniform(D['ball-play-restitution'].min, D['ball-play-restitution'].max),
    density: rng.uniform(D.density.min, D.density.max), rollingResistance: 0, held: false, present: true, vx: 0, vy: 0,
  };
}

function pickEvent(rng: Rng): BallPlayEvent {
  let r = rng.next();
  for (const e of Object.keys(BALL_PLAY_EVENTS) as BallPlayEvent[]) if ((r -= BALL_PLAY_EVENTS[e]) < 0) return e;
  return 'long-roll';
}

/** One ball-play episode of `frames` frames: a floor, maybe side walls and a thin shelf, one to
 * three balls, one of them set rolling at another (a launch), tossed over it, or rolled away.
 * `allFrictionless` (diet knob frictionlessBalls): every ball's friction 0, the same numbers drawn. */
export function ballPlayEpisode(rng: Rng, frames: number, allFrictionless = false): WorldSpec {
  const bodies: BodySpec[] = [fixed('floor', 'ground', WORLD_W / 2, FLOOR_TOP / 2, WORLD_W + 4, FLOOR_TOP)];
  let left = 0.2;
  let right = WORLD_W - 0.2;
  if (rng.chance(SIDE_WALLS)) {
    const h = rng.uniform(D['side-wall-height'].min, D['side-wall-height'].max);
    const restitution = rng.uniform(0, 0.6);
    const lx = rng.uniform(0.2, 1.2);
    const rx = rng.uniform(WORLD_W - 1.2, WORLD_W - 0.2);
    bodies.push(fixed('wall1', 'wall', lx, FLOOR_TOP + h / 2, WALL_W, h, restitution), fixed('wall2', 'wall', rx, FLOOR_TOP + h / 2, WALL_W, h, restitution));
    left = lx + WALL_W / 2;
    right = rx - WALL_W / 2;
  }
  const actions: ActionSpec[] = [];
  const placed: BodySpec[] = [];
  // The first two balls on the floor, `a` set moving, `b` at rest; half the time of one size, as in the scenes.
  const ra = rng.uniform(D['ball-radius'].min, D['ball-radius'].max);
  const rb = rng.chance(0.5) ? ra : rng.uniform(D['ball-radius'].min, D['ball-radius'].max);
  const a = ball(rng, 'ball1', ra, allFrictionless);
  const b = ball(rng, 'ball2', rb, allFrictionless);
  const event = pickEvent(rng);
  const gap = rng.uniform(D['ball-play-gap'].min, D['ball-play-gap'].max);
  const rightwards = rng.chance(0.5);
  const span = right - left;
  const need = ra + gap + 2 * rb;
  // a starts near one end; b lies `gap` beyond it (clear between them), toward the other end.
  const start = rng.uniform(0, Math.max(0, span - need - 2 * ra - 0.1));
  a.x = rightwards ? left + ra + 0.05 + start : right - ra - 0.05 - start;
  b.x = rightwards ? a.x + ra + gap + rb : a.x - ra - gap - rb;
  const dir = rightwards ? 1 : -1;
  const speed = rng.uniform(D['roll-speed'].min, D['roll-speed'].max);
  const at = rng.uniform(0.05, 0.6);
  // A long roll has nothing in its way but the far wall, if there is one.
  if (event !== 'long-roll' && b.x - rb > left && b.x + rb < right) placed.push(b);
  placed.push(a);
  const vy = event === 'toss-over' ? rng.uniform(D['toss-over-vy'].min, D['toss-over-vy'].max) : 0;
  actions.push({ type: 'push', body: a.id, at, vx: dir * speed, vy, by: 'hand' });
  if (rng.chance(THIN_SHELVES)) addThinShelf(rng, bodies, placed, actions, left, right, allFrictionless);
  return { width: WORLD_W, height: 4, gravity: 9.81, substeps: 4, bodies: [...bodies, ...placed], occluders: [], actions, violation: null, frames };
}

/** A thin shelf in the air (clear of the floor balls' paths by its height) with a third ball that
 * rolls along it and off its end, or is dropped onto it from above. */
function addThinShelf(rng: Rng, bodies: BodySpec[], placed: BodySpec[], actions: ActionSpec[], left: number, right: number, allFrictionless: boolean): void {
  const w = rng.uniform(D['thin-shelf-width'].min, D['thin-shelf-width'].max);
  const t = rng.uniform(D['thin-shelf-thickness'].min, D['thin-shelf-thickness'].max);
  const top = FLOOR_TOP + rng.uniform(D['thin-shelf-height'].min, D['thin-shelf-height'].max);
  if (right - left < w + 0.2) return;
  const x0 = rng.uniform(left + 0.1, right - 0.1 - w);
  // Never through a ball on the floor: the shelf's underside stays above every floor ball.
  if (placed.some((p) => p.y + p.radius > top - t - 0.05 && p.x + p.radius > x0 && p.x - p.radius < x0 + w)) return;
  bodies.push(fixed('shelf', 'platform', x0 + w / 2, top - t / 2, w, t));
  const c = ball(rng, 'ball3', rng.uniform(D['ball-radius'].min, Math.min(D['ball-radius'].max, w / 4)), allFrictionless);
  if (rng.chance(0.5)) {
    // Rolls along the shelf and off one end.
    const onRight = rng.chance(0.5);
    c.x = onRight ? x0 + w - c.radius - 0.02 : x0 + c.radius + 0.02;
    c.y = top + c.radius;
    actions.push({ type: 'push', body: c.id, at: rng.uniform(0.05, 0.8), vx: (onRight ? -1 : 1) * rng.uniform(D['roll-speed'].min, D['roll-speed'].max), vy: 0, by: 'hand' });
  } else {
    // Held above the shelf and let go: it lands on the thin shelf and stays there (or bounces off).
    c.x = rng.uniform(x0 + c.radius, x0 + w - c.radius);
    c.y = top + c.radius + rng.uniform(0.2, Math.max(0.25, 3.6 - top - 2 * c.radius));
    c.held = true;
    actions.push({ type: 'release', body: c.id, at: rng.uniform(0.05, 1.0) });
  }
  placed.push(c);
}
