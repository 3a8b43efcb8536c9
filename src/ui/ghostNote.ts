// The line under the stage that says in words how the ghost held up, with a key to its colours.
// Updated by the page's draw (outside the store, like the clock), only when the text changes.
import { h } from './dom';
import { PALETTE } from '../render/palette';

export interface GhostNote {
  /** The sentence, or null when no ghost is drawn (the line keeps its height, so nothing jumps). */
  update(text: string | null): void;
}

const css = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;

export function mountGhostNote(after: HTMLElement): GhostNote {
  const text = h('span', { class: 'ghost-text', 'data-testid': 'ghost-note' });
  const key = (colour: number, label: string, shape = 'dot'): HTMLElement =>
    h('span', { class: 'ghost-key-item' }, h('span', { class: `ghost-key-${shape}`, style: `background:${css(colour)}` }), label);
  const legend = h('span', { class: 'ghost-key muted', 'aria-hidden': 'true' },
    key(PALETTE.ghostOnTrack, 'on track'), key(PALETTE.ghostOffTrack, 'off track'), key(PALETTE.ghostReal, 'what happened', 'line'), key(PALETTE.ghost, 'not yet happened'));
  const line = h('p', { class: 'ghost-note' }, text, legend);
  after.after(line);
  let shown: string | null = '';
  return {
    update(t) {
      if (t === shown) return;
      shown = t;
      text.textContent = t ?? '';
      legend.hidden = t === null;
    },
  };
}
