// The list of keyboard shortcuts.
import { h } from './dom';
import { SHORTCUTS } from './keyboard';

export function mountKeysPanel(root: HTMLElement): void {
  root.append(
    h('h3', { class: 'panel-title' }, 'Keys'),
    h('dl', { class: 'keys' }, ...SHORTCUTS.flatMap((s) => [h('dt', {}, h('kbd', {}, s.label)), h('dd', {}, s.does)])),
  );
}
