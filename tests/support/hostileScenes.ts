// Seeded generator of hostile scene files, mutated from the real scenes: type changes, huge and tiny
// numbers, NaN/Infinity, deep nesting, giant arrays, unicode and HTML, prototype keys, truncations.
import { createRng, type Rng } from '../../src/sim/rng';

export interface HostileScene {
  /** What was done to it, for the failure message. */
  label: string;
  /** Either JSON text (parsed by parseSceneText) or a JS value (parseSceneValue: NaN, Infinity…). */
  text?: string;
  value?: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `root` (objects and arrays included). */
function paths(root: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(root)) root.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (root !== null && typeof root === 'object') for (const k of Object.keys(root)) paths(root[k]!, [...prefix, k], out);
  return out;
}

function setAt(root: Json, path: (string | number)[], value: unknown): void {
  let cur = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) cur = cur[path[i]!] as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  Object.defineProperty(cur, key, { value, enumerable: true, writable: true, configurable: true });
}

const WEIRD_VALUES: unknown[] = [
  null, true, false, '', 'abc', '1e999', '<script>alert(1)</script>', [], {}, [1, 2], { x: 1 },
  0, -0, 1e308, -1e308, 1e-308, -1, 123456789, 2 ** 53 + 1, 0.1, 'platformHeight / 0', '((((1', 'x'.repeat(500),
];
const HOSTILE_TITLES = [
  '<img src=x onerror="window.__pwned=1">', '\u202eevil', '🚗'.repeat(200), '"; DROP TABLE scenes; --', '\u0000\u0007', 'ok',
];

function mutateOnce(rng: Rng, scene: Json, labels: string[]): { scene: Json; textOnly?: string; jsValue?: boolean } {
  const all = paths(scene).filter((p) => p.length > 0);
  const pick = rng.pick(all);
  const op = rng.int(0, 11);
  switch (op) {
    case 0: case 1: {
      const v = rng.pick(WEIRD_VALUES);
      setAt(scene, pick, JSON.parse(JSON.stringify(v ?? null)) as Json);
      labels.push(`${pick.join('.')} = ${JSON.stringify(v)?.slice(0, 30)}`);
      return { scene };
    }
    case 2: {
      const v = rng.pick([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
      setAt(scene, pick, v);
      labels.push(`${pick.join('.')} = ${v}`);
      return { scene, jsValue: true };
    }
    case 3: {
      let deep: Json = 1;
      const depth = rng.int(20, 3000);
      for (let i = 0; i < depth; i++) deep = rng.chance(0.5) ? [deep] : { a: deep };
      setAt(scene, pick, deep);
      labels.push(`${pick.join('.')} nested ${depth} deep`);
      return { scene, textOnly: JSON.stringify(scene) };
    }
    case 4: {
      const bodies = (scene as { bodies?: Json }).bodies;
      const n = rng.pick([1001, 5000, 50_000]);
      setAt(scene, ['bodies'], Array.from({ length: n }, () => (Array.isArray(bodies) ? bodies[0] ?? null : null)));
      labels.push(`bodies × ${n}`);
      return { scene, textOnly: JSON.stringify(scene) };
    }
    case 5:
      setAt(scene, ['title'], rng.pick(HOSTILE_TITLES));
      setAt(scene, ['description'], rng.pick(HOSTILE_TITLES));
      labels.push('hostile title and description');
      return { scene };
    case 6: {
      const key = rng.pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']);
      const target = rng.chance(0.5) ? [] : pick.slice(0, -1);
      setAt(scene, [...target, key], { polluted: true, prototype: { polluted: true } } as Json);
      labels.push(`key ${key} at ${target.join('.') || 'top'}`);
      return { scene };
    }
    case 7: {
      const text = JSON.stringify(scene);
      const cut = rng.int(0, text.length - 1);
      labels.push(`truncated at ${cut}`);
      return { scene, textOnly: text.slice(0, cut) };
    }
    case 8: {
      const parent = pick.slice(0, -1);
      const key = pick[pick.length - 1]!;
      let cur = scene as Record<string | number, unknown>;
      for (const k of parent) cur = cur[k] as Record<string | number, unknown>;
      if (Array.isArray(cur)) cur.splice(Number(key), 1);
      else delete cur[key];
      labels.push(`deleted ${pick.join('.')}`);
      return { scene };
    }
    case 9:
      setAt(scene, [...pick.slice(0, -1), `unknown_${rng.int(0, 99)}`], 1);
      labels.push(`unknown key beside ${pick.join('.')}`);
      return { scene };
    case 10: {
      const bodies = (scene as { bodies?: Json[] }).bodies;
      if (Array.isArray(bodies) && bodies.length > 1) {
        const a = bodies[0] as { id?: Json };
        const b = bodies[bodies.length - 1] as { id?: Json };
        if (a && b && typeof a === 'object' && typeof b === 'object') b.id = a.id ?? null;
      }
      labels.push('duplicate body id');
      return { scene };
    }
    default: {
      const v = rng.pick([1e4, -1e4, 9999, 1e-6, 500, 0.0001]);
      setAt(scene, pick, v);
      labels.push(`${pick.join('.')} = ${v} (extreme but maybe valid)`);
      return { scene };
    }
  }
}

/** `count` hostile scenes drawn from `sources` (real scene texts), reproducible from `seed`;
 * made one at a time, since some are megabytes. */
export function* hostileScenes(sources: readonly string[], count: number, seed: number): Generator<HostileScene> {
  const rng = createRng(seed);
  for (let k = 0; k < count; k++) {
    let scene = JSON.parse(rng.pick(sources)) as Json;
    const labels: string[] = [];
    let text: string | undefined;
    let js = false;
    const ops = rng.int(1, 3);
    for (let o = 0; o < ops && text === undefined; o++) {
      const r = mutateOnce(rng, scene, labels);
      scene = r.scene;
      text = r.textOnly;
      js ||= r.jsValue ?? false;
    }
    const label = `#${k}: ${labels.join('; ')}`;
    if (text !== undefined) yield { label, text };
    else if (js) yield { label, value: scene };
    else yield { label, text: JSON.stringify(scene) };
  }
}
