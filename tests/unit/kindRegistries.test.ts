// Kinds of magic, triggers and actions are declared once; the compiler holds every registry and
// switch to the full list (the @ts-expect-error lines below fail `npx tsc --noEmit` if it stops).
import { describe, expect, it } from 'vitest';
import { unreachable } from '../../src/sim/exhaustive';
import type { BodySpec, TriggerSpec, ViolationSpec, ViolationType } from '../../src/sim/spec';
import { VIOLATION_KINDS, VIOLATION_TYPES, type ViolationKind } from '../../src/sim/violations';
import { KINDS_AGREE } from '../../src/scenes/schema';
import { describeViolation } from '../../src/ui/violationText';

// A registry without one kind does not compile: the mapped type names 'float' as missing.
const { float: _float, ...withoutFloat } = VIOLATION_KINDS;
// @ts-expect-error Property 'float' is missing
export const incomplete: { readonly [K in ViolationType]: ViolationKind<K> } = withoutFloat;

/** A switch that forgets a kind leaves it for unreachable(), which does not compile. */
export function triggerWord(t: TriggerSpec): string {
  switch (t.on) {
    case 'time': return 'time';
    case 'loses-support': return 'support';
    case 'enters-occluder': return 'enters';
    case 'leaves-occluder': return 'leaves';
    case 'comes-to-rest': return 'rest';
    case 'contact': return 'contact';
    // @ts-expect-error { on: 'reaches-x' } is not assignable to never
    default: return unreachable(t, 'trigger');
  }
}

const bodies: BodySpec[] = [
  { id: 'car', kind: 'car' } as BodySpec,
  { id: 'platform', kind: 'platform' } as BodySpec,
];
const T = { on: 'time', at: 0 } as const;
const EXAMPLES: { [K in ViolationType]: Extract<ViolationSpec, { type: K }> } = {
  float: { type: 'float', body: 'car', trigger: T },
  freeze: { type: 'freeze', body: 'car', trigger: T },
  teleport: { type: 'teleport', body: 'car', trigger: T, x: 1, y: 1 },
  vanish: { type: 'vanish', body: 'car', trigger: T },
  appear: { type: 'appear', body: 'car', trigger: T },
  'pass-through': { type: 'pass-through', body: 'car', trigger: T, other: 'platform' },
  reverse: { type: 'reverse', body: 'car', trigger: T },
  deflect: { type: 'deflect', body: 'car', trigger: T, angle: 1 },
  resize: { type: 'resize', body: 'car', trigger: T, scale: 2 },
  reshape: { type: 'reshape', body: 'car', trigger: T, kind: 'ball', width: 0, height: 0, radius: 0.2 },
  transfer: { type: 'transfer', body: 'car', trigger: T, other: 'platform', keep: 0 },
  'set-velocity': { type: 'set-velocity', body: 'car', trigger: T, vx: 1, vy: 0 },
  'scale-velocity': { type: 'scale-velocity', body: 'car', trigger: T, sx: -1, sy: 1 },
  weightless: { type: 'weightless', body: 'car', trigger: T },
};

describe('kind registries', () => {
  it('lists every kind of magic once, each with an effect and words', () => {
    expect(VIOLATION_TYPES).toHaveLength(14);
    expect(new Set(VIOLATION_TYPES).size).toBe(VIOLATION_TYPES.length);
    for (const type of VIOLATION_TYPES) {
      expect(typeof VIOLATION_KINDS[type].start, type).toBe('function');
      expect(describeViolation(EXAMPLES[type], bodies), type).toMatch(/^the (car|platform) \S/);
    }
    expect(describeViolation(EXAMPLES['pass-through'], bodies)).toBe('the car passes through the platform');
    expect(describeViolation(EXAMPLES.transfer, bodies)).toBe('the platform moves off before anything touches it');
  });

  it('the scene file and the simulator agree on every kind (checked by the compiler)', () => {
    expect(KINDS_AGREE).toEqual([true, true, true, true, true, true]);
  });

  it('a kind no switch knows (bad data at run time) is an error naming it', () => {
    expect(() => unreachable({ on: 'wobbles' } as never, 'trigger')).toThrow('unknown trigger: {"on":"wobbles"}');
  });
});
