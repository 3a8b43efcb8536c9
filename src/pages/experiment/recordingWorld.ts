// The world a recording is drawn in: its scene resolved again when this page has the same scene
// file (same id and content hash), otherwise a plain world drawn from the snapshots themselves.
import type { Recording } from '../../experiment/recording';
import { textHash } from '../../experiment/recording';
import { resolveScene } from '../../scenes/resolve';
import type { SceneFile } from '../../scenes/schema';
import type { BodyState } from '../../sim/snapshot';
import type { BodySpec, WorldSpec } from '../../sim/spec';

export interface KnownScene { scene: SceneFile; text: string }

export interface RecordingWorld {
  world: WorldSpec;
  specOf: (id: string) => BodySpec | undefined;
  /** Why the scene file was not used, or null when it was. */
  note: string | null;
}

export function recordingWorld(rec: Recording, scenes: ReadonlyMap<string, KnownScene>): RecordingWorld {
  const fromStates = statesWorld(rec);
  const known = scenes.get(rec.meta.scene_id);
  if (known && textHash(known.text) === rec.meta.scene_hash && rec.kind === 'trial') {
    try {
      const world = resolveScene(known.scene, { variant: rec.meta.variant ?? undefined, seed: rec.meta.seed }).world;
      const byId = new Map(world.bodies.map((b) => [b.id, b] as const));
      return { world, specOf: (id) => byId.get(id) ?? fromStates.specOf(id), note: null };
    } catch {
      // Fall through: the snapshots alone can always be drawn.
    }
  }
  const note = known ? 'the scene file has changed since this was recorded: drawn from the recorded states' : rec.kind === 'free-play' ? null : 'this page has no copy of the scene file: drawn from the recorded states';
  return { ...fromStates, note };
}

/** Every body ever seen, as a plain drawing spec; the world's size from where bodies were. */
function statesWorld(rec: Recording): Omit<RecordingWorld, 'note'> {
  const first = new Map<string, BodyState>();
  let maxX = 1, maxY = 1;
  for (const snap of rec.snapshots) {
    for (const b of snap.bodies) {
      if (!first.has(b.id)) first.set(b.id, b);
      if (b.isStatic && b.present) { maxX = Math.max(maxX, b.x + b.width / 2); maxY = Math.max(maxY, b.y + b.height / 2); }
    }
  }
  for (const snap of rec.snapshots) for (const b of snap.bodies) if (!b.isStatic && b.present) maxY = Math.max(maxY, Math.min(b.y + b.height, maxY * 3));
  const specs = new Map<string, BodySpec>();
  for (const [id, b] of first) specs.set(id, specOfState(b));
  const initial = rec.snapshots[0]!.bodies.map((b) => specs.get(b.id)!);
  const world: WorldSpec = {
    width: maxX, height: Math.max(maxY * 1.1, maxX / 2), gravity: 9.81, substeps: 4,
    bodies: initial, occluders: [], actions: [], violation: null, frames: rec.snapshots.length - 1,
  };
  return { world, specOf: (id) => specs.get(id) };
}

function specOfState(b: BodyState): BodySpec {
  return {
    id: b.id, kind: b.kind, x: b.x, y: b.y, width: b.width, height: b.height, radius: b.width / 2,
    wheelRadius: b.height * 0.3, angle: b.angle, isStatic: b.isStatic, friction: 0, restitution: 0, density: 1,
    rollingResistance: 0, held: false, present: b.present, vx: b.vx, vy: b.vy,
  };
}
