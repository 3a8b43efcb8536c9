// Scripted and free-play actions (a hand's push, carry, release, drop): one registry entry per kind,
// checked exhaustive by the compiler.
import Matter from 'matter-js';
import type { ActionSpec } from './spec';
import type { SimEvent } from './snapshot';
import type { BuiltBody } from './bodies';
import { forgetSolverMemory, type Holds } from './holds';
import { STEP_S, toPxVelocity, toPxX, toPxY, type WorldFrame } from './units';

type ActionType = ActionSpec['type'];
/** An action of kind K, narrowed. */
export type ActionOf<K extends ActionType> = Extract<ActionSpec, { type: K }>;

/** What an action may touch in the simulation. */
export interface ActionHost {
  frame: number;
  frameInfo: WorldFrame;
  engine: Matter.Engine;
  held: Holds;
  events: SimEvent[];
}

/** Raised by an action that cannot happen (carrying a body no hand holds). */
export class ActionError extends Error {}

export interface ActionKind<K extends ActionType> { apply(host: ActionHost, action: ActionOf<K>, target: BuiltBody): void }

function letGo(host: ActionHost, action: ActionOf<'release' | 'drop'>, b: Matter.Body): void {
  if (host.held.has(action.body)) forgetSolverMemory(host.engine, b);
  host.held.release(action.body);
}

/** Every kind of action. A kind missing here is a compile error naming it (the mapped type). */
export const ACTION_KINDS: { readonly [K in ActionType]: ActionKind<K> } = {
  push: {
    apply: (host, action, { body: b }) => {
      const dv = toPxVelocity(action.vx, action.vy);
      Matter.Body.setVelocity(b, { x: b.velocity.x + dv.x, y: b.velocity.y + dv.y });
      host.events.push({ frame: host.frame, kind: 'push', body: action.body });
    },
  },
  carry: {
    apply: (host, action, built) => {
      const to = { x: toPxX(action.x) - built.offsetX, y: toPxY(host.frameInfo, action.y) - built.offsetY };
      if (!host.held.carry(action.body, to, host.frame, Math.round(action.duration / STEP_S))) {
        throw new ActionError(`body "${action.body}" is not held, so a hand cannot carry it`);
      }
    },
  },
  release: {
    apply: (host, action, { body: b }) => {
      letGo(host, action, b);
      host.events.push({ frame: host.frame, kind: 'release', body: action.body });
    },
  },
  drop: {
    apply: (host, action, { body: b }) => {
      letGo(host, action, b);
      Matter.Body.setVelocity(b, toPxVelocity(action.vx, action.vy));
      host.events.push({ frame: host.frame, kind: 'release', body: action.body });
    },
  },
};

const actionKind = <K extends ActionType>(a: ActionOf<K>): ActionKind<K> => ACTION_KINDS[a.type as K];

export function applyAction(host: ActionHost, action: ActionSpec, target: BuiltBody): void {
  actionKind(action).apply(host, action, target);
}
