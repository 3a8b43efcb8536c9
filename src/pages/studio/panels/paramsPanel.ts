// Variation: the scene's params (each a range that variants are drawn from), renamed, re-ranged or
// removed here; the seed the stage's onion-skin of variants is drawn with.
import { h } from '../../../ui/dom';
import type { SceneDraft } from '../model/sceneDraft';
import { paramUses, removeParam, renameParam } from '../model/studioEdits';
import type { StudioStore } from '../studioStore';
import { numberField, rebuild, textField } from './fields';

export function renderParamsPanel(host: HTMLElement, store: StudioStore, doc: SceneDraft): void {
  rebuild(host, () => {
    const s = store.getState();
    const rows = Object.entries(doc.params ?? {}).map(([name, p]) => {
      const base = ['params', name];
      const nameInput = h('input', { type: 'text', value: name, 'data-key': `${base.join('.')}#name`, 'data-testid': `param-name-${name}`, spellcheck: 'false', autocomplete: 'off' });
      nameInput.addEventListener('change', () => {
        const edit = renameParam(store.getState().history.doc, name, nameInput.value.trim());
        if (edit) store.getState().edit(edit, `rename ${name} to ${nameInput.value}`);
        else { store.getState().tell(`“${nameInput.value}” cannot name a param: it is taken, or not a letter followed by letters, digits or _.`, true); nameInput.value = name; }
      });
      const drop = h('button', { type: 'button', class: 'btn btn-small', 'data-key': `${base.join('.')}#remove`, 'aria-label': `Remove ${name}` }, '✕');
      drop.addEventListener('click', () => store.getState().edit(removeParam(store.getState().history.doc, name), `remove ${name}`));
      const used = paramUses(doc, name).length;
      return h('fieldset', { class: 'studio-group studio-param', 'data-testid': `param-${name}` },
        h('legend', {}, h('label', {}, h('span', { class: 'visually-hidden' }, 'Param name'), nameInput), ' ', h('span', { class: 'small muted' }, `used ${used}×`), ' ', drop),
        h('div', { class: 'studio-trio' }, numberField(store, doc, 'Default', [...base, 'default']), numberField(store, doc, 'Min', [...base, 'min']), numberField(store, doc, 'Max', [...base, 'max'])),
        textField(store, doc, 'Description', [...base, 'description']),
        h('div', { class: 'studio-trio' }, numberField(store, doc, 'Held-out min', [...base, 'heldout', 'min'], { placeholder: 'none' }), numberField(store, doc, 'Held-out max', [...base, 'heldout', 'max'], { placeholder: 'none' }),
          textField(store, doc, 'Diet range', [...base, 'diet'])));
    });
    const seed = h('input', { type: 'number', min: 0, max: 4294967295, step: 1, value: s.seed, 'data-key': 'variant-seed', 'data-testid': 'variant-seed' });
    seed.addEventListener('change', () => { const n = Number(seed.value); if (Number.isInteger(n) && n >= 0 && n <= 0xffffffff) store.getState().setSeed(n); });
    const onion = h('input', { type: 'checkbox', checked: s.onion, 'data-key': 'onion', 'data-testid': 'onion' });
    onion.addEventListener('change', () => store.getState().setOnion(onion.checked));
    const intro = rows.length === 0
      ? h('p', { class: 'muted small' }, 'No ranges yet. Press “± range” beside any number to let it vary: each variant draws it from its range.')
      : h('p', { class: 'small' }, 'Fields name a param (or an expression over params, such as 0.3 + platformHeight / 2). Variants draw each param uniformly from [min, max].');
    return [intro, ...rows,
      h('div', { class: 'studio-row' }, h('label', { class: 'studio-field' }, h('span', { class: 'studio-field-name' }, 'Variant seed'), seed),
        h('label', { class: 'studio-flag' }, onion, h('span', {}, ` show ${s.variants} variants as outlines`)))];
  });
}
