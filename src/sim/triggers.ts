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
}

export class TriggerWatch {
  /** body|occluder keys of bodies seen inside an occluder at an earlier test. */
  private readonly seenInside = new Set<string>();

  constructor(private readonly occluders: readonly OccluderSpec[]) {}

  fires(trigger: TriggerSpec, bodyId: string, ctx: TriggerContext): boolean {
    switch (trigger.on) {
      case 'time':
        return ctx.frame >= Math.round(trigger.at / STEP_S);
      case 'loses-support':
        return ctx.events.some((e) => e.kind === 'loses-support' && e.body === bodyId);
      case 'enters-occluder':
        return this.hiddenBy(bodyId, trigger.occluder, ctx);
      case 'leaves-occluder': {
        const key = `${bodyId}|${trigger.occluder}`;
        const inside = this.hiddenBy(bodyId, trigger.occluder, ctx);
        if (inside) this.seenInside.add(key);
        return !inside && this.seenInside.has(key);
      }
      case 'reaches-x':
        return ctx.state(bodyId).x >= trigger.x;
      default:
        return unreachable(trigger, 'trigger');
    }
  }

  private hiddenBy(bodyId: string, occluderId: string, ctx: TriggerContext): boolean {
    const o = this.occluders.find((c) => c.id === occluderId);
    if (!o) throw new Error(`no occluder with id "${occluderId}"`);
    const s = ctx.state(bodyId);
    return insideRect(s.x, s.y, occluderRectAt(o, ctx.frame));
  }
}
