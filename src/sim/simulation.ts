// A deterministic matter-js world built from a WorldSpec: fixed 1/60 s steps, actions, violations.
import Matter from 'matter-js';
import type { ActionSpec, BodySpec, Condition, ViolationSpec, WorldSpec } from './spec';
import type { BodyState, SimEvent, WorldSnapshot } from './snapshot';
import { buildBody, type BuiltBody } from './bodies';
import { resetMatterGlobals } from './matterReset';
import { HIT_MAX_FRAMES, hitInScratchWorld, type HitMotion } from './hitOutcome';
import { contactsBelow } from './support';
import { applyRollingResistance } from './rollingResistance';
import { ActionError, applyAction } from './actions';
import { startViolation, type ActiveViolation, type ViolationHost } from './violations';
import { Holds } from './holds';
import { ViolationSchedule, type DueViolation } from './violationSchedule';
import { SETS_VELOCITY_ONLY, startWithin, subStepOf } from './midStep';
import { insideRect, occluderRectAt } from './occluders';
import { cos, sin, withPortableTrig } from './portableTrig';
import {
  STEP_S, fromPxAngle, fromPxAngularVelocity, fromPxVelocity, fromPxX, fromPxY, gravityScaleFor,
  type WorldFrame,
} from './units';

/** Raised when the physics produces non-finite values: names the body and the frame. */
export class SimulationError extends Error {
  /** The body the failure is about, when there is one, and the kind of violation that failed on it,
   * if one did (so a report can name the JSON path). */
  readonly body: string | undefined;
  readonly violation: ViolationSpec['type'] | undefined;
  constructor(message: string, body?: string, violation?: ViolationSpec['type']) {
    super(message);
    this.name = 'SimulationError';
    this.body = body;
    this.violation = violation;
  }
}

/** How far outside the world a body may go before it is reported as having left it (m). */
const LEAVE_MARGIN_M = 2;

/** Public methods that reach matter-js run inside withPortableTrig (buildBody wraps itself): matter-js
 * turns bodies with Math.sin/Math.cos, whose last bits differ between Node 20 and Chromium. */
export class Simulation {
  readonly spec: WorldSpec;
  readonly condition: Condition;
  readonly engine: Matter.Engine;
  readonly events: SimEvent[] = [];
  /** Frame at which the (first) violation started (recorded in both conditions: in the possible one
   * it marks when the impossible twin would diverge). Null until a trigger fires. */
  onsetFrame: number | null = null;
  /** Per violation of the scene (file order): the frame its trigger fired, or null. */
  get violationOnsets(): readonly (number | null)[] {
    return this.schedule.onsets;
  }
  private frameIndex = 0;
  private readonly frameInfo: WorldFrame;
  private readonly built = new Map<string, BuiltBody>();
  private readonly order: string[] = [];
  private readonly held = new Holds();
  private readonly schedule: ViolationSchedule;
  private readonly present = new Map<string, boolean>();
  private readonly wasSupported = new Set<string>();
  private readonly magic: ActiveViolation[] = [];
  private supported = new Set<string>();
  private gravityOn = true;

  constructor(spec: WorldSpec, condition: Condition) {
    this.spec = spec;
    this.condition = condition;
    this.frameInfo = { heightM: spec.height };
    this.schedule = new ViolationSchedule(spec, spec.occluders);
    resetMatterGlobals();
    this.engine = Matter.Engine.create({
      enableSleeping: false,
      gravity: { x: 0, y: 1, scale: gravityScaleFor(spec.gravity) },
      positionIterations: 10,
      velocityIterations: 8,
    });
    for (const bodySpec of spec.bodies) this.addBody(bodySpec);
  }

  get frame(): number {
    return this.frameIndex;
  }
  get time(): number {
    return this.frameIndex * STEP_S;
  }
  get bodyIds(): readonly string[] {
    return this.order;
  }
  get gravityEnabled(): boolean {
    return this.gravityOn;
  }

  /** Adds a body (at build, or later in free play). Ids must be unique. */
  addBody(spec: BodySpec): void {
    if (this.built.has(spec.id)) throw new SimulationError(`body "${spec.id}" already exists`);
    const built = buildBody(this.frameInfo, spec);
    this.built.set(spec.id, built);
    this.order.push(spec.id);
    this.present.set(spec.id, false);
    if (spec.held) this.held.hold(spec.id, { x: built.body.position.x, y: built.body.position.y, angle: built.body.angle });
    this.setPresent(spec.id, spec.present);
  }

  removeBody(id: string): void {
    withPortableTrig(() => this.setPresent(id, false));
    this.built.delete(id);
    this.held.release(id);
    this.order.splice(this.order.indexOf(id), 1);
  }

  setGravityEnabled(on: boolean): void {
    this.gravityOn = on;
    this.engine.gravity.scale = on ? gravityScaleFor(this.spec.gravity) : 0;
  }

