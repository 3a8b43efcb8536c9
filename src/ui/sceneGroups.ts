// Orders the playable scenes for the picker: grouped by concept, in the schema's concept order.
import { CONCEPTS } from '../scenes/schema';
import type { CatalogEntry } from '../web/catalogEntry';

/** Playable entries grouped by concept, concepts in the order the schema lists them. */
export function groupByConcept(entries: CatalogEntry[]): { concept: string; entries: CatalogEntry[] }[] {
  const groups: { concept: string; entries: CatalogEntry[] }[] = [];
  for (const concept of CONCEPTS) {
    const inGroup = entries.filter((e) => e.scene?.concept === concept);
    if (inGroup.length > 0) groups.push({ concept, entries: inGroup.sort((a, b) => a.scene!.title.localeCompare(b.scene!.title)) });
  }
  return groups;
}
