// Free play: add a box, ball or car; delete the selected body; apply magic to it now; gravity on
// or off. The pointer does the rest (drag to carry, click and flick to push).
import type { AppStore } from '../store/appStore';
import { MAGIC_CHOICES, type MagicChoice } from '../store/freePlaySlice';
import { watch } from '../store/watch';
import type { Commands, PaletteKind } from '../../../ui/commands';
import { h, noMouseFocus } from '../../../ui/dom';

const MAGIC_WORDS: Record<MagicChoice, string> = {
  float: 'floats', freeze: 'freezes', reverse: 'turns back', deflect: 'swerves', resize: 'changes size',
  teleport: 'jumps elsewhere', vanish: 'vanishes', 'pass-through': 'passes through what is below',
};

export function mountFreePlayPanel(root: HTMLElement, store: AppStore, commands: Commands): void {
  const add = (kind: PaletteKind, label: string): HTMLButtonElement => {
    const b = h('button', { class: 'btn btn-small', type: 'button', 'data-testid': `add-${kind}`, title: `Drop a ${kind} into the scene` }, label);
    noMouseFocus(b);
    b.addEventListener('click', () => commands.addBody(kind));
    return b;
  };
  const selected = h('span', { class: 'selected-name', 'data-testid': 'selected-body' });
  const del = h('button', { class: 'btn btn-small', type: 'button', 'data-testid': 'delete', title: 'Delete the selected body (Delete)' }, 'Delete');
  const magic = h('select', { class: 'magic-select', 'aria-label': 'Which magic', 'data-testid': 'magic-select' },
    ...MAGIC_CHOICES.map((m) => h('option', { value: m }, `it ${MAGIC_WORDS[m]}`)));
  const go = h('button', { class: 'btn btn-small btn-magic', type: 'button', 'data-testid': 'magic', title: 'Break physics for the selected body, now (M)' }, '✦ Magic');
  const gravity = h('input', { type: 'checkbox', 'data-testid': 'gravity' });
  for (const b of [del, go]) noMouseFocus(b);
  del.addEventListener('click', () => commands.deleteSelected());
  go.addEventListener('click', () => commands.magicNow());
  magic.addEventListener('change', () => {
    store.getState().setMagic(magic.value as MagicChoice);
    magic.blur();
  });
  gravity.addEventListener('change', () => {
    commands.setGravity(gravity.checked);
    gravity.blur();
  });

  root.append(
    h('h3', { class: 'panel-title' }, 'Free play'),
    h('p', { class: 'muted small hint' }, 'Drag a body to carry it; click and flick to push it. Click a body to select it.'),
    h('div', { class: 'palette' }, add('box', '+ Box'), add('ball', '+ Ball'), add('car', '+ Car'),
      h('label', { class: 'gravity' }, gravity, 'gravity')),
    h('div', { class: 'selection-row' }, h('span', { class: 'muted small' }, 'Selected:'), selected, del),
    h('div', { class: 'magic-row' }, magic, go),
  );

  watch(store, (s) => [s.selectedBody, s.gravityOn, s.magic] as const, ([body, g, m]) => {
    selected.textContent = body ?? 'nothing';
    selected.classList.toggle('muted', body === null);
    del.disabled = body === null;
    go.disabled = body === null;
    go.title = body ? `Make ${body} ${MAGIC_WORDS[m]}, now (M)` : 'Select a body first';
    gravity.checked = g;
    magic.value = m;
  }, (a, b) => a.every((v, i) => v === b[i]));
}
