// Objects a diet sets down on a platform, each with the platform it rests on and how far it dropped
// in the next 1.5 s of simulation: what the edge-rest and overhang tests inspect.
import { generateEpisode, type ExperienceDiet } from '../../../src/predictor/experience';
import type { BodySpec, WorldSpec } from '../../../src/sim/spec';
import { createRng } from '../../../src/sim/rng';
import { Simulation } from '../../../src/sim/simulation';

export interface PlatformRest { seed: number; world: WorldSpec; object: BodySpec; platform: BodySpec; drop: number }

/** Every moving object that starts on a platform's top, in episodes seeded 1…episodes. */
export function platformRests(diet: ExperienceDiet, episodes: number): PlatformRest[] {
  const out: PlatformRest[] = [];
  for (let seed = 1; seed <= episodes; seed++) {
    const world = generateEpisode(createRng(seed), diet);
    const platforms = world.bodies.filter((b) => b.kind === 'platform');
    const sim = new Simulation(world, 'possible');
    for (let f = 0; f < 90; f++) sim.step();
    const after = new Map(sim.snapshot().bodies.map((b) => [b.id, b]));
    for (const object of world.bodies.filter((b) => !b.isStatic)) {
      const platform = platforms.find((q) => Math.abs(object.y - object.height / 2 - (q.y + q.height / 2)) < 1e-9);
      if (platform) out.push({ seed, world, object, platform, drop: object.y - after.get(object.id)!.y });
    }
  }
  return out;
}