  /** Applies an action now (free play) — scripted actions go through the same path. */
  applyAction(action: ActionSpec): void {
    withPortableTrig(() => this.act(action));
  }

  private act(action: ActionSpec): void {
    const host = { frame: this.frameIndex, frameInfo: this.frameInfo, engine: this.engine, held: this.held, events: this.events };
    try {
      applyAction(host, action, this.get(action.body));
    } catch (e) {
      if (e instanceof ActionError) throw new SimulationError(e.message);
      throw e;
    }
  }

  /** Advances one fixed step of 1/60 s (in `substeps` equal sub-steps). */
  step(): void {
    withPortableTrig(() => this.advance());
  }

  private advance(): void {
    const f = this.frameIndex;
    for (const action of this.spec.actions) {
      if (Math.round(action.at / STEP_S) === f) this.act(action);
    }
    const within = this.checkViolationTrigger();
    const substeps = Math.max(1, this.spec.substeps);
    const deltaMs = (1000 * STEP_S) / substeps;
    this.schedule.startStep();
    for (let s = 0; s < substeps; s++) {
      this.startWithinStep(within, s, substeps);
      this.applyHolds(f + s / substeps);
      this.applyCounterForces();
      Matter.Engine.update(this.engine, deltaMs);
      this.schedule.afterSubstep(this.engine);
    }
    this.startWithinStep(within, substeps, substeps);
    this.applyHolds(f + 1);
    this.frameIndex++;
    this.afterStep();
  }

  /** Runs `n` steps and returns the snapshot after each. */
  run(n: number): WorldSnapshot[] {
    const out: WorldSnapshot[] = [];
    for (let i = 0; i < n; i++) {
      this.step();
      out.push(this.snapshot());
    }
    return out;
  }

  snapshot(): WorldSnapshot {
    const bodies: BodyState[] = [];
    for (const id of this.order) bodies.push(this.bodyState(id));
    return { frame: this.frameIndex, t: this.frameIndex * STEP_S, bodies };
  }

  /** Held by a hand (pinned or carried) at this moment; the hand itself is never observed. */
  isHeld(id: string): boolean {
    return this.held.has(id);
  }

  isSupported(id: string): boolean {
    return this.supported.has(id) || this.held.has(id);
  }

  get(id: string): BuiltBody {
    const built = this.built.get(id);
    if (!built) throw new SimulationError(`no body with id "${id}"`);
    return built;
  }

  private setPresent(id: string, present: boolean): void {
    const built = this.get(id);
    if (this.present.get(id) === present) return;
    this.present.set(id, present);
    if (present) Matter.Composite.add(this.engine.world, built.body);
    else Matter.Composite.remove(this.engine.world, built.body);
  }

  private applyHolds(time: number): void {
    this.held.apply(time, (id) => this.get(id).body);
    for (const m of this.magic) {
      if (!m.pinAt) continue;
      const b = this.get(m.spec.body).body;
      Matter.Body.setPosition(b, { x: m.pinAt.x, y: m.pinAt.y });
      Matter.Body.setAngle(b, m.pinAt.angle);
      Matter.Body.setVelocity(b, { x: 0, y: 0 });
      Matter.Body.setAngularVelocity(b, 0);
    }
  }

  /** Gravity is added inside Engine.update and forces are cleared after it, so the counter-force
   * must be added before every sub-step. */
  private applyCounterForces(): void {
    const gScale = this.engine.gravity.scale;
    for (const m of this.magic) {
      const b = this.get(m.spec.body).body;
      if (m.cancelGravity) b.force.y -= b.mass * this.engine.gravity.y * gScale;
    }
  }

  private afterStep(): void {
    const contacts = contactsBelow(this.engine);
    this.supported = contacts.supported;
    applyRollingResistance(this.built, contacts.touching);
    for (const id of this.order) {
      const built = this.get(id);
      const b = built.body;
      if (!Number.isFinite(b.position.x) || !Number.isFinite(b.position.y) || !Number.isFinite(b.angle)) {
        throw new SimulationError(`body "${id}" has a non-finite state at frame ${this.frameIndex} (the simulation exploded)`, id);
      }
      if (!this.present.get(id) || b.isStatic) continue;
      const supportedNow = this.isSupported(id);
      if (this.wasSupported.has(id) && !supportedNow) {
        this.events.push({ frame: this.frameIndex, kind: 'loses-support', body: id });
        this.wasSupported.delete(id);
      } else if (supportedNow) this.wasSupported.add(id);
      const x = fromPxX(b.position.x);
      const y = fromPxY(this.frameInfo, b.position.y);
      if (x < -LEAVE_MARGIN_M || x > this.spec.width + LEAVE_MARGIN_M || y < -LEAVE_MARGIN_M) {
        this.events.push({ frame: this.frameIndex, kind: 'left-world', body: id });
        this.setPresent(id, false);
      }
    }
  }

