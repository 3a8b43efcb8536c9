// Lists scene files that could not be loaded, each error naming its file and JSON path.
import type { AppStore } from '../store/appStore';
import { watch } from '../store/watch';
import { h } from './dom';

export function mountErrorsPanel(root: HTMLElement, store: AppStore): void {
  watch(store, (s) => s.catalog, (catalog) => {
    const broken = catalog.filter((e) => e.errors !== null);
    root.hidden = broken.length === 0;
    root.replaceChildren(
      h('h3', { class: 'panel-title' }, `Scene files with problems (${broken.length})`),
      h('ul', { class: 'errors', 'data-testid': 'scene-errors' }, ...broken.flatMap((e) => (e.errors ?? []).map((msg) => h('li', {}, msg)))),
    );
  });
}
