// The ghost-length choice in the Observers panel: how far ahead the observer in focus's ghost looks
// (1, 2, 5 or 10 s; also the G key and ?ghost= in the URL).
import type { AppStore } from '../store/appStore';
import { GHOST_SECONDS } from '../store/modelsSlice';
import { watch } from '../store/watch';
import { h } from '../../../ui/dom';

export function mountGhostLength(root: HTMLElement, store: AppStore): void {
  const select = h('select', { id: 'ghost-length', class: 'speed', 'data-testid': 'ghost-length',
    title: 'How far ahead the ghost rolls the observer\'s expectation out (G cycles). Longer ghosts take longer to predict and renew less often while playing.' },
  ...GHOST_SECONDS.map((s) => h('option', { value: s }, `${s} s`)));
  select.addEventListener('change', () => {
    store.getState().setGhostSeconds(Number(select.value));
    select.blur();
  });
  root.append(h('div', { class: 'ghost-length' }, h('label', { for: 'ghost-length' }, 'Ghost looks ahead'), select));
  watch(store, (s) => s.ghostSeconds, (s) => {
    select.value = String(s);
  });
}
