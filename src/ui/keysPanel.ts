// The list of keyboard shortcuts (in the help overlay).
import { h } from './dom';
import { SHORTCUTS } from './keyboard';

export function keysList(): HTMLElement {
  return h('dl', { class: 'keys' }, ...SHORTCUTS.flatMap((s) => [h('dt', {}, h('kbd', {}, s.label)), h('dd', {}, s.does)]));
}