  /** Starts the violations due at this frame that act at its start; returns those that act within
   * the step (interpolated triggers), for startWithinStep. */
  private checkViolationTrigger(): DueViolation[] {
    const later: DueViolation[] = [];
    for (const due of this.schedule.due(this.frameIndex, this.events, (id) => this.bodyState(id))) {
      const v = due.spec;
      this.onsetFrame ??= this.frameIndex;
      if (this.condition !== 'impossible') continue;
      this.events.push({ frame: this.frameIndex, kind: 'violation-onset', body: v.body });
      if (due.within !== null && SETS_VELOCITY_ONLY.has(v.type)) {
        later.push(due);
        continue;
      }
      const active = startViolation(this.violationHost(), v);
      if (active.cancelGravity || active.pinAt) this.magic.push(active);
    }
    return later;
  }

  /** Starts, before sub-step `index` (`substeps`: after the last), the violations whose moment falls
   * in that sub-step, as a contact there would (sim/midStep.ts). Only velocity-setting kinds get
   * here (any other kind starts at the step's start; scene files may not ask otherwise), so nothing
   * persists to keep. */
  private startWithinStep(due: readonly DueViolation[], index: number, substeps: number): void {
    for (const { spec, within } of due) {
      const at = subStepOf(within ?? 0, substeps);
      if (at.index !== index) continue;
      const moving = this.order.filter((id) => this.present.get(id)).map((id) => this.get(id).body).filter((b) => !b.isStatic);
      startWithin(moving, at.into, substeps, () => startViolation(this.violationHost(), spec));
    }
  }

  private violationHost(): ViolationHost {
    return {
      frame: this.frameInfo,
      world: this.engine.world,
      get: (id) => this.get(id),
      setPresent: (id, present) => this.setPresent(id, present),
      replace: (id, spec) => this.replaceBody(id, spec),
      hit: (body, other) => this.hitBetween(body, other),
    };
  }

  /** The velocities a real hit of `body` on `other` would leave them with (sim/hitOutcome.ts). */
  private hitBetween(body: string, other: string): { body: HitMotion; other: HitMotion } {
    const parts = [body, other].map((id) => ({ spec: this.get(id).spec, state: this.bodyState(id) }));
    const outcome = hitInScratchWorld(this.spec, parts, (world) => new Simulation(world, 'possible'), body, other);
    if (!outcome) throw new SimulationError(`transfer with asHit: "${body}" going on as it goes does not hit "${other}" within ${HIT_MAX_FRAMES / 60} s`, body, 'transfer');
    return outcome;
  }

  /** Swaps a body for a new one built from `spec` at the old one's place and motion (a reshape). */
  private replaceBody(id: string, spec: BodySpec): void {
    const old = this.get(id);
    const state = this.bodyState(id);
    const wasPresent = this.present.get(id) ?? false;
    this.setPresent(id, false);
    const built = buildBody(this.frameInfo, { ...spec, x: state.x, y: state.y, angle: state.angle, vx: state.vx, vy: state.vy });
    Matter.Body.setAngularVelocity(built.body, old.body.angularVelocity);
    for (const part of built.body.parts) part.collisionFilter = { ...old.body.collisionFilter };
    this.built.set(id, built);
    this.present.set(id, false);
    this.setPresent(id, wasPresent);
  }

  /** Starts a violation on a body right now, whatever the condition (the playground's magic button). */
  applyMagicNow(v: ViolationSpec): void {
    this.events.push({ frame: this.frameIndex, kind: 'violation-onset', body: v.body });
    const active = withPortableTrig(() => startViolation(this.violationHost(), v));
    if (active.cancelGravity || active.pinAt) this.magic.push(active);
  }

  private bodyState(id: string): BodyState {
    const built = this.get(id);
    const b = built.body;
    const c = cos(b.angle);
    const s = sin(b.angle);
    const px = b.position.x + built.offsetX * c - built.offsetY * s;
    const py = b.position.y + built.offsetX * s + built.offsetY * c;
    const v = fromPxVelocity(Matter.Body.getVelocity(b));
    const present = this.present.get(id) ?? false;
    const x = fromPxX(px);
    const y = fromPxY(this.frameInfo, py);
    const hidden = this.spec.occluders.some((o) => insideRect(x, y, occluderRectAt(o, this.frameIndex)));
    const isBall = built.spec.kind === 'ball';
    return {
      id,
      kind: built.spec.kind,
      x,
      y,
      vx: b.isStatic ? 0 : v.vx,
      vy: b.isStatic ? 0 : v.vy,
      angle: fromPxAngle(b.angle),
      angularVelocity: b.isStatic ? 0 : fromPxAngularVelocity(Matter.Body.getAngularVelocity(b)),
      width: isBall ? built.spec.radius * 2 : built.spec.width,
      height: isBall ? built.spec.radius * 2 : built.spec.height,
      isStatic: b.isStatic,
      visible: present && !hidden,
      present,
    };
  }
}
