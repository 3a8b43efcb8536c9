// Resets matter-js's module-level counters so every build starts from the same ids and seeds.
import Matter from 'matter-js';

/** matter-js keeps ids, its own seed and collision-group counters in module globals; a world built
 * after another would otherwise differ in ids (and pair ordering, so in contact resolution order). */
export function resetMatterGlobals(): void {
  restoreMatterGlobals({ nextId: 0, seed: 0, colliding: 1, nonColliding: -1, category: 0x0001 });
}

/** matter-js's module-level counters, as saveMatterGlobals reads them. */
export interface MatterGlobals { nextId: number; seed: number; colliding: number; nonColliding: number; category: number }

/** The counters now: a scratch world built in the middle of a trial (sim/hitOutcome.ts) restores
 * them after, so the trial's own later bodies get the ids they would have had. */
export function saveMatterGlobals(): MatterGlobals {
  const common = Matter.Common as unknown as { _nextId: number; _seed: number };
  const body = Matter.Body as unknown as { _nextCollidingGroupId: number; _nextNonCollidingGroupId: number; _nextCategory: number };
  return { nextId: common._nextId, seed: common._seed, colliding: body._nextCollidingGroupId, nonColliding: body._nextNonCollidingGroupId, category: body._nextCategory };
}

export function restoreMatterGlobals(g: MatterGlobals): void {
  const common = Matter.Common as unknown as { _nextId: number; _seed: number };
  common._nextId = g.nextId;
  common._seed = g.seed;
  const body = Matter.Body as unknown as {
    _nextCollidingGroupId: number;
    _nextNonCollidingGroupId: number;
    _nextCategory: number;
  };
  body._nextCollidingGroupId = g.colliding;
  body._nextNonCollidingGroupId = g.nonColliding;
  body._nextCategory = g.category;
}
