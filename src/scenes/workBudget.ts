// How much simulating a scene costs, and the cap on it: a legal scene of a thousand boxes piled into
// one spot would otherwise take minutes per second of scene. Pure: counts, no timing.
import type { WorldSpec } from '../sim/spec';

/** The cap on `work` (see sceneWork): body-substeps, a pair of bodies that overlap at the start counting
 * as one more body (each such pair is a contact matter-js resolves every substep). About a minute of
 * simulation on a laptop core (1,000 spaced boxes: ~0.03 ms per body per frame at 4 substeps). */
export const MAX_SCENE_WORK = 8_000_000;
/** Above this much work, the CLI shows a progress line while it simulates. */
export const PROGRESS_WORK = 400_000;

export interface SceneWork {
  bodies: number;
  /** Pairs of present bodies (at least one movable) whose boxes overlap at frame 0 by more than 1%. */
  overlappingPairs: number;
  /** Physics substeps: frames × substeps. */
  substeps: number;
  /** substeps × (bodies + overlappingPairs). */
  work: number;
}

/** Half extents of the axis-aligned box around a body at its angle (circumscribed when turned). */
function halfBox(b: WorldSpec['bodies'][number]): { ex: number; ey: number } {
  if (b.kind === 'ball' || b.angle === 0) return { ex: b.width / 2, ey: b.height / 2 };
  const r = Math.hypot(b.width, b.height) / 2;
  return { ex: r, ey: r };
}

export function sceneWork(world: WorldSpec, frames = world.frames): SceneWork {
  const present = world.bodies.filter((b) => b.present);
  const boxes = present.map((b) => ({ ...halfBox(b), x: b.x, y: b.y, isStatic: b.isStatic, size: Math.min(b.width, b.height) }));
  let overlappingPairs = 0;
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j]!;
      if (a.isStatic && b.isStatic) continue;
      const slack = 0.01 * Math.min(a.size, b.size);
      if (a.ex + b.ex - Math.abs(a.x - b.x) > slack && a.ey + b.ey - Math.abs(a.y - b.y) > slack) overlappingPairs++;
    }
  }
  const substeps = frames * Math.max(1, world.substeps);
  return { bodies: world.bodies.length, overlappingPairs, substeps, work: substeps * (world.bodies.length + overlappingPairs) };
}

/** Why a scene is over budget, or null when it is within it. */
export function workProblem(w: SceneWork): string | null {
  if (w.work <= MAX_SCENE_WORK) return null;
  const pairs = w.overlappingPairs > 0 ? ` + ${w.overlappingPairs} pairs of bodies overlapping at the start` : '';
  return `too much to simulate: ${w.substeps} substeps × (${w.bodies} bodies${pairs}) = ${w.work.toExponential(2)} body-substeps; `
    + `at most ${MAX_SCENE_WORK.toExponential(0)} (scenes/README.md, "Limits"): use fewer bodies, a shorter duration or fewer substeps, and do not pile bodies into one place`;
}
