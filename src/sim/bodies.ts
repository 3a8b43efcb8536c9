// Turns a BodySpec into a matter-js body (in pixels) and remembers how to read it back in SI.
import Matter from 'matter-js';
import type { BodySpec } from './spec';
import { withPortableTrig } from './portableTrig';
import { pow } from './portablePow';
import { PX_PER_M, toPxLength, toPxX, toPxY, toPxAngle, toPxVelocity, type WorldFrame } from './units';

export interface BuiltBody {
  spec: BodySpec;
  body: Matter.Body;
  /** Offset from the centre of mass to the design centre, in the body's local frame (px, y down). */
  offsetX: number;
  offsetY: number;
}

/** matter-js density is mass per px²; our density is kg per m². */
const densityToPx = (kgPerM2: number): number => kgPerM2 / (PX_PER_M * PX_PER_M);

/** Builds the body with the portable sin/cos: matter-js evaluates them for circles, chamfers and angles. */
export function buildBody(frame: WorldFrame, spec: BodySpec): BuiltBody {
  return withPortableTrig(() => build(frame, spec));
}

function build(frame: WorldFrame, spec: BodySpec): BuiltBody {
  const cx = toPxX(spec.x);
  const cy = toPxY(frame, spec.y);
  const common: Matter.IChamferableBodyDefinition = {
    isStatic: spec.isStatic,
    friction: spec.friction,
    frictionStatic: Math.max(spec.friction * 2, 0.05),
    frictionAir: 0,
    restitution: spec.restitution,
    density: densityToPx(spec.density),
    label: spec.id,
    slop: 0.02,
  };
  let body: Matter.Body;
  if (spec.kind === 'ball') {
    body = Matter.Bodies.circle(cx, cy, toPxLength(spec.radius), common, 40);
  } else if (spec.kind === 'car') {
    body = buildCar(cx, cy, spec, common);
  } else {
    body = Matter.Bodies.rectangle(cx, cy, toPxLength(spec.width), toPxLength(spec.height), common);
  }
  // The centre of mass of a compound body is not its design centre: keep the offset so that
  // snapshots report the centre of the outline a person sees.
  const offsetX = cx - body.position.x;
  const offsetY = cy - body.position.y;
  if (spec.angle !== 0) Matter.Body.setAngle(body, toPxAngle(spec.angle));
  if (!spec.isStatic && (spec.vx !== 0 || spec.vy !== 0)) {
    Matter.Body.setVelocity(body, toPxVelocity(spec.vx, spec.vy));
  }
  return { spec: { ...spec }, body, offsetX, offsetY };
}

/** A toy car: a chassis and two wheels as parts of one rigid body, so the observer sees one object.
 * Low friction lets it roll on after a push; the wheels' turning is drawn, not simulated. */
function buildCar(cx: number, cy: number, spec: BodySpec, common: Matter.IChamferableBodyDefinition): Matter.Body {
  const w = toPxLength(spec.width);
  const h = toPxLength(spec.height);
  const r = toPxLength(spec.wheelRadius);
  const chassisH = Math.max(h - r, h * 0.4);
  const chassisY = cy - h / 2 + chassisH / 2;
  const wheelY = cy + h / 2 - r;
  const wheelDx = w / 2 - r * 1.15;
  // matter-js's own corner quality is Math.pow(radius, 0.32) * 1.75, whose last bit differs between
  // engines (and moves every vertex of the corner): the same formula with the portable pow.
  const chamfer = Math.min(chassisH, w) * 0.2;
  const chassis = Matter.Bodies.rectangle(cx, chassisY, w, chassisH, { ...common, chamfer: { radius: chamfer, quality: pow(chamfer, 0.32) * 1.75 } });
  const wheelA = Matter.Bodies.circle(cx - wheelDx, wheelY, r, common, 24);
  const wheelB = Matter.Bodies.circle(cx + wheelDx, wheelY, r, common, 24);
  const car = Matter.Body.create({ ...common, parts: [chassis, wheelA, wheelB] });
  // A toy car carries its weight spread along its length (axles, bumpers): twelve times the inertia
  // of the uniform outline, so that one rolling off a table at toy speeds lands on its wheels.
  Matter.Body.setInertia(car, car.inertia * 12);
  return car;
}
