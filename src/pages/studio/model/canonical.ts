// A scene's canonical text, for comparing two files by content: keys sorted at every level, the
// `$schema` pointer (where the file sits, not what it says) left out.

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export function canonicalSceneText(scene: unknown): string {
  const { $schema: _pointer, ...rest } = (scene ?? {}) as Record<string, unknown>;
  return JSON.stringify(sorted(rest));
}
