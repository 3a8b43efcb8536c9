// The surprise meter: one bar per observer showing its surprise at the frame on screen, with the
// number beside it. A cohort's bar is the mean of its seeds, with their range (lowest to highest
// seed) outlined over it. Updated every frame straight from the trial (DOM writes only on change).
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
  let rows: { fill: HTMLElement; value: HTMLElement; band: HTMLElement | null; row: HTMLElement | null; last: string }[] = [];
  return {
    element,
    update(source) {
      if (source.version !== version) {
        version = source.version;
        rows = source.series.map((s) => ({ fill: h('span', { class: 'meter-fill' }), value: h('span', { class: 'meter-value' }),
          band: s.band && source.bandAt ? h('span', { class: 'meter-band', 'data-testid': 'meter-band', style: `border-color:${s.colour}` }) : null, row: null, last: '' }));
        element.replaceChildren(...(source.series.length === 0
          ? [h('p', { class: 'muted small meter-empty' }, 'Pick an observer to see its surprise.')]
          : source.series.map((s, i) => (rows[i]!.row = h('div', { class: 'meter-row', 'data-model': s.id },
            h('span', { class: 'swatch', style: `background:${s.colour}` }),
            h('span', { class: 'meter-label', title: s.label }, s.label),
            h('span', { class: 'meter-track' }, rows[i]!.fill, rows[i]!.band),
            rows[i]!.value)))));
      }
      source.series.forEach((s, i) => {
        const v = source.valueAt(i, source.cursor);
        const row = rows[i]!;
        const band = row.band ? source.bandAt!(i, source.cursor) : null;
        const text = formatSurprise(v);
        const key = band ? `${text}|${formatSurprise(band[0])}|${formatSurprise(band[1])}` : text;
        if (key === row.last) return;
        row.last = key;
        row.value.textContent = text;
        row.fill.style.width = `${(100 * surpriseLevel(v)).toFixed(1)}%`;
        row.fill.style.background = s.colour;
        if (row.band) {
          const lo = band ? surpriseLevel(band[0]) : 0, hi = band ? surpriseLevel(band[1]) : 0;
          row.band.hidden = !band;
          row.band.style.left = `${(100 * lo).toFixed(1)}%`;
          row.band.style.width = `${(100 * (hi - lo)).toFixed(1)}%`;
          row.row!.title = band ? `${s.label}: mean ${text}; seeds from ${formatSurprise(band[0])} to ${formatSurprise(band[1])}` : s.label;
        }
      });
    },
  };
}
