// `lab check`: runs a scene's twins (canonical and a sample of variants) and reports, by JSON path,
// the silent mistakes a schema cannot see: a trigger that never fires, a body that leaves the
// world, twins that differ before the onset, an impossible twin that never departs.
import type { SceneFile } from '../scenes/schema';
import { resolveScene, type Split } from '../scenes/resolve';
import { sceneViolationsOf } from '../scenes/resolveViolation';
import { Simulation, SimulationError } from '../sim/simulation';
import { SceneError } from '../scenes/sceneError';
import { violationsOf, type Condition, type WorldSpec } from '../sim/spec';
import type { BodyState, SimEvent, WorldSnapshot } from '../sim/snapshot';
import type { SceneIssue } from '../scenes/sceneError';

export interface CheckOptions {
  /** Seeded variants besides the canonical scene (default 8). */
  variants?: number;
  seed?: number;
  split?: Split;
  /** Check the scene as drawn, mirrored, or both (default: as drawn). */
  mirror?: 'off' | 'on' | 'both';
}

/** An impossible twin whose bodies all stay this close (m) to the possible twin's never departed. */
export const DEPART_M = 0.01;

interface Run { snapshots: WorldSnapshot[]; events: SimEvent[]; onsets: (number | null)[]; onset: number | null; world: WorldSpec }

/** Where on the stage a problem shows (m, y up), at which frame of which run, and about which body. */
export interface ProblemPlace { x: number; y: number; frame: number; body: string; run: string }

/** A problem `checkScene` reports, with the place it first happened (for a view to mark it). */
export interface SceneProblem extends SceneIssue { place: ProblemPlace | null }

function run(scene: SceneFile, condition: Condition, choice: Parameters<typeof resolveScene>[1]): Run {
  const { world } = resolveScene(scene, choice);
  const sim = new Simulation(world, condition);
  const snapshots = [sim.snapshot()];
  for (let f = 0; f < world.frames; f++) {
    sim.step();
    snapshots.push(sim.snapshot());
  }
  return { snapshots, events: [...sim.events], onsets: [...sim.violationOnsets], onset: sim.onsetFrame, world };
}

/** Whether two states of one body look the same to an observer (place within `tol`, size, kind, presence). */
function sameState(a: BodyState, b: BodyState, tol: number): boolean {
  if (a.present !== b.present || a.visible !== b.visible || a.kind !== b.kind) return false;
  if (!a.present) return true;
  return Math.abs(a.x - b.x) <= tol && Math.abs(a.y - b.y) <= tol && Math.abs(a.angle - b.angle) <= tol * 10
    && Math.abs(a.width - b.width) <= tol && Math.abs(a.height - b.height) <= tol;
}

/** The first frame up to `upTo` at which the two runs' snapshots differ (to `tol` m), or null. */
export function firstDifference(p: Pick<Run, 'snapshots'>, q: Pick<Run, 'snapshots'>, upTo: number, tol: number): number | null {
  for (let f = 0; f <= upTo && f < p.snapshots.length; f++) {
    const a = p.snapshots[f]!.bodies;
    const b = q.snapshots[f]!.bodies;
    if (a.some((s, i) => !sameState(s, b[i]!, tol))) return f;
  }
  return null;
}

/** Where body `id` last was, up to `frame`, in a run (null if it never was present). */
function placeOf(r: Run, id: string, frame: number, label: string): ProblemPlace | null {
  for (let f = Math.min(frame, r.snapshots.length - 1); f >= 0; f--) {
    const s = r.snapshots[f]!.bodies.find((b) => b.id === id);
    if (s?.present) return { x: s.x, y: s.y, frame: f, body: id, run: label };
  }
  return null;
}

/** Every problem found, one issue per JSON path and kind, naming the runs it happened in. */
export function checkScene(scene: SceneFile, options: CheckOptions = {}): SceneIssue[] {
  return findSceneProblems(scene, options).map(({ path, message }) => ({ path, message }));
}

