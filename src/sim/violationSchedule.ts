// A world's violations and their triggers: which fire at this frame, and the contacts of the last
// step that `contact` triggers read. The simulator asks it once per step; it never touches bodies.
import type Matter from 'matter-js';
import { violationsOf, type OccluderSpec, type ViolationSpec, type WorldSpec } from './spec';
import type { BodyState, SimEvent } from './snapshot';
import { TriggerWatch } from './triggers';

/** A violation whose trigger fired: `within` is how far into the coming step it takes effect (0 to
 * 1) for an interpolated trigger, null for one that takes effect at the step's start. */
export interface DueViolation {
  spec: ViolationSpec;
  within: number | null;
}

export class ViolationSchedule {
  readonly violations: readonly ViolationSpec[];
  /** Per violation (file order): the frame its trigger fired, or null. */
  readonly onsets: (number | null)[];
  private readonly watches: TriggerWatch[];
  private readonly watchesContacts: boolean;
  private readonly contactsInStep = new Set<string>();

  constructor(world: Pick<WorldSpec, 'violation' | 'moreViolations'>, occluders: readonly OccluderSpec[]) {
    this.violations = violationsOf(world);
    this.watches = this.violations.map((v) => new TriggerWatch(v.trigger, v.body, occluders));
    this.onsets = this.violations.map(() => null);
    this.watchesContacts = this.violations.some((v) => v.trigger.on === 'contact');
  }

  /** Call before a step's sub-steps. */
  startStep(): void {
    this.contactsInStep.clear();
  }

  /** Notes the body pairs in contact after a sub-step (only when a trigger asks: a brief bounce
   * can start and end between two frames, so frame-boundary contacts would miss it). */
  afterSubstep(engine: Matter.Engine): void {
    if (!this.watchesContacts) return;
    for (const pair of engine.pairs.list) {
      if (!pair.isActive || pair.isSensor) continue;
      this.contactsInStep.add(pairKey(pair.collision.parentA.label, pair.collision.parentB.label));
    }
  }

  /** The violations whose triggers fire at `frame` (each fires once), in file order. */
  due(frame: number, events: readonly SimEvent[], state: (id: string) => BodyState): DueViolation[] {
    const ctx = { frame, events, state, touching: (a: string, b: string) => this.contactsInStep.has(pairKey(a, b)) };
    const out: DueViolation[] = [];
    this.violations.forEach((v, k) => {
      const watch = this.watches[k]!;
      if (this.onsets[k] !== null || !watch.fires(ctx)) return;
      this.onsets[k] = frame;
      const interpolated = 'interpolate' in v.trigger && v.trigger.interpolate === true;
      out.push({ spec: v, within: interpolated ? watch.fraction : null });
    });
    return out;
  }
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
