// The ghost's choices in the Observers panel: whose expectation it shows (default: the most
// experienced learner shown) and how far ahead it looks (1, 2, 5 or 10 s; also the G key and ?ghost=).
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
  const owner = h('select', { id: 'ghost-model', class: 'speed', 'data-testid': 'ghost-model', title: 'Whose expectation the ghost and the glow show' });
  owner.addEventListener('change', () => store.getState().setGhostModel(owner.value || null));
  root.append(
    h('div', { class: 'ghost-length' }, h('label', { for: 'ghost-model' }, 'Ghost of'), owner),
    h('div', { class: 'ghost-length' }, h('label', { for: 'ghost-length' }, 'Ghost looks ahead'), select));
  watch(store, (s) => `${s.selectedModels.join(',')}|${s.models.length}|${s.ghostModel ?? ''}`, () => {
    const s = store.getState();
    const shown = s.selectedModels.map((id) => s.models.find((m) => m.id === id)).filter((m) => !!m && m.kind !== 'oracle');
    owner.replaceChildren(h('option', { value: '' }, 'the most experienced learner'),
      // A cohort's ghost is its first seed's expectation.
      ...shown.map((m) => h('option', { value: m!.id }, m!.members ? `${m!.label} (its first seed, ${m!.members[0]})` : m!.label)));
    owner.value = s.ghostModel && shown.some((m) => m!.id === s.ghostModel) ? s.ghostModel : '';
  });
  watch(store, (s) => s.ghostSeconds, (s) => {
    select.value = String(s);
  });
}