/** As `checkScene`, each problem with the place where it first happened. */
export function findSceneProblems(scene: SceneFile, options: CheckOptions = {}): SceneProblem[] {
  const found = new Map<string, { path: string; message: string; runs: string[]; place: ProblemPlace | null }>();
  const note = (path: string, message: string, label: string, place: () => ProblemPlace | null = () => null): void => {
    const key = `${path}\u0000${message}`;
    const entry = found.get(key) ?? { path, message, runs: [], place: place() };
    entry.runs.push(label);
    found.set(key, entry);
  };
  const violations = sceneViolationsOf(scene);
  // A body the scene itself sends through the ground (a pass-through whose other is a ground) is
  // meant to fall out of the world in the impossible twin: that is what was written, not a slip.
  const grounds = new Set(scene.bodies.filter((b) => b.kind === 'ground').map((b) => b.id));
  const throughGround = new Set(violations.flatMap(({ value: v }) => (v.type === 'pass-through' && grounds.has(v.other) ? [v.body] : [])));
  const seed = options.seed ?? 0;
  const variants: (number | undefined)[] = [undefined, ...Array.from({ length: options.variants ?? 8 }, (_, k) => k)];
  const sides = options.mirror === 'both' ? [false, true] : [options.mirror === 'on'];
  for (const mirrored of sides) {
    for (const variant of variants) {
      // The held-out split has no canonical scene of its own: defaults are the training split's.
      if (variant === undefined && options.split === 'heldout') continue;
      const choice = { variant, seed, split: options.split ?? 'default', mirrored };
      const label = `${variant === undefined ? 'canonical' : `variant ${variant}`}${mirrored ? ' mirrored' : ''}`;
      // A run that cannot be built or simulated is a problem of its own; the checks go on with the others.
      const attempt = (condition: Condition): Run | null => {
        try {
          return run(scene, condition, choice);
        } catch (e) {
          if (e instanceof SceneError) for (const i of e.issues) note(i.path, i.message, label);
          else if (e instanceof SimulationError) {
            const body = scene.bodies.findIndex((b) => b.id === e.body);
            const magic = violations.find(({ value: v }) => v.type === e.violation && v.body === e.body);
            note(magic?.path ?? (body >= 0 ? `bodies[${body}]` : ''), `the simulation fails (${condition} twin): ${e.message}`, label);
          } else throw e;
          return null;
        }
      };
      const p = attempt('possible');
      if (!p) continue;
      const q = violations.length > 0 ? attempt('impossible') : null;
      if (violations.length > 0 && !q) continue;
      scene.bodies.forEach((b, i) => {
        for (const [twin, r] of [['possible', p], ['impossible', q]] as const) {
          if (twin === 'impossible' && throughGround.has(b.id)) continue;
          const left = r?.events.find((e) => e.kind === 'left-world' && e.body === b.id);
          if (left) note(`bodies[${i}]`, `"${b.id}" leaves the world (${twin} twin)`, `${label} at frame ${left.frame}`, () => placeOf(r!, b.id, left.frame, label));
        }
      });
      if (!q) continue;
      violations.forEach((v, k) => {
        const watched = (): ProblemPlace | null => {
          const at = placeOf(p, v.value.body, p.snapshots.length - 1, label);
          const trigger = violationsOf(p.world)[k]?.trigger;
          return at && trigger?.on === 'reaches-x' ? { ...at, x: trigger.x } : at;
        };
        if (p.onsets[k] === null) note(`${v.path}.trigger`, `never fires (on "${v.value.body}")`, label, watched);
        else if (q.onsets[k] === null) note(`${v.path}.trigger`, 'fires in the possible twin but never in the impossible one (an earlier violation changed what it watches)', label);
      });
      const onset = q.onset ?? p.onset;
      const before = firstDifference(p, q, onset ?? p.snapshots.length, 0);
      if (before !== null) {
        const differing = p.snapshots[before]!.bodies.find((s, i) => !sameState(s, q.snapshots[before]!.bodies[i]!, 0));
        note('violation', onset === null ? 'the twins differ though no violation started' : `the twins differ before the onset (frame ${onset})`, `${label} from frame ${before}`,
          () => (differing ? placeOf(p, differing.id, before, label) : null));
      } else if (onset !== null && firstDifference(p, q, p.snapshots.length, DEPART_M) === null) {
        note('violation', `the impossible twin never departs from the possible one (every body within ${DEPART_M * 100} cm of its twin to the end)`, label,
          () => placeOf(q, violations[0]!.value.body, onset, label));
      }
    }
  }
  return [...found.values()].map((e) => ({ path: e.path, message: `${e.message}: in ${e.runs.length === 1 ? '' : `${e.runs.length} runs: `}${e.runs.join(', ')}`, place: e.place }));
}
