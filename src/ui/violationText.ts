// Words for a violation, for the banner: "the car floats" (the words are in each kind's registry
// entry, sim/violations.ts).
import type { BodySpec, ViolationSpec } from '../sim/spec';
import { violationKind } from '../sim/violations';

function noun(bodies: BodySpec[], id: string): string {
  const b = bodies.find((x) => x.id === id);
  if (!b) return id;
  return b.kind === 'ground' ? 'floor' : b.kind;
}

export function describeViolation(v: ViolationSpec, bodies: BodySpec[]): string {
  const name = (id: string): string => noun(bodies, id);
  return violationKind(v).words(v, `the ${name(v.body)}`, name);
}
