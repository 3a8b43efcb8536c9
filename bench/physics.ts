// Physics benchmark: the cost of one 1/60 s simulation step (all its sub-steps) for two scenes.
import { readFileSync } from 'node:fs';
import { parseSceneText, parseSceneValue } from '../src/scenes/parse';
import { resolveScene } from '../src/scenes/resolve';
import type { SceneFile } from '../src/scenes/schema';
import { createRng } from '../src/sim/rng';
import { Simulation } from '../src/sim/simulation';
import type { Condition } from '../src/sim/spec';

export interface StepCost {
  scene: string;
  bodies: number;
  substeps: number;
  /** Per-step wall time, microseconds. */
  medianUs: number;
  p10Us: number;
  p90Us: number;
  /** 1e6 / median: steps one core can run per second. */
  stepsPerSecond: number;
  /** How many timed steps the figures come from. */
  samples: number;
}

export interface PhysicsBenchOptions {
  /** Timed steps per scene, at least (whole trials are run). */
  minSteps?: number;
  /** Stop adding trials after this long per scene, milliseconds. */
  budgetMs?: number;
}

/** A crowded scene: `count` boxes and balls of seeded sizes dropped in a loose grid between two walls. */
export function crowdScene(count: number, seed = 1): SceneFile {
  const rng = createRng(seed);
  const columns = 10;
  const bodies: unknown[] = [
    { id: 'floor', kind: 'ground', x: 5, y: 0.15, width: 10, height: 0.3 },
    { id: 'left', kind: 'wall', x: 0.1, y: 3.5, width: 0.2, height: 6.4 },
    { id: 'right', kind: 'wall', x: 9.9, y: 3.5, width: 0.2, height: 6.4 },
  ];
  for (let i = 0; i < count; i++) {
    const x = 0.8 + (i % columns) * 0.92 + rng.uniform(-0.1, 0.1);
    const y = 0.9 + Math.floor(i / columns) * 0.7;
    const size = rng.uniform(0.25, 0.45);
    bodies.push(i % 2 === 0
      ? { id: `box${i}`, kind: 'box', x, y, width: size, height: size * rng.uniform(0.7, 1.3), angle: rng.uniform(-0.5, 0.5), friction: 0.3 }
      : { id: `ball${i}`, kind: 'ball', x, y, radius: size / 2, restitution: 0.3 });
  }
  return parseSceneValue({
    format: 1, id: `crowd-${count}`, title: `${count} falling bodies`, concept: 'free-play',
    study: { citation: 'none: a benchmark' },
    world: { width: 10, height: 7, gravity: 9.81, substeps: 4 },
    duration: 4, bodies,
  }, `crowd-${count}`);
}

/** Times every step of whole trials, after one untimed warm-up trial. */
export function measureSteps(name: string, scene: SceneFile, condition: Condition, options: PhysicsBenchOptions = {}): StepCost {
  const minSteps = options.minSteps ?? 2000;
  const budgetMs = options.budgetMs ?? 1500;
  const { world } = resolveScene(scene);
  const trial = (times: number[] | null): void => {
    const sim = new Simulation(world, condition);
    for (let i = 0; i < world.frames; i++) {
      const start = performance.now();
      sim.step();
      times?.push(performance.now() - start);
    }
  };
  trial(null);
  const times: number[] = [];
  const began = performance.now();
  do trial(times);
  while (times.length < minSteps && performance.now() - began < budgetMs);
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 1000;
  const medianUs = at(0.5);
  return {
    scene: name, bodies: world.bodies.length, substeps: world.substeps,
    medianUs, p10Us: at(0.1), p90Us: at(0.9), stepsPerSecond: 1e6 / medianUs, samples: times.length,
  };
}

export function benchPhysics(options: PhysicsBenchOptions = {}): StepCost[] {
  const carFile = new URL('../scenes/car-off-platform.json', import.meta.url);
  const car = parseSceneText(readFileSync(carFile, 'utf8'), 'scenes/car-off-platform.json');
  return [
    measureSteps('car-off-platform (possible)', car, 'possible', options),
    measureSteps('car-off-platform (impossible)', car, 'impossible', options),
    measureSteps('50 falling bodies', crowdScene(50), 'possible', options),
  ];
}

export function formatStepCosts(rows: readonly StepCost[]): string {
  const header = ['scene', 'bodies', 'µs/step (median)', 'p10–p90 µs', 'steps/s', 'samples'];
  const cells = rows.map((r) => [
    r.scene, String(r.bodies), r.medianUs.toFixed(1), `${r.p10Us.toFixed(0)}–${r.p90Us.toFixed(0)}`,
    Math.round(r.stepsPerSecond).toLocaleString('en-US'), String(r.samples),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]): string => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [line(header), ...cells.map(line)].join('\n');
}
