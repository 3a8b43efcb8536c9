// The palette: one button per thing the stage can hold (floor, platform, wall, box, ball, car,
// screen), placed in the middle of the world and selected so that it can be dragged or moved with
// the arrow keys at once; and the hand, which acts on the selected body (a push by hand).
import { h } from '../../../ui/dom';
import { PLACE_KINDS } from '../model/sceneDraft';
import { addAction, placeObject } from '../model/studioEdits';
import type { StudioStore } from '../studioStore';

export function mountPalette(host: HTMLElement, store: StudioStore): void {
  const buttons = PLACE_KINDS.map(({ kind, label }) => {
    const b = h('button', { type: 'button', class: 'btn btn-small studio-place', 'data-testid': `place-${kind}`, title: `Place a ${label.toLowerCase()} in the middle of the stage` }, `+ ${label}`);
    b.addEventListener('click', () => {
      const s = store.getState();
      const doc = s.history.doc;
      const made = placeObject(doc, kind, { x: doc.world.width / 2, y: doc.world.height * 0.6 });
      s.edit(made.edit, `place ${made.id}`);
      s.select(made.id);
    });
    return b;
  });
  const hand = h('button', { type: 'button', class: 'btn btn-small studio-place', 'data-testid': 'place-hand', title: 'A hand pushes the selected body (edit when and how hard in Actions)' }, '+ Hand (push)');
  hand.addEventListener('click', () => {
    const s = store.getState();
    const body = s.history.doc.bodies.find((b) => b.id === s.selected && b.kind !== 'ground' && b.kind !== 'platform' && b.kind !== 'wall');
    if (!body) { s.tell('Select the body the hand should push first (a box, a ball or a car).', true); return; }
    s.edit(addAction(s.history.doc, 'push', body.id, 0.5), `a hand pushes ${body.id}`);
  });
  host.append(h('div', { class: 'studio-palette', role: 'toolbar', 'aria-label': 'Place on the stage' }, ...buttons, hand));
}
