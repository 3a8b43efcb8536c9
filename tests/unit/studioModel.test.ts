// The studio's editing model: edits as data with exact inverses, undo/redo, snapping, the edits
// that place, move, vary and rename, and the canonical text that compares two scene files.
import { describe, expect, it } from 'vitest';
import { applyEdit, getAt } from '../../src/pages/studio/model/jsonEdit';
import { commitEdit, redo, startHistory, undo } from '../../src/pages/studio/model/history';
import { snapAngle, snapMove, snapSize, snapStep } from '../../src/pages/studio/model/snapping';
import { blankScene, freshId } from '../../src/pages/studio/model/sceneDraft';
import { addAction, deleteObject, findObject, moveObject, placeObject, removeParam, renameParam, varyNumber } from '../../src/pages/studio/model/studioEdits';
import { canonicalSceneText } from '../../src/pages/studio/model/canonical';
import { readField } from '../../src/pages/studio/model/fieldText';

describe('jsonEdit', () => {
  const doc = { a: { b: [1, 2, 3] }, c: 'x' };
  it('sets, inserts and removes without touching the original, and each inverse restores it', () => {
    for (const edit of [
      { op: 'set', path: ['a', 'b', 1], value: 9 },
      { op: 'set', path: ['c'], value: undefined },
      { op: 'set', path: ['d', 'e'], value: 4 },
      { op: 'insert', path: ['a', 'b', 0], value: 0 },
      { op: 'remove', path: ['a', 'b', 2] },
      { op: 'batch', edits: [{ op: 'remove', path: ['a', 'b', 0] }, { op: 'set', path: ['c'], value: 'y' }] },
    ] as const) {
      const before = JSON.stringify(doc);
      const { doc: next, inverse } = applyEdit(doc, edit);
      expect(JSON.stringify(doc)).toBe(before);
      expect(JSON.stringify(next)).not.toBe(before);
      expect(applyEdit(next, inverse).doc).toEqual(doc);
    }
    expect(getAt(applyEdit(doc, { op: 'insert', path: ['a', 'b', 1], value: 7 }).doc, ['a', 'b'])).toEqual([1, 7, 2, 3]);
    expect('c' in (applyEdit(doc, { op: 'set', path: ['c'], value: undefined }).doc as object)).toBe(false);
  });
});

describe('history', () => {
  it('undoes and redoes every edit in order; a new edit clears redo', () => {
    let h = startHistory({ n: 0 } as Record<string, unknown>);
    h = commitEdit(h, { op: 'set', path: ['n'], value: 1 }, 'one');
    h = commitEdit(h, { op: 'set', path: ['n'], value: 2 }, 'two');
    h = undo(h);
    expect(h.doc).toEqual({ n: 1 });
    h = redo(h);
    expect(h.doc).toEqual({ n: 2 });
    h = undo(undo(h));
    expect(h.doc).toEqual({ n: 0 });
    expect(undo(h)).toBe(h);
    h = commitEdit(redo(h), { op: 'set', path: ['m'], value: 5 }, 'm');
    expect(h.future).toHaveLength(0);
    expect(h.doc).toEqual({ n: 1, m: 5 });
    expect(commitEdit(h, { op: 'batch', edits: [] }, 'nothing')).toBe(h);
  });
});

describe('snapping', () => {
  const floor = { x: 3.5, y: 0.15, width: 7, height: 0.3 };
  it('lands a body on the floor when its bottom comes within reach of the floor top, else on the grid', () => {
    const r = snapMove({ x: 1.234, y: 0.83, width: 2, height: 1 }, [floor]);
    expect(r.y).toBe(0.8);
    expect(r.guides).toContainEqual({ axis: 'y', at: 0.3 });
    expect(r.x).toBe(1.25);
    const edge = snapMove({ x: 6.03, y: 2, width: 2, height: 1 }, [floor]);
    expect(edge.x).toBe(6);
    const free = snapMove({ x: 2.02, y: 2.02, width: 0.5, height: 0.5 }, []);
    expect([free.x, free.y, free.guides.length]).toEqual([2, 2, 0]);
  });
  it('stops a keyboard step on the top of a platform below, and goes on past it at the next step', () => {
    const platform = { x: 1.3, y: 0.8, width: 2, height: 1 };
    const car = { x: 0.7, y: 1.45, width: 0.5, height: 0.25 };
    expect(snapStep(car, 0, -0.05, [platform])).toEqual({ x: 0.7, y: 1.425 });
    expect(snapStep({ ...car, y: 1.425 }, 0, -0.05, [platform])).toEqual({ x: 0.7, y: 1.375 });
    expect(snapStep({ ...car, x: 3.5 }, 0, -0.05, [platform])).toEqual({ x: 3.5, y: 1.4 });
  });
  it('snaps sizes to the grid (never to nothing) and angles to 5°', () => {
    expect(snapSize(0.52)).toBe(0.5);
    expect(snapSize(0.001)).toBe(0.05);
    expect(snapAngle(0.1)).toBe(0.087);
    expect(snapAngle(-0.01)).toBe(0);
    expect(snapAngle(-3 * Math.PI / 2)).toBe(1.571);
    expect(snapAngle(Math.PI)).toBe(3.142);
  });
});

