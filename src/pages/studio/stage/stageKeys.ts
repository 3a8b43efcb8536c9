// The keyboard on the editing stage. Tab / Shift+Tab pick the next / previous object (past the
// last one Tab leaves the stage as usual); arrows move it by the grid (Alt: by 1 cm); Shift+arrows
// resize it; Ctrl+←/→ (or [ and ]) rotate it by 5°; Enter goes to its properties; Delete removes
// it; Escape lets go of it.

import { nextObject } from '../model/stageObjects';
import { DEFAULT_SNAP, snapAngle, snapStep, toMillimetre } from '../model/snapping';
import { deleteObject, findObject, moveObject, resizeObject, rotateBody } from '../model/studioEdits';
import type { SceneDraft } from '../model/sceneDraft';
import type { StageObject } from '../model/stageObjects';
import type { StudioStore } from '../studioStore';

export const STAGE_KEYS_HELP = 'Tab / Shift+Tab: next / previous object · arrows: move (Alt: 1 cm) · Shift+arrows: resize · Ctrl+←/→ or [ ]: rotate 5° · Enter: edit its properties · Delete: remove · Esc: deselect';

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

/** `objectsOf` gives the objects of the document as it is now (a key repeats faster than the stage redraws). */
export function bindStageKeys(host: HTMLElement, objectsOf: (doc: SceneDraft) => StageObject[], store: StudioStore): void {
  host.addEventListener('keydown', (e) => {
    const s = store.getState();
    const doc: SceneDraft = s.history.doc;
    if (e.key === 'Tab') {
      const order = [...doc.bodies.map((b) => b.id), ...(doc.occluders ?? []).map((o) => o.id)];
      const next = nextObject(order, s.selected, e.shiftKey);
      if (next === null) return;
      e.preventDefault();
      s.select(next);
      return;
    }
    if (e.key === 'Escape') { s.select(null); return; }
    if (e.key === 'Enter' && s.selected) {
      e.preventDefault();
      document.querySelector<HTMLElement>('#studio-object [data-key]')?.focus();
      return;
    }
    const id = s.selected;
    const ref = id ? findObject(doc, id) : null;
    const obj = objectsOf(doc).find((o) => o.id === id);
    if (!ref || !obj) return;
    const arrow = ARROWS[e.key];
    const rotate = (e.ctrlKey || e.metaKey) && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') ? (e.key === 'ArrowLeft' ? 1 : -1)
      : e.key === '[' ? 1 : e.key === ']' ? -1 : 0;
    if (rotate !== 0) {
      e.preventDefault();
      const edit = rotateBody(ref, snapAngle(obj.angle + (rotate * 5 * Math.PI) / 180));
      if (edit) s.edit(edit, `rotate ${obj.id}`);
      return;
    }
    if (arrow) {
      e.preventDefault();
      const step = e.altKey ? 0.01 : DEFAULT_SNAP.grid;
      if (e.shiftKey) {
        const w = toMillimetre(Math.max(step, obj.width + arrow[0] * step));
        const hgt = toMillimetre(Math.max(step, obj.height + arrow[1] * step));
        s.edit(resizeObject(doc, ref, obj.round ? Math.max(w, hgt) : w, obj.round ? Math.max(w, hgt) : hgt), `resize ${obj.id}`);
      } else {
        const to = snapStep(obj, arrow[0] * step, arrow[1] * step, objectsOf(doc).filter((o) => o.id !== obj.id));
        s.edit(moveObject(ref, to.x, to.y), `move ${obj.id}`);
      }
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const edit = deleteObject(doc, ref);
      s.edit(edit, `delete ${obj.id}`);
      s.select(null);
    }
  });
}
