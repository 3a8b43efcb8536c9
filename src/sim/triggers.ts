// When a violation's trigger fires: tested at the start of every step until it fires once.
import type { OccluderSpec, TriggerSpec } from './spec';
import type { BodyState, SimEvent } from './snapshot';
import { insideRect, occluderRectAt } from './occluders';
import { STEP_S } from './units';
import { unreachable } from './exhaustive';

/** What a trigger may look at: the frame, the events so far and any body's current state. */
export interface TriggerContext {
  frame: number;
  events: readonly SimEvent[];
  state(id: string): BodyState;
  /** True when the two bodies touched during the last step (at any of its sub-steps). */
  touching(a: string, b: string): boolean;
}

/** A body "at rest" also turns slower than this (rad/s). */
export const REST_SPIN = 0.5;

/** One watch per trigger (a trigger remembers what it saw at earlier tests). */
export class TriggerWatch {
  /** reaches-x: the side of x the body was on at the first test (−1 left, +1 right). */
  private side: number | null = null;
  /** leaves-occluder: seen inside at an earlier test; comes-to-rest: seen moving at an earlier test. */
  private seen = false;

  constructor(private readonly trigger: TriggerSpec, private readonly bodyId: string, private readonly occluders: readonly OccluderSpec[]) {}

  fires(ctx: TriggerContext): boolean {
    const t = this.trigger;
    switch (t.on) {
      case 'time':
        return ctx.frame >= Math.round(t.at / STEP_S);
      case 'loses-support':
        return ctx.events.some((e) => e.kind === 'loses-support' && e.body === this.bodyId);
      case 'enters-occluder':
        return this.hiddenBy(t.occluder, ctx);
      case 'leaves-occluder': {
        const inside = this.hiddenBy(t.occluder, ctx);
        if (inside) this.seen = true;
        return !inside && this.seen;
      }
      case 'reaches-x': {
        // From whichever side it starts: rightward motion fires at x ≥ X, leftward at x ≤ X (a
        // mirrored scene keeps its onset).
        const x = ctx.state(this.bodyId).x;
        if (this.side === null) this.side = x < t.x ? -1 : x > t.x ? 1 : 0;
        return this.side < 0 ? x >= t.x : x <= t.x;
      }
      case 'comes-to-rest': {
        const s = ctx.state(this.bodyId);
        // Squares, not Math.hypot: engines need not round hypot alike.
        const still = s.vx * s.vx + s.vy * s.vy < t.below * t.below && Math.abs(s.angularVelocity) < REST_SPIN;
        if (!still) this.seen = true;
        return still && this.seen;
      }
      case 'contact':
        return ctx.touching(this.bodyId, t.other);
      default:
        return unreachable(t, 'trigger');
    }
  }

  private hiddenBy(occluderId: string, ctx: TriggerContext): boolean {
    const o = this.occluders.find((c) => c.id === occluderId);
    if (!o) throw new Error(`no occluder with id "${occluderId}"`);
    const s = ctx.state(this.bodyId);
    return insideRect(s.x, s.y, occluderRectAt(o, ctx.frame));
  }
}
