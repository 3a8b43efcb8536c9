// Form pieces the studio's panels share: number fields (a number, an expression over the params,
// or empty for the format's default) with a "vary" button that gives the number a range, text and
// choice fields, each one edit per change; and a rebuild that keeps the keyboard focus in place.
import { h } from '../../../ui/dom';
import { getAt, type Path } from '../model/jsonEdit';
import { fieldText, readField } from '../model/fieldText';
import type { SceneDraft } from '../model/sceneDraft';
import { varyNumber } from '../model/studioEdits';
import type { StudioStore } from '../studioStore';

export const keyOf = (path: Path): string => path.join('.');

/** Replaces the host's content with `build()`'s, giving the focus back to the element with the same data-key. */
export function rebuild(host: HTMLElement, build: () => Node[]): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && host.contains(active) ? active.getAttribute('data-key') : null;
  // Text typed but not yet committed (and where the caret or selection was) survives the rebuild.
  const typing = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active : null;
  const carried = typing && typing.value !== typing.defaultValue ? typing.value : null;
  const range = typing && typing.type !== 'number' ? [typing.selectionStart, typing.selectionEnd] as const : null;
  host.replaceChildren(...build());
  if (!key) return;
  // A button that went with the edit ("± range", "Remove") hands the focus to its field, or to the panel's first control.
  const again = host.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)
    ?? host.querySelector<HTMLElement>(`[data-key="${CSS.escape(key.replace(/#.*$/, ''))}"]`) ?? host.querySelector<HTMLElement>('[data-key]');
  again?.focus({ preventScroll: true });
  if ((again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement) && again.getAttribute('data-key') === key) {
    if (carried !== null) again.value = carried;
    if (range && range[0] !== null && range[1] !== null && again.type !== 'number') again.setSelectionRange(range[0], range[1]);
  }
}

export interface FieldOptions {
  /** Offer "vary" (give the number a range). */
  vary?: boolean;
  /** Shown when the field is empty: the format's default. */
  placeholder?: string;
  hint?: string;
}

/** A number field at `path`: typing a number writes a number, anything else an expression, nothing removes the key. */
export function numberField(store: StudioStore, doc: SceneDraft, label: string, path: Path, opts: FieldOptions = {}): HTMLElement {
  const key = keyOf(path);
  const value = getAt(doc, path);
  const input = h('input', { type: 'text', inputmode: 'decimal', value: fieldText(value), 'data-key': key, 'data-testid': `field-${key}`, placeholder: opts.placeholder, spellcheck: 'false', autocomplete: 'off' });
  input.addEventListener('change', () => store.getState().edit({ op: 'set', path, value: readField(input.value) }, `${label}: ${input.value}`));
  const row = h('label', { class: 'studio-field' }, h('span', { class: 'studio-field-name' }, label), input);
  const param = typeof value === 'string' ? doc.params?.[value] : undefined;
  if (param) row.append(h('span', { class: 'studio-varies small', 'data-testid': `varies-${key}` }, `varies ${param.min}–${param.max}`));
  else if (opts.vary && typeof value === 'number') {
    const vary = h('button', { type: 'button', class: 'btn btn-small', 'data-key': `${key}#vary`, 'data-testid': `vary-${key}`, 'aria-label': `Give ${label} a range` }, '± range');
    vary.addEventListener('click', () => {
      const made = varyNumber(store.getState().history.doc, path);
      if (made) store.getState().edit(made.edit, `vary ${label} as ${made.name}`);
    });
    row.append(vary);
  }
  if (opts.hint) row.title = opts.hint;
  return row;
}

/** A text field at `path` (empty removes the key unless `required`). */
export function textField(store: StudioStore, doc: SceneDraft, label: string, path: Path, opts: { required?: boolean; long?: boolean; onCommit?: (text: string) => boolean } = {}): HTMLElement {
  const key = keyOf(path);
  const value = getAt(doc, path);
  const attrs = { 'data-key': key, 'data-testid': `field-${key}`, spellcheck: 'false', autocomplete: 'off' };
  const input = opts.long ? h('textarea', { ...attrs, rows: 2 }) : h('input', { ...attrs, type: 'text' });
  input.defaultValue = typeof value === 'string' ? value : '';
  input.value = input.defaultValue;
  input.addEventListener('change', () => {
    if (opts.onCommit?.(input.value)) return;
    const text = input.value;
    store.getState().edit({ op: 'set', path, value: text === '' && !opts.required ? undefined : text }, `${label}: ${text}`);
  });
  return h('label', { class: `studio-field${opts.long ? ' studio-field-long' : ''}` }, h('span', { class: 'studio-field-name' }, label), input);
}

/** A choice among `options` (value, words) at `path`; `none` offers leaving the key out. */
export function choiceField(store: StudioStore, doc: SceneDraft, label: string, path: Path, options: readonly (readonly [string, string])[], none?: string, onPick?: (value: string) => void): HTMLElement {
  const key = keyOf(path);
  const value = getAt(doc, path);
  const select = h('select', { 'data-key': key, 'data-testid': `field-${key}` });
  if (none !== undefined) select.append(h('option', { value: '' }, none));
  for (const [v, words] of options) select.append(h('option', { value: v, selected: v === String(value ?? '') }, words));
  if (value === undefined && none !== undefined) select.value = '';
  select.addEventListener('change', () => {
    if (onPick) return onPick(select.value);
    store.getState().edit({ op: 'set', path, value: select.value === '' ? undefined : select.value }, `${label}: ${select.value}`);
  });
  return h('label', { class: 'studio-field' }, h('span', { class: 'studio-field-name' }, label), select);
}

/** A yes/no at `path`, written only when it differs from the format's default. */
export function flagField(store: StudioStore, doc: SceneDraft, label: string, path: Path, fallback: boolean): HTMLElement {
  const key = keyOf(path);
  const value = getAt(doc, path);
  const box = h('input', { type: 'checkbox', 'data-key': key, 'data-testid': `field-${key}`, checked: (typeof value === 'boolean' ? value : fallback) });
  box.addEventListener('change', () => store.getState().edit({ op: 'set', path, value: box.checked === fallback ? undefined : box.checked }, `${label}: ${box.checked}`));
  return h('label', { class: 'studio-field studio-flag' }, box, h('span', {}, label));
}

export function section(title: string, id: string, ...children: Node[]): HTMLElement {
  return h('section', { class: 'studio-section', 'aria-labelledby': id }, h('h3', { class: 'studio-section-title', id }, title), ...children);
}
