// When a violation's trigger fires: tested at the start of every step until it fires once; one
// registry entry per kind of trigger.
import type { OccluderSpec, TriggerSpec } from './spec';
import type { BodyState, SimEvent } from './snapshot';
import { insideRect, occluderRectAt } from './occluders';
import { STEP_S } from './units';

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

type TriggerType = TriggerSpec['on'];
/** A trigger of kind K, narrowed. */
export type TriggerOf<K extends TriggerType> = Extract<TriggerSpec, { on: K }>;

/** What a trigger test knows besides the context: whose trigger it is, the screens, and what the
 * trigger remembers between tests. */
interface TriggerTest {
  body: string;
  occluders: readonly OccluderSpec[];
  /** reaches-x: the side of x the body was on at the first test (−1 left, +1 right). */
  side: number | null;
  /** leaves-occluder: seen inside at an earlier test; comes-to-rest: seen moving at an earlier test. */
  seen: boolean;
  /** When it fires: how far into the coming step its moment lies (0 to 1); 0 unless `interpolate`. */
  fraction: number;
}

/** One registry entry per kind of trigger: when it fires. */
export interface TriggerKind<K extends TriggerType> { fires(t: TriggerOf<K>, ctx: TriggerContext, w: TriggerTest): boolean }

/** Every kind of trigger. A kind missing here is a compile error naming it (the mapped type). */
export const TRIGGER_KINDS: { readonly [K in TriggerType]: TriggerKind<K> } = {
  time: {
    fires: (t, ctx, w) => {
      if (!t.interpolate) return ctx.frame >= Math.round(t.at / STEP_S);
      // Interpolated: the step that contains `at`, and how far into it `at` lies. A time on a frame
      // boundary (within rounding) starts its own step.
      const exact = t.at / STEP_S;
      const onBoundary = Math.abs(exact - Math.round(exact)) < 1e-9;
      const first = onBoundary ? Math.round(exact) : Math.floor(exact);
      if (ctx.frame < first) return false;
      w.fraction = ctx.frame === first && !onBoundary ? exact - first : 0;
      return true;
    },
  },
  'loses-support': { fires: (_t, ctx, w) => ctx.events.some((e) => e.kind === 'loses-support' && e.body === w.body) },
  'enters-occluder': { fires: (t, ctx, w) => hiddenBy(t.occluder, ctx, w) },
  'leaves-occluder': {
    fires: (t, ctx, w) => {
      const inside = hiddenBy(t.occluder, ctx, w);
      if (inside) w.seen = true;
      return !inside && w.seen;
    },
  },
  'reaches-x': {
    fires: (t, ctx, w) => {
      // From whichever side it starts: rightward motion fires at x ≥ X, leftward at x ≤ X (a
      // mirrored scene keeps its onset).
      const { x, vx } = ctx.state(w.body);
      if (w.side === null) w.side = x < t.x ? -1 : x > t.x ? 1 : 0;
      const reached = w.side < 0 ? x >= t.x : x <= t.x;
      if (reached || !t.interpolate) return reached;
      // Interpolated: fires at the start of the step in which the body, going on at its velocity,
      // reaches x, with the moment it does (a straight line over 1/60 s).
      const next = x + vx * STEP_S;
      const crosses = w.side < 0 ? next >= t.x : next <= t.x;
      if (crosses) w.fraction = (t.x - x) / (vx * STEP_S);
      return crosses;
    },
  },
  'comes-to-rest': {
    fires: (t, ctx, w) => {
      const s = ctx.state(w.body);
      // Squares, not Math.hypot: engines need not round hypot alike.
      const still = s.vx * s.vx + s.vy * s.vy < t.below * t.below && Math.abs(s.angularVelocity) < REST_SPIN;
      if (!still) w.seen = true;
      return still && w.seen;
    },
  },
  contact: { fires: (t, ctx, w) => ctx.touching(w.body, t.other) },
};

function hiddenBy(occluderId: string, ctx: TriggerContext, w: TriggerTest): boolean {
  const o = w.occluders.find((c) => c.id === occluderId);
  if (!o) throw new Error(`no occluder with id "${occluderId}"`);
  const s = ctx.state(w.body);
  return insideRect(s.x, s.y, occluderRectAt(o, ctx.frame));
}

const triggerKind = <K extends TriggerType>(t: TriggerOf<K>): TriggerKind<K> => TRIGGER_KINDS[t.on as K];

/** One watch per trigger (a trigger remembers what it saw at earlier tests). */
export class TriggerWatch {
  private readonly test: TriggerTest;

  constructor(private readonly trigger: TriggerSpec, bodyId: string, occluders: readonly OccluderSpec[]) {
    this.test = { body: bodyId, occluders, side: null, seen: false, fraction: 0 };
  }

  /** After it fired: how far into the step its moment lies (0: at the step's start). */
  get fraction(): number {
    return this.test.fraction;
  }

  fires(ctx: TriggerContext): boolean {
    return triggerKind(this.trigger).fires(this.trigger, ctx, this.test);
  }
}
