// Words for a violation, for the banner: "the car floats".
import type { BodySpec, ViolationSpec } from '../sim/spec';

function noun(bodies: BodySpec[], id: string): string {
  const b = bodies.find((x) => x.id === id);
  if (!b) return id;
  return b.kind === 'ground' ? 'floor' : b.kind;
}

export function describeViolation(v: ViolationSpec, bodies: BodySpec[]): string {
  const it = `the ${noun(bodies, v.body)}`;
  switch (v.type) {
    case 'float': return `${it} floats`;
    case 'freeze': return `${it} freezes in mid-motion`;
    case 'teleport': return `${it} jumps to another place`;
    case 'vanish': return `${it} vanishes`;
    case 'appear': return `${it} appears from nowhere`;
    case 'pass-through': return `${it} passes through the ${noun(bodies, v.other)}`;
    case 'reverse': return `${it} turns back by itself`;
    case 'deflect': return `${it} swerves with nothing to push it`;
    case 'resize': return `${it} changes size`;
    case 'reshape': return `${it} changes shape`;
    case 'set-velocity': return `${it} changes its motion with nothing to push it`;
    case 'scale-velocity': return `${it} changes its motion with nothing to push it`;
    case 'weightless': return `${it} stops falling and goes on as it was going`;
    case 'transfer': return `the ${noun(bodies, v.other)} moves off before anything touches it`;
  }
}
