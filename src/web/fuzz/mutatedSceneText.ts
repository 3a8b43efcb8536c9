// A random scene file text for fuzzing the file drop: a real scene, often broken on purpose
// (truncated, wrong types, huge or non-finite numbers, HTML in the title, polluting keys).
import type { Rng } from '../../sim/rng';

const HOSTILE_VALUES: unknown[] = [null, -1, 0, 1e308, -1e308, 1e-300, 'NaN', '<img src=x onerror=alert(1)>', [], {}, true, '🙂'.repeat(50)];

/** A JSON value with random hostile changes: dropped keys, wrong types, huge or odd values. */
export function mutateValue(rng: Rng, value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return rng.chance(0.15) ? rng.pick(HOSTILE_VALUES) : value;
  if (Array.isArray(value)) {
    const out = value.map((v) => mutateValue(rng, v, depth + 1));
    if (rng.chance(0.05)) out.splice(rng.int(0, out.length), 0, rng.pick(HOSTILE_VALUES));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (rng.chance(0.03)) continue;
    out[k] = mutateValue(rng, v, depth + 1);
  }
  return out;
}

/** `texts` are real scene files; returns a file name and a text to load. */
export function mutatedSceneText(rng: Rng, texts: readonly string[]): { name: string; text: string } {
  const base = rng.pick(texts);
  const n = rng.int(0, 999);
  switch (rng.int(0, 5)) {
    case 0: return { name: `truncated-${n}.json`, text: base.slice(0, rng.int(0, base.length)) };
    case 1: return { name: `garbage-${n}.json`, text: rng.pick(['', '{', 'null', '[]', '"scene"', '{"__proto__":{"polluted":1}}', '\u0000\uFFFF']) };
    case 2: {
      const scene = JSON.parse(base) as Record<string, unknown>;
      scene['title'] = `<script>throw new Error("injected")</script>${n}`;
      scene['id'] = `fuzz-${n}`;
      return { name: `html-title-${n}.json`, text: JSON.stringify(scene) };
    }
    default: {
      const scene = mutateValue(rng, JSON.parse(base), 0) as Record<string, unknown>;
      if (scene && typeof scene === 'object' && !Array.isArray(scene)) scene['id'] = `fuzz-${n}`;
      return { name: `mutant-${n}.json`, text: JSON.stringify(scene) };
    }
  }
}
