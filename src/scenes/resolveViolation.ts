// Resolves a scene file's violations and their triggers to ViolationSpecs, each checked at its own
// JSON path (`violation.…` for one, `violation[k].…` for a list).
import type { TriggerSpec, ViolationSpec } from '../sim/spec';
import { unreachable } from '../sim/exhaustive';
import { SETS_VELOCITY_ONLY } from '../sim/midStep';
import type { SceneFile, SceneTrigger, SceneViolation } from './schema';
import type { SceneIssue } from './sceneError';
import type { NumFn } from './resolve';

/** Largest `resize` scale: recordings bound sizes at 1e6 m (src/experiment/recordingBounds.ts). */
export const MAX_RESIZE = 100;

/** A scene's violations in file order, with the JSON path of each. */
export function sceneViolationsOf(scene: Pick<SceneFile, 'violation'>): { value: SceneViolation; path: string }[] {
  const v = scene.violation;
  if (!v) return [];
  return Array.isArray(v) ? v.map((value, k) => ({ value, path: `violation[${k}]` })) : [{ value: v, path: 'violation' }];
}

/** The speed (m/s) under which `comes-to-rest` counts a body as still, unless the trigger says. */
export const DEFAULT_REST_SPEED = 0.02;

export interface ViolationContext {
  num: NumFn;
  issues: SceneIssue[];
  bodyIds: ReadonlySet<string>;
  occluderIds: ReadonlySet<string>;
  /** Reports at `path` unless `id` names a dynamic body. */
  dynamicBody(id: string, path: string): void;
}

export function resolveViolation(v: SceneViolation, path: string, c: ViolationContext): ViolationSpec {
  const { num, issues } = c;
  c.dynamicBody(v.body, `${path}.body`);
  const trigger = resolveTrigger(v.trigger, `${path}.trigger`, v.body, c);
  if ('interpolate' in v.trigger && v.trigger.interpolate && !SETS_VELOCITY_ONLY.has(v.type)) {
    c.issues.push({
      path: `${path}.trigger.interpolate`,
      message: `a violation can take effect within a step only when all it does is set velocities (${[...SETS_VELOCITY_ONLY].join(', ')}), not "${v.type}"`,
    });
  }
  switch (v.type) {
    case 'teleport': return { type: v.type, body: v.body, trigger, x: num(v.to.x, `${path}.to.x`, 0), y: num(v.to.y, `${path}.to.y`, 0) };
    case 'pass-through':
      if (!c.bodyIds.has(v.other)) issues.push({ path: `${path}.other`, message: `no body with id "${v.other}"` });
      else if (v.other === v.body) issues.push({ path: `${path}.other`, message: 'a body cannot pass through itself: name another body' });
      return { type: v.type, body: v.body, trigger, other: v.other };
    case 'deflect': return { type: v.type, body: v.body, trigger, angle: num(v.angle, `${path}.angle`, 0) };
    case 'resize': {
      const scale = num(v.scale, `${path}.scale`, 1, 'positive');
      if (scale > MAX_RESIZE) issues.push({ path: `${path}.scale`, message: `expected a scale ≤ ${MAX_RESIZE}, got ${scale}` });
      return { type: v.type, body: v.body, trigger, scale };
    }
    case 'set-velocity': return { type: v.type, body: v.body, trigger, vx: num(v.velocity.x, `${path}.velocity.x`, 0), vy: num(v.velocity.y, `${path}.velocity.y`, 0) };
    case 'scale-velocity': return { type: v.type, body: v.body, trigger, sx: num(v.by.x, `${path}.by.x`, 1), sy: num(v.by.y, `${path}.by.y`, 1) };
    case 'reshape': return resolveReshape(v, path, trigger, num, issues);
    case 'transfer':
      c.dynamicBody(v.other, `${path}.other`);
      if (v.other === v.body) issues.push({ path: `${path}.other`, message: 'a body cannot launch itself: name another body' });
      {
        const keep = num(v.keep, `${path}.keep`, 0, 'nonneg');
        if (keep > 1) issues.push({ path: `${path}.keep`, message: `expected a share of the speed kept from 0 to 1, got ${keep}` });
        if (v.asHit && v.keep !== undefined) issues.push({ path: `${path}.keep`, message: 'give "keep" or "asHit", not both: with "asHit" the speeds are those of a real hit' });
        return { type: v.type, body: v.body, trigger, other: v.other, keep, ...(v.asHit ? { asHit: true } : {}) };
      }
    case 'float': case 'freeze': case 'vanish': case 'appear': case 'reverse': case 'weightless':
      return { type: v.type, body: v.body, trigger };
    default: return unreachable(v, 'violation type');
  }
}

function resolveTrigger(t: SceneTrigger, path: string, body: string, c: ViolationContext): TriggerSpec {
  switch (t.on) {
    case 'time': return { on: 'time', at: c.num(t.at, `${path}.at`, 0, 'nonneg'), ...(t.interpolate ? { interpolate: true } : {}) };
    case 'reaches-x': return { on: 'reaches-x', x: c.num(t.x, `${path}.x`, 0), ...(t.interpolate ? { interpolate: true } : {}) };
    case 'comes-to-rest': return { on: 'comes-to-rest', below: c.num(t.below, `${path}.below`, DEFAULT_REST_SPEED, 'positive') };
    case 'contact':
      if (!c.bodyIds.has(t.other)) c.issues.push({ path: `${path}.other`, message: `no body with id "${t.other}"` });
      else if (t.other === body) c.issues.push({ path: `${path}.other`, message: 'a body cannot touch itself: name another body' });
      return { on: 'contact', other: t.other };
    case 'enters-occluder':
    case 'leaves-occluder':
      if (!c.occluderIds.has(t.occluder)) c.issues.push({ path: `${path}.occluder`, message: `no occluder with id "${t.occluder}"` });
      return { on: t.on, occluder: t.occluder };
    case 'loses-support': return { on: 'loses-support' };
    default: return unreachable(t, 'trigger');
  }
}

function resolveReshape(v: Extract<SceneViolation, { type: 'reshape' }>, path: string, trigger: TriggerSpec,
  num: NumFn, issues: SceneIssue[]): ViolationSpec {
  if (v.kind === 'ball' && v.radius === undefined) issues.push({ path: `${path}.radius`, message: 'reshaping into a ball needs a radius' });
  if (v.kind === 'box' && (v.width === undefined || v.height === undefined)) {
    issues.push({ path: `${path}.${v.width === undefined ? 'width' : 'height'}`, message: 'reshaping into a box needs a width and a height' });
  }
  const radius = v.kind === 'ball' ? num(v.radius, `${path}.radius`, 0.1, 'size') : 0;
  return {
    type: 'reshape', body: v.body, trigger, kind: v.kind, radius,
    width: v.kind === 'ball' ? radius * 2 : num(v.width, `${path}.width`, 1, 'size'),
    height: v.kind === 'ball' ? radius * 2 : num(v.height, `${path}.height`, 1, 'size'),
  };
}
