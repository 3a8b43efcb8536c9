// The resolved description the simulator builds a world from: plain numbers in SI units, y up.

export type BodyKind = 'ground' | 'platform' | 'box' | 'ball' | 'car' | 'wall';

export interface BodySpec {
  id: string;
  kind: BodyKind;
  /** Centre, metres, origin bottom-left of the world, y up. */
  x: number;
  y: number;
  /** Full width and height in metres (a ball uses `radius`). */
  width: number;
  height: number;
  radius: number;
  /** Car only: radius of each of its two wheels, metres. */
  wheelRadius: number;
  angle: number;
  isStatic: boolean;
  friction: number;
  restitution: number;
  /** kg/m² (2D density). */
  density: number;
  /** Deceleration (m/s²) while resting on something: a toy car's rolling resistance. matter-js
   * friction is far too strong at this scale to let wheels roll, so cars have friction 0 and this. */
  rollingResistance: number;
  /** Held in place by a hand until a release/drop action lets go. */
  held: boolean;
  /** Absent at the start (enters with an `appear` violation). */
  present: boolean;
  vx: number;
  vy: number;
  color?: string | undefined;
}

export interface OccluderSpec {
  id: string;
  /** Rectangle at the start of the trial: centre and full size, m. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Scripted changes of the rectangle over time (a screen that rises, lowers or slides), in time
   * order and not overlapping; absent or empty: the screen stands still. See sim/occluders.ts. */
  moves?: OccluderMove[] | undefined;
  color?: string | undefined;
}

/** From `at` (s) for `duration` (s) the rectangle goes linearly from where it was to this one. */
export interface OccluderMove {
  at: number;
  duration: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type ActionSpec =
  | { type: 'push'; body: string; at: number; vx: number; vy: number; by: 'hand' | 'impulse' }
  | { type: 'release'; body: string; at: number }
  | { type: 'drop'; body: string; at: number; vx: number; vy: number }
  | { type: 'carry'; body: string; at: number; duration: number; x: number; y: number };

/** `interpolate`: the trigger's moment is placed within the step (see sim/triggers.ts), and a
 * violation that only sets velocities takes effect there, as a contact would, not at the frame. */
export type TriggerSpec =
  | { on: 'time'; at: number; interpolate?: boolean | undefined }
  | { on: 'loses-support' }
  | { on: 'enters-occluder'; occluder: string }
  | { on: 'leaves-occluder'; occluder: string }
  | { on: 'reaches-x'; x: number; interpolate?: boolean | undefined }
  | { on: 'comes-to-rest'; below: number }
  | { on: 'contact'; other: string };

export type ViolationSpec =
  | { type: 'float'; body: string; trigger: TriggerSpec }
  | { type: 'freeze'; body: string; trigger: TriggerSpec }
  | { type: 'teleport'; body: string; trigger: TriggerSpec; x: number; y: number }
  | { type: 'vanish'; body: string; trigger: TriggerSpec }
  | { type: 'appear'; body: string; trigger: TriggerSpec }
  | { type: 'pass-through'; body: string; trigger: TriggerSpec; other: string }
  | { type: 'reverse'; body: string; trigger: TriggerSpec }
  | { type: 'deflect'; body: string; trigger: TriggerSpec; angle: number }
  | { type: 'resize'; body: string; trigger: TriggerSpec; scale: number }
  | { type: 'reshape'; body: string; trigger: TriggerSpec; kind: 'box' | 'ball'; width: number; height: number; radius: number }
  | { type: 'transfer'; body: string; trigger: TriggerSpec; other: string; keep: number; asHit?: boolean | undefined }
  | { type: 'set-velocity'; body: string; trigger: TriggerSpec; vx: number; vy: number }
  | { type: 'scale-velocity'; body: string; trigger: TriggerSpec; sx: number; sy: number }
  | { type: 'weightless'; body: string; trigger: TriggerSpec };

export type ViolationType = ViolationSpec['type'];

export interface WorldSpec {
  width: number;
  height: number;
  /** m/s², pointing down. */
  gravity: number;
  /** Physics sub-steps per 1/60 s step (guards against tunnelling). */
  substeps: number;
  bodies: BodySpec[];
  occluders: OccluderSpec[];
  actions: ActionSpec[];
  /** The scene's (first) violation; null: both conditions are the same. */
  violation: ViolationSpec | null;
  /** A scene's further violations, in file order, each with its own trigger (absent: none). */
  moreViolations?: ViolationSpec[] | undefined;
  /** Trial length in frames (1/60 s each). */
  frames: number;
}

export type Condition = 'possible' | 'impossible';

/** Every violation of a world, the first one first. */
export function violationsOf(world: Pick<WorldSpec, 'violation' | 'moreViolations'>): ViolationSpec[] {
  return world.violation ? [world.violation, ...(world.moreViolations ?? [])] : [];
}
