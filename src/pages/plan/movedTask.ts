// Moves a task's basket along the floor: the zone, its two rim bodies (part of the world, so the
// simulator and the learners see them where they are drawn) and the push range toward it.
import { actionRangeToward, type PlanProblem, type TargetZone } from '../../experiment/planning/planProblem';
import type { PlanTask } from '../../experiment/planning/planTask';
import type { BodySpec } from '../../sim/spec';

/** The rim bodies generateTask puts at either side of the zone. */
const RIM_IDS = ['rim-near', 'rim-far'];
/** Room kept between the basket's outer side and the platform or the world's side (m). */
const CLEARANCE_M = 0.05;
const RIM_FALLBACK_M = 0.05;

export const zoneMiddle = (zone: TargetZone): number => (zone.xMin + zone.xMax) / 2;

/** Half the basket's outer width: the mouth plus a rim on each side. */
function outerHalf(task: PlanTask): number {
  const rim = task.world.bodies.find((b) => RIM_IDS.includes(b.id))?.width ?? RIM_FALLBACK_M;
  return (task.zone.xMax - task.zone.xMin) / 2 + rim;
}

/** The nearest middle to `x` where the whole basket stands on the floor inside the world and clear
 * of the platform (a basket that would overlap it goes to the platform's nearer side). */
export function clampMiddle(task: PlanTask, x: number): number {
  const half = outerHalf(task);
  const lo = half + CLEARANCE_M;
  const hi = task.world.width - half - CLEARANCE_M;
  let m = Math.min(hi, Math.max(lo, x));
  const platform = task.world.bodies.find((b) => b.kind === 'platform');
  if (platform) {
    const left = platform.x - platform.width / 2 - half - CLEARANCE_M;
    const right = platform.x + platform.width / 2 + half + CLEARANCE_M;
    if (m > left && m < right) {
      const nearerLeft = m - left <= right - m;
      m = (nearerLeft && left >= lo) || right > hi ? left : right;
    }
  }
  return m;
}

/** The task with its basket's middle at `x` (clamped, see clampMiddle): the rims and the zone
 * shifted alike, and the pushes pointed toward it (lifts as the task's family allows). The task's
 * `witness` no longer proves anything once the basket has moved. */
export function moveBasket(task: PlanTask, x: number): PlanProblem {
  const dx = clampMiddle(task, x) - zoneMiddle(task.zone);
  const zone: TargetZone = { ...task.zone, xMin: task.zone.xMin + dx, xMax: task.zone.xMax + dx };
  const bodies: BodySpec[] = task.world.bodies.map((b) => (RIM_IDS.includes(b.id) ? { ...b, x: b.x + dx } : b));
  const world = { ...task.world, bodies };
  const maxSpeed = Math.max(Math.abs(task.actions.vx[0]), Math.abs(task.actions.vx[1]));
  const actions = actionRangeToward(world, task.objectId, zone, maxSpeed, task.actions.vy[1]);
  return { world, objectId: task.objectId, zone, actions, pushFrame: task.pushFrame, frames: task.frames };
}

/** Whether a problem's basket is where its task put it. */
export const isMoved = (task: PlanTask, problem: PlanProblem): boolean => Math.abs(zoneMiddle(problem.zone) - zoneMiddle(task.zone)) > 1e-9;
