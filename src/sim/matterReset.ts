// Resets matter-js's module-level counters so every build starts from the same ids and seeds.
import Matter from 'matter-js';

/** matter-js keeps ids, its own seed and collision-group counters in module globals; a world built
 * after another would otherwise differ in ids (and pair ordering, so in contact resolution order). */
export function resetMatterGlobals(): void {
  const common = Matter.Common as unknown as { _nextId: number; _seed: number };
  common._nextId = 0;
  common._seed = 0;
  const body = Matter.Body as unknown as {
    _nextCollidingGroupId: number;
    _nextNonCollidingGroupId: number;
    _nextCategory: number;
  };
  body._nextCollidingGroupId = 1;
  body._nextNonCollidingGroupId = -1;
  body._nextCategory = 0x0001;
}
