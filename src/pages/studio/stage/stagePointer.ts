// The mouse on the editing stage: press an object to select it and drag it (snapping to the grid
// and to other objects' edges); drag the square grip to resize, the round one to rotate. The
// drag shows as a preview and becomes one edit (one undo step) when the button is let go.
import { applyEdit, type Edit } from '../model/jsonEdit';
import { snapAngle, snapMove, snapSize } from '../model/snapping';
import { gripsOf, hitTest, type StageObject } from '../model/stageObjects';
import { findObject, moveObject, resizeObject, rotateBody } from '../model/studioEdits';
import type { SceneDraft } from '../model/sceneDraft';
import { toScreenX, toScreenY, toWorldX, toWorldY } from '../../../render/viewTransform';
import type { EditStage } from './editStage';
import { GRIP_PX } from './editStage';
import type { StudioStore } from '../studioStore';

type Mode = 'move' | 'resize' | 'rotate';

export function bindStagePointer(host: HTMLElement, stage: EditStage, store: StudioStore): void {
  let drag: { mode: Mode; obj: StageObject; dx: number; dy: number; from: SceneDraft; edit: Edit | null; pointer: number } | null = null;

  const at = (e: PointerEvent): { x: number; y: number; sx: number; sy: number } | null => {
    const t = stage.transform();
    if (!t) return null;
    const r = host.getBoundingClientRect();
    const sx = e.clientX - r.left;
    const sy = e.clientY - r.top;
    return { x: toWorldX(t, sx), y: toWorldY(t, sy), sx, sy };
  };

  const near = (sx: number, sy: number, p: { x: number; y: number } | null): boolean => {
    const t = stage.transform();
    return !!t && !!p && Math.hypot(toScreenX(t, p.x) - sx, toScreenY(t, p.y) - sy) <= GRIP_PX + 4;
  };

  host.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    const p = at(e);
    if (!p) return;
    const objects = stage.objects();
    const selected = objects.find((o) => o.id === store.getState().selected);
    let mode: Mode = 'move';
    let obj: StageObject | null = null;
    if (selected && near(p.sx, p.sy, gripsOf(selected).resize)) { mode = 'resize'; obj = selected; }
    else if (selected && near(p.sx, p.sy, gripsOf(selected).rotate)) { mode = 'rotate'; obj = selected; }
    else obj = hitTest(objects, p.x, p.y);
    store.getState().select(obj?.id ?? null);
    host.focus({ preventScroll: true });
    if (!obj) return;
    e.preventDefault();
    host.setPointerCapture(e.pointerId);
    drag = { mode, obj, dx: p.x - obj.x, dy: p.y - obj.y, from: store.getState().history.doc, edit: null, pointer: e.pointerId };
    host.classList.add('is-dragging');
  });

  host.addEventListener('pointermove', (e) => {
    const p = at(e);
    if (!drag || !p || e.pointerId !== drag.pointer) return;
    const { obj, from } = drag;
    const ref = findObject(from, obj.id);
    if (!ref) return;
    let guides: ReturnType<typeof snapMove>['guides'] = [];
    if (drag.mode === 'move') {
      const others = stage.objects().filter((o) => o.id !== obj.id);
      const snapped = snapMove({ x: p.x - drag.dx, y: p.y - drag.dy, width: obj.width, height: obj.height }, others);
      guides = snapped.guides;
      drag.edit = moveObject(ref, snapped.x, snapped.y);
    } else if (drag.mode === 'resize') {
      // The corner opposite the grip stays put; sizes are measured in the object's own (turned) frame.
      const c = Math.cos(obj.angle);
      const s = Math.sin(obj.angle);
      const ax = obj.x - (obj.width / 2) * c + (obj.height / 2) * s;
      const ay = obj.y - (obj.width / 2) * s - (obj.height / 2) * c;
      const lx = (p.x - ax) * c + (p.y - ay) * s;
      const ly = -(p.x - ax) * s + (p.y - ay) * c;
      const w = snapSize(lx);
      const hgt = obj.round ? w : snapSize(ly);
      const move = moveObject(ref, ax + (w / 2) * c - (hgt / 2) * s, ay + (w / 2) * s + (hgt / 2) * c);
      drag.edit = { op: 'batch', edits: [resizeObject(from, ref, w, hgt), ...(obj.round ? [] : [move])] };
    } else {
      drag.edit = rotateBody(ref, snapAngle(Math.atan2(p.y - obj.y, p.x - obj.x) - Math.PI / 2));
    }
    if (drag.edit) store.getState().previewDrag(applyEdit(from, drag.edit).doc as SceneDraft, guides);
  });

  const end = (e: PointerEvent): void => {
    if (!drag || e.pointerId !== drag.pointer) return;
    const { edit, mode, obj } = drag;
    drag = null;
    host.classList.remove('is-dragging');
    if (edit) store.getState().edit(edit, `${mode} ${obj.id}`);
    else store.getState().previewDrag(null);
  };
  host.addEventListener('pointerup', end);
  host.addEventListener('pointercancel', end);
}
