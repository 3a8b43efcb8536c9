// Runs work on the twin world without touching matter-js's module-level counters (ids, seed,
// collision groups) as the scene's world sees them: so the scene's ids, and therefore its physics,
// are the same whether or not the twin runs, and a re-simulation matches the live run exactly.
import Matter from 'matter-js';

type Counters = { _nextId: number; _seed: number; _nextCollidingGroupId: number; _nextNonCollidingGroupId: number; _nextCategory: number };

export function isolatedGlobals<T>(work: () => T): T {
  const common = Matter.Common as unknown as Pick<Counters, '_nextId' | '_seed'>;
  const body = Matter.Body as unknown as Omit<Counters, '_nextId' | '_seed'>;
  const saved: Counters = {
    _nextId: common._nextId, _seed: common._seed, _nextCollidingGroupId: body._nextCollidingGroupId,
    _nextNonCollidingGroupId: body._nextNonCollidingGroupId, _nextCategory: body._nextCategory,
  };
  try {
    return work();
  } finally {
    common._nextId = saved._nextId;
    common._seed = saved._seed;
    body._nextCollidingGroupId = saved._nextCollidingGroupId;
    body._nextNonCollidingGroupId = saved._nextNonCollidingGroupId;
    body._nextCategory = saved._nextCategory;
  }
}
