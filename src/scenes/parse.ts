// Reads a scene from JSON text or a value: size limit, the shared JSON reader (depth, duplicate keys),
// zod schema, then meaning checks.
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
    const issues: SceneIssue[] = result.error.issues.slice(0, 20).map((issue) => {
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
        const expected = 'expected' in issue ? String(issue.expected) : 'a number or an expression';
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

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.hasOwn(cur, key as string)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
