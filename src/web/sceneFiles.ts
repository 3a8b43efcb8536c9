// The scene files bundled into the page: every scenes/*.json except the JSON Schema, as text.
// Read as raw text (not parsed by Vite) so that a file with broken JSON is reported, not fatal.

export const SCENE_FILES: Record<string, string> = import.meta.glob(['/scenes/*.json', '!/scenes/*.schema.json'], {
  eager: true,
  query: '?raw',
  import: 'default',
});
