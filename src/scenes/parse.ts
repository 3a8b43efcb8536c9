// Reads a scene from JSON text or a value: size limit, the shared JSON reader (depth, duplicate keys),
// zod schema, then meaning checks.
import type { z } from 'zod';
import { SceneFile } from './schema';
import { SceneError, describeValue, formatPath, type SceneIssue } from './sceneError';
import { checkSemantics } from './resolve';
import { JsonTextError, parseJsonText } from './jsonText';

/** Scene files are small; anything bigger is a mistake or an attack. */
export const MAX_SCENE_BYTES = 1_000_000;

export function parseSceneText(text: string, source = 'scene'): SceneFile {
  if (text.length > MAX_SCENE_BYTES) {
    throw new SceneError(source, [{ path: '', message: `file is ${(text.length / 1e6).toFixed(1)} MB; a scene file may be at most ${MAX_SCENE_BYTES / 1e6} MB` }]);
  }
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (e) {
    if (e instanceof JsonTextError) throw new SceneError(source, [{ path: e.path, message: e.what }]);
    throw e;
  }
  return parseSceneValue(value, source);
}

export function parseSceneValue(value: unknown, source = 'scene'): SceneFile {
  const result = SceneFile.safeParse(value);
  if (!result.success) {
    const issues: SceneIssue[] = flattenShapeUnions(result.error.issues).slice(0, 20).map((issue) => {
      const path = formatPath(issue.path);
      const got = valueAt(value, issue.path);
      if (issue.code === 'unrecognized_keys') {
        const keys = (issue as { keys: string[] }).keys;
        return { path, message: `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => JSON.stringify(k)).join(', ')}` };
      }
      const options = (issue as { options?: unknown }).options;
      if (issue.code === 'invalid_union' && Array.isArray(options)) {
        // A discriminated union (action type, trigger, violation type) with an unknown tag.
        return { path, message: `expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}, got ${describeValue(got)}` };
      }
      if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
        const expected = 'expected' in issue ? String(issue.expected) : unionExpectation(issue);
        return { path, message: `expected ${expected === 'number' ? 'a finite number' : expected}, got ${describeValue(got)}` };
      }
      if (issue.code === 'too_small' && typeof got === 'number') {
        return { path, message: `expected a ${('minimum' in issue && issue.minimum === 0 && !issue.inclusive) ? 'positive' : 'larger'} number, got ${describeValue(got)}` };
      }
      return { path, message: `${issue.message}${got !== undefined && typeof got !== 'object' ? `, got ${describeValue(got)}` : ''}` };
    });
    throw new SceneError(source, issues);
  }
  const scene = result.data;
  const semantic = checkSemantics(scene);
  if (semantic.length > 0) throw new SceneError(source, semantic);
  return scene;
}

type ZodIssue = z.core.$ZodIssue;

/** A union of differently shaped options (a violation object or an array of them) fails with every
 * option's issues; the option whose shape fits the value (no type mismatch at its root) is the one
 * the author meant, so report its issues, at full paths. Other unions are left as they are. */
function flattenShapeUnions(issues: readonly ZodIssue[]): ZodIssue[] {
  const out: ZodIssue[] = [];
  for (const issue of issues) {
    const branches = issue.code === 'invalid_union' ? (issue as { errors?: ZodIssue[][] }).errors ?? [] : [];
    const fitting = branches.filter((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
    if (fitting.length !== 1) { out.push(issue); continue; }
    out.push(...flattenShapeUnions(fitting[0]!.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as ZodIssue)));
  }
  return out;
}

/** What a failed union wanted, from its options' root type mismatches: "an object or an array";
 * a number-or-expression union keeps its own words. */
function unionExpectation(issue: ZodIssue): string {
  const wanted = new Set<string>();
  for (const branch of (issue as { errors?: ZodIssue[][] }).errors ?? []) {
    for (const i of branch) if (i.code === 'invalid_type' && i.path.length === 0) wanted.add(String(i.expected));
  }
  if (wanted.size === 0 || wanted.has('number')) return 'a number or an expression';
  return [...wanted].map((w) => (/^[aeiou]/.test(w) ? `an ${w}` : `a ${w}`)).join(' or ');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.hasOwn(cur, key as string)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
