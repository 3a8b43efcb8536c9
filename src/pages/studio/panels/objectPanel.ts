// The side panel for the selected object: its id, kind, place and size, material (density,
// friction, bounciness) and colour; for a screen, its moves over time. Every change is one edit.
import { h } from '../../../ui/dom';
import { BODY_KINDS } from '../../../scenes/schema';
import type { SceneDraft } from '../model/sceneDraft';
import { addScreenMove, deleteObject, findObject, renameObject } from '../model/studioEdits';
import type { StudioStore } from '../studioStore';
import { choiceField, flagField, numberField, rebuild, section, textField } from './fields';

const KIND_WORDS: Record<(typeof BODY_KINDS)[number], string> = { ground: 'floor (ground)', platform: 'platform', box: 'box', ball: 'ball', car: 'car', wall: 'wall' };

function idField(store: StudioStore, doc: SceneDraft, path: (string | number)[], id: string): HTMLElement {
  return textField(store, doc, 'Id', [...path, 'id'], {
    required: true,
    onCommit: (text) => {
      const edit = renameObject(store.getState().history.doc, id, text.trim());
      if (edit) store.getState().edit(edit, `rename ${id} to ${text}`);
      else store.getState().tell(`“${text}” cannot be the id: it is taken, or not a letter followed by letters, digits, _ or -.`, true);
      if (edit) store.getState().select(text.trim());
      return true;
    },
  });
}

export function renderObjectPanel(host: HTMLElement, store: StudioStore, doc: SceneDraft): void {
  const id = store.getState().selected;
  const ref = id ? findObject(doc, id) : null;
  rebuild(host, () => {
    if (!ref || !id) return [h('p', { class: 'muted small' }, 'Select an object on the stage (click it, or focus the stage and press Tab) to see its properties.')];
    const path = [ref.list, ref.index];
    const remove = h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'delete-object', 'data-key': 'delete-object' }, `Delete ${id}`);
    remove.addEventListener('click', () => { store.getState().edit(deleteObject(store.getState().history.doc, ref), `delete ${id}`); store.getState().select(null); });
    if (ref.list === 'occluders') {
      const o = doc.occluders![ref.index]!;
      const moves = (o.moves ?? []).map((_, k) => {
        const mp = [...path, 'moves', k];
        const drop = h('button', { type: 'button', class: 'btn btn-small', 'data-key': `${mp.join('.')}#remove`, 'aria-label': `Remove move ${k + 1}` }, '✕');
        drop.addEventListener('click', () => store.getState().edit({ op: 'remove', path: mp }, `remove move ${k + 1} of ${id}`));
        return h('fieldset', { class: 'studio-group' }, h('legend', {}, `Move ${k + 1}`),
          numberField(store, doc, 'At (s)', [...mp, 'at'], { vary: true }), numberField(store, doc, 'Over (s)', [...mp, 'duration'], { vary: true }),
          numberField(store, doc, 'To x', [...mp, 'x'], { placeholder: 'as it was' }), numberField(store, doc, 'To y', [...mp, 'y'], { placeholder: 'as it was' }),
          numberField(store, doc, 'To width', [...mp, 'width'], { placeholder: 'as it was' }), numberField(store, doc, 'To height', [...mp, 'height'], { placeholder: 'as it was' }), drop);
      });
      const add = h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'add-screen-move', 'data-key': 'add-screen-move' }, 'Add a move (rise, lower, slide)');
      add.addEventListener('click', () => store.getState().edit(addScreenMove(store.getState().history.doc, ref.index), `add a move to ${id}`));
      return [
        h('p', { class: 'small muted' }, 'A screen (occluder) hides what is behind it from the observer; it takes no part in the physics.'),
        idField(store, doc, path, id),
        numberField(store, doc, 'x (m)', [...path, 'x'], { vary: true }), numberField(store, doc, 'y (m)', [...path, 'y'], { vary: true }),
        numberField(store, doc, 'Width (m)', [...path, 'width'], { vary: true }), numberField(store, doc, 'Height (m)', [...path, 'height'], { vary: true }),
        textField(store, doc, 'Colour (#rrggbb)', [...path, 'color']),
        section('Moves', 'studio-moves-title', ...moves, add), remove,
      ];
    }
    const b = doc.bodies[ref.index]!;
    const sized = b.kind === 'ball'
      ? [numberField(store, doc, 'Radius (m)', [...path, 'radius'], { vary: true, placeholder: '0.15' })]
      : [numberField(store, doc, 'Width (m)', [...path, 'width'], { vary: true }), numberField(store, doc, 'Height (m)', [...path, 'height'], { vary: true })];
    return [
      idField(store, doc, path, id),
      choiceField(store, doc, 'Kind', [...path, 'kind'], BODY_KINDS.map((k) => [k, KIND_WORDS[k]] as const)),
      numberField(store, doc, 'x (m)', [...path, 'x'], { vary: true, hint: 'centre of the outline; a number or an expression over the params' }),
      numberField(store, doc, 'y (m)', [...path, 'y'], { vary: true }),
      ...sized,
      ...(b.kind === 'car' ? [numberField(store, doc, 'Wheel radius (m)', [...path, 'wheelRadius'], { vary: true, placeholder: 'height × 0.28' })] : []),
      numberField(store, doc, 'Angle (rad)', [...path, 'angle'], { vary: true, placeholder: '0' }),
      section('Material', 'studio-material-title',
        numberField(store, doc, 'Density (kg/m²)', [...path, 'density'], { vary: true, placeholder: 'default' }),
        numberField(store, doc, 'Friction', [...path, 'friction'], { vary: true, placeholder: 'default' }),
        numberField(store, doc, 'Bounciness (restitution)', [...path, 'restitution'], { vary: true, placeholder: 'default' }),
        ...(b.kind === 'car' || b.kind === 'box' || b.kind === 'ball' ? [numberField(store, doc, 'Rolling resistance (m/s²)', [...path, 'rollingResistance'], { vary: true, placeholder: 'default' })] : [])),
      textField(store, doc, 'Colour (#rrggbb)', [...path, 'color']),
      flagField(store, doc, 'Held by a hand at the start', [...path, 'held'], false),
      flagField(store, doc, 'Present at the start', [...path, 'present'], true),
      remove,
    ];
  });
}
