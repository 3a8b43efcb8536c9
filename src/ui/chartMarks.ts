// Which trial events the chart and the timeline mark, and how each is labelled and coloured.
import type { SimEvent } from '../sim/snapshot';

export interface Mark {
  frame: number;
  label: string;
  kind: 'push' | 'release' | 'support' | 'magic' | 'twin';
}

const COLOURS: Record<Mark['kind'], string> = {
  push: '#475569',
  release: '#475569',
  support: '#b45309',
  magic: '#6d28d9',
  twin: '#6d28d9',
};
export const markColour = (m: Mark): string => COLOURS[m.kind];

/** One mark per (frame, kind): the push, release, loss of support and the magic's onset (or, in
 * the possible condition, the frame where the impossible twin would diverge). A loss of support is
 * marked only for the bodies in `involved` (those acted on, or the magic's): in a crowded scene
 * every bounce would otherwise be a mark. */
export function marksOf(events: readonly SimEvent[], onsetFrame: number | null, impossible: boolean, upTo: number, involved: ReadonlySet<string>): Mark[] {
  const out: Mark[] = [];
  const seen = new Set<string>();
  const add = (m: Mark): void => {
    const key = `${m.frame}|${m.kind}`;
    if (m.frame > upTo || seen.has(key)) return;
    seen.add(key);
    out.push(m);
  };
  for (const e of events) {
    if (e.kind === 'push') add({ frame: e.frame, label: 'push', kind: 'push' });
    else if (e.kind === 'release') add({ frame: e.frame, label: 'release', kind: 'release' });
    else if (e.kind === 'loses-support' && involved.has(e.body)) add({ frame: e.frame, label: 'loses support', kind: 'support' });
    else if (e.kind === 'violation-onset') add({ frame: e.frame, label: 'magic', kind: 'magic' });
  }
  if (onsetFrame !== null && !impossible) add({ frame: onsetFrame, label: 'onset (twin)', kind: 'twin' });
  return out.sort((a, b) => a.frame - b.frame);
}
