// The variant control: the canonical scene or a seeded variant (variant number + seed), and the
// param values that variant drew.
import type { AppStore } from '../store/appStore';
import { watch } from '../store/watch';
import type { Commands } from '../../../ui/commands';
import { h, noMouseFocus } from '../../../ui/dom';

export function mountVariantPanel(root: HTMLElement, store: AppStore, commands: Commands): void {
  const variant = h('input', { id: 'variant-input', type: 'number', min: 0, step: 1, inputmode: 'numeric', placeholder: 'canonical', 'data-testid': 'variant' });
  const seed = h('input', { id: 'seed-input', type: 'number', min: 0, step: 1, inputmode: 'numeric', 'data-testid': 'seed' });
  const next = h('button', { class: 'btn btn-small', type: 'button', title: 'Draw the next seeded variant', 'data-testid': 'next-variant' }, 'Next variant');
  const canonical = h('button', { class: 'btn btn-small', type: 'button', title: 'Every param at its default', 'data-testid': 'canonical' }, 'Canonical');
  const params = h('table', { class: 'params', 'data-testid': 'params' });
  for (const b of [next, canonical]) noMouseFocus(b);
  root.append(
    h('h3', { class: 'panel-title' }, 'Variant'),
    h('div', { class: 'variant-row' },
      h('label', { for: 'variant-input' }, 'variant', variant),
      h('label', { for: 'seed-input' }, 'seed', seed)),
    h('div', { class: 'variant-row' }, next, canonical),
    params,
  );

  variant.addEventListener('change', () => commands.setVariant(variant.value.trim() === '' ? null : Number(variant.value)));
  seed.addEventListener('change', () => commands.setSeed(Number(seed.value)));
  next.addEventListener('click', () => commands.nextVariant());
  canonical.addEventListener('click', () => commands.setVariant(null));

  watch(store, (s) => [s.variant, s.seed] as const, ([v, sd]) => {
    variant.value = v === null ? '' : String(v);
    seed.value = String(sd);
    seed.disabled = v === null;
    seed.title = v === null ? 'The canonical scene uses no seed; pick a variant first' : '';
  }, (a, b) => a[0] === b[0] && a[1] === b[1]);

  watch(store, (s) => [s.trial?.params, s.sceneId] as const, ([values, sceneId]) => {
    const scene = store.getState().catalog.find((e) => e.id === sceneId)?.scene;
    const names = Object.keys(values ?? {});
    if (!values || names.length === 0) {
      params.replaceChildren(h('caption', {}, 'This scene has no params to vary.'));
      return;
    }
    params.replaceChildren(
      h('caption', {}, 'Drawn params'),
      ...names.map((name) => {
        const p = scene?.params?.[name];
        const range = p ? `${p.min} – ${p.max}` : '';
        return h('tr', { title: p?.description ?? '' },
          h('th', { scope: 'row' }, name), h('td', {}, values[name]!.toFixed(3)), h('td', { class: 'muted' }, range));
      }),
    );
  }, (a, b) => a[0] === b[0] && a[1] === b[1]);
}
