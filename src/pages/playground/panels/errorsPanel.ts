// Problems with scene files, each naming its file and JSON path: a file a person just loaded
// (dismissable; the scene on screen kept running) and bundled files that could not be read; and
// the parameters of the page's link that were ignored, with why.
import type { AppStore } from '../store/appStore';
import { watch } from '../store/watch';
import { h } from '../../../ui/dom';

export function mountErrorsPanel(root: HTMLElement, store: AppStore): void {
  watch(store, (s) => [s.catalog, s.fileProblem, s.urlNote] as const, ([catalog, problem, urlNote]) => {
    const broken = catalog.filter((e) => e.errors !== null);
    root.hidden = broken.length === 0 && problem === null && urlNote === null;
    const parts: HTMLElement[] = [];
    if (urlNote) {
      const dismiss = h('button', { class: 'btn btn-small', type: 'button', 'data-testid': 'dismiss-url-note' }, 'Dismiss');
      dismiss.addEventListener('click', () => store.getState().setUrlNote(null));
      parts.push(h('p', { class: 'small', 'data-testid': 'url-note', role: 'status' }, urlNote), dismiss);
    }
    if (problem) {
      const dismiss = h('button', { class: 'btn btn-small', type: 'button', 'data-testid': 'dismiss-file-errors' }, 'Dismiss');
      dismiss.addEventListener('click', () => store.getState().setFileProblem(null));
      parts.push(
        h('h3', { class: 'panel-title' }, `${problem.file} was not loaded`),
        h('p', { class: 'small' }, 'The scene on screen keeps running. Fix these and load the file again:'),
        h('ul', { class: 'errors', 'data-testid': 'file-errors' }, ...problem.errors.map((msg) => h('li', {}, msg))),
        dismiss,
      );
    }
    if (broken.length > 0) {
      parts.push(
        h('h3', { class: 'panel-title' }, `Scene files with problems (${broken.length})`),
        h('ul', { class: 'errors', 'data-testid': 'scene-errors' }, ...broken.flatMap((e) => (e.errors ?? []).map((msg) => h('li', {}, msg)))),
      );
    }
    root.replaceChildren(...parts);
  }, (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2]);
}
