// The surprise meter: one bar per observer showing its surprise at the frame on screen, with the
// number beside it. Updated every frame straight from the trial (DOM writes only on change).
import { h } from './dom';
import { formatSurprise, surpriseLevel } from './surpriseLevel';
import type { SurpriseSource } from './surpriseSource';

export interface SurpriseMeter {
  readonly element: HTMLElement;
  update(source: SurpriseSource): void;
}

export function createSurpriseMeter(): SurpriseMeter {
  const element = h('div', { class: 'meter', 'data-testid': 'meter', role: 'group', 'aria-label': 'Surprise now' });
  let version = -1;
  let rows: { fill: HTMLElement; value: HTMLElement; last: string }[] = [];
  return {
    element,
    update(source) {
      if (source.version !== version) {
        version = source.version;
        rows = source.series.map(() => ({ fill: h('span', { class: 'meter-fill' }), value: h('span', { class: 'meter-value' }), last: '' }));
        element.replaceChildren(...(source.series.length === 0
          ? [h('p', { class: 'muted small meter-empty' }, 'Pick an observer to see its surprise.')]
          : source.series.map((s, i) => h('div', { class: 'meter-row', 'data-model': s.id },
            h('span', { class: 'swatch', style: `background:${s.colour}` }),
            h('span', { class: 'meter-label', title: s.label }, s.label),
            h('span', { class: 'meter-track' }, rows[i]!.fill),
            rows[i]!.value))));
      }
      source.series.forEach((s, i) => {
        const v = source.valueAt(i, source.cursor);
        const text = formatSurprise(v);
        const row = rows[i]!;
        if (text === row.last) return;
        row.last = text;
        row.value.textContent = text;
        row.fill.style.width = `${(100 * surpriseLevel(v)).toFixed(1)}%`;
        row.fill.style.background = s.colour;
      });
    },
  };
}