describe('studio edits', () => {
  it('places a floor across the world, then bodies with fresh ids, and deletes one with its actions', () => {
    let doc = blankScene();
    const floor = placeObject(doc, 'ground', { x: 1, y: 1 });
    doc = applyEdit(doc, floor.edit).doc as typeof doc;
    expect(doc.bodies[0]).toEqual({ id: 'floor', kind: 'ground', x: 3.5, y: 0.15, width: 7, height: 0.3 });
    const car = placeObject(doc, 'car', { x: 1.23456, y: 2 });
    doc = applyEdit(doc, car.edit).doc as typeof doc;
    expect(doc.bodies[1]).toMatchObject({ id: 'car', x: 1.235 });
    expect(freshId(doc, 'car')).toBe('car2');
    doc = applyEdit(doc, addAction(doc, 'push', 'car', 0.5)).doc as typeof doc;
    doc = { ...doc, violation: { type: 'float', body: 'car', trigger: { on: 'loses-support' } } };
    const ref = findObject(doc, 'car')!;
    doc = applyEdit(doc, moveObject(ref, 2, 1.5)).doc as typeof doc;
    expect(doc.bodies[1]).toMatchObject({ x: 2, y: 1.5 });
    const gone = applyEdit(doc, deleteObject(doc, ref)).doc as typeof doc;
    expect(gone.bodies.map((b) => b.id)).toEqual(['floor']);
    expect(gone.actions).toEqual([]);
    expect(gone.violation).toBeUndefined();
  });
  it('gives a number a range through a new param, renames it everywhere, and removes it again', () => {
    let doc = blankScene();
    doc = applyEdit(doc, placeObject(doc, 'platform', { x: 1.3, y: 0.8 }).edit).doc as typeof doc;
    const varied = varyNumber(doc, ['bodies', 0, 'height'])!;
    expect(varied.name).toBe('platformHeight');
    doc = applyEdit(doc, varied.edit).doc as typeof doc;
    expect(doc.params).toEqual({ platformHeight: { default: 1, min: 0.8, max: 1.2 } });
    expect(doc.bodies[0]!.height).toBe('platformHeight');
    expect(varyNumber(doc, ['bodies', 0, 'height'])).toBeNull();
    doc = applyEdit(doc, { op: 'set', path: ['bodies', 0, 'y'], value: '0.3 + platformHeight / 2' }).doc as typeof doc;
    const renamed = applyEdit(doc, renameParam(doc, 'platformHeight', 'h')!).doc as typeof doc;
    expect(renamed.bodies[0]).toMatchObject({ y: '0.3 + h / 2', height: 'h' });
    expect(Object.keys(renamed.params!)).toEqual(['h']);
    expect(renameParam(doc, 'platformHeight', '1bad')).toBeNull();
    const removed = applyEdit(doc, removeParam(doc, 'platformHeight')).doc as typeof doc;
    expect(removed.bodies[0]).toMatchObject({ height: 1, y: '0.3 + platformHeight / 2' });
  });
  it('reads field text as a number, an expression or nothing', () => {
    expect([readField(' 1.50 '), readField(''), readField('carHeight * 0.28'), readField('-2e-1')]).toEqual([1.5, undefined, 'carHeight * 0.28', -0.2]);
  });
  it('compares scene files by content: key order and the $schema pointer do not count', () => {
    expect(canonicalSceneText({ $schema: './x.json', b: 1, a: { d: [1, { f: 2, e: 3 }], c: 0 } }))
      .toBe(canonicalSceneText({ a: { c: 0, d: [1, { e: 3, f: 2 }] }, b: 1 }));
    expect(canonicalSceneText({ a: [1, 2] })).not.toBe(canonicalSceneText({ a: [2, 1] }));
  });
});

describe('renaming an object', () => {
  it('renames a body in its actions and violations too, and refuses a taken or malformed id', async () => {
    const { renameObject } = await import('../../src/pages/studio/model/studioEdits');
    let doc = blankScene();
    doc = applyEdit(doc, placeObject(doc, 'ground', { x: 0, y: 0 }).edit).doc as typeof doc;
    doc = applyEdit(doc, placeObject(doc, 'ball', { x: 1, y: 1 }).edit).doc as typeof doc;
    doc = applyEdit(doc, addAction(doc, 'push', 'ball', 0.5)).doc as typeof doc;
    doc = { ...doc, violation: { type: 'pass-through', body: 'ball', other: 'floor', trigger: { on: 'contact', other: 'floor' } } };
    const renamed = applyEdit(doc, renameObject(doc, 'floor', 'ground1')!).doc as typeof doc;
    expect(renamed.bodies[0]!.id).toBe('ground1');
    expect(renamed.violation).toEqual({ type: 'pass-through', body: 'ball', other: 'ground1', trigger: { on: 'contact', other: 'ground1' } });
    const ball = applyEdit(doc, renameObject(doc, 'ball', 'marble')!).doc as typeof doc;
    expect(ball.actions![0]!.body).toBe('marble');
    expect(renameObject(doc, 'ball', 'floor')).toBeNull();
    expect(renameObject(doc, 'ball', '9ball')).toBeNull();
  });
});
