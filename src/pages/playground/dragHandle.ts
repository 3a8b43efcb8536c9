// A matter-js MouseConstraint on one simulation's engine, driven by the page (not by DOM events),
// so that the same drag can be given to the scene, to the ideal observer's twin, and replayed.
import Matter from 'matter-js';
import type { Simulation } from '../../sim/simulation';

export class DragHandle {
  private readonly mouse: Matter.Mouse;
  private readonly mc: Matter.MouseConstraint;
  private readonly sim: Simulation;

  constructor(sim: Simulation) {
    this.sim = sim;
    // A detached element: the page feeds positions itself, in matter-js pixels.
    this.mouse = Matter.Mouse.create(document.createElement('div'));
    this.mouse.button = -1;
    this.mc = Matter.MouseConstraint.create(sim.engine, {
      mouse: this.mouse,
      constraint: { stiffness: 0.2, damping: 0.05, angularStiffness: 0 } as Matter.IConstraintDefinition,
    });
    // Never pick a body by itself: grab() says which one.
    this.mc.collisionFilter.mask = 0;
    Matter.Composite.add(sim.engine.world, this.mc);
  }

  get holding(): string | null {
    return this.mc.constraint.bodyB?.label ?? null;
  }

  grab(id: string, pointB: { x: number; y: number }, x: number, y: number): void {
    let body: Matter.Body;
    try {
      body = this.sim.get(id).body;
    } catch {
      return;
    }
    if (body.isStatic) return;
    this.moveTo(x, y);
    const c = this.mc.constraint;
    c.bodyB = body;
    this.mc.body = body;
    c.pointB = { x: pointB.x, y: pointB.y };
    (c as Matter.Constraint & { angleB: number }).angleB = body.angle;
    c.pointA = this.mouse.position;
    this.mouse.button = 0;
  }

  moveTo(x: number, y: number): void {
    this.mouse.position.x = x;
    this.mouse.position.y = y;
  }

  release(): void {
    this.mouse.button = -1;
    this.mc.constraint.bodyB = null;
    this.mc.body = null as unknown as Matter.Body;
  }
}
