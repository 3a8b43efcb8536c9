// The live checks' problems as pins on the stage: where each happened, in a few words that name
// the body or the trigger (the full sentence, with every run it happened in, is in the checks list).
import type { SceneProblem } from '../../../experiment/sceneCheck';
import { getAt } from './jsonEdit';
import type { SceneDraft } from './sceneDraft';

export interface StageMarker { x: number; y: number; text: string; path: string }

/** The JSON path `violation[1].trigger` as keys. */
export const pathKeys = (path: string): (string | number)[] =>
  [...path.matchAll(/([A-Za-z_$][\w$-]*)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));

export function checkMarkers(problems: readonly SceneProblem[], doc: SceneDraft): StageMarker[] {
  const pins = problems.flatMap((p) => {
    if (!p.place) return [];
    const head = p.message.replace(/: in .*$/, '');
    let text = head;
    if (p.path.endsWith('.trigger')) {
      const on = getAt(doc, [...pathKeys(p.path), 'on']);
      text = `trigger “${String(on)}” ${head}`;
    } else if (p.path === 'violation') text = `violation: ${head}`;
    return [{ x: p.place.x, y: p.place.y, text, path: p.path }];
  });
  // A body that leaves the world in both twins gets one pin, not two on top of each other.
  const twin = /^(.*) \((possible|impossible) twin\)$/;
  const out: StageMarker[] = [];
  for (const m of pins) {
    const head = twin.exec(m.text)?.[1];
    const earlier = head === undefined ? undefined : out.find((o) => o.path === m.path && twin.exec(o.text)?.[1] === head);
    if (earlier) earlier.text = `${head} (both twins)`;
    else out.push({ ...m });
  }
  return out;
}
