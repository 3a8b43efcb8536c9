// The violation ("the magic") and its trigger, each picked from the simulator's registries with
// its plain words; the fields each kind needs. A scene may have several violations (a list).
import { h } from '../../../ui/dom';
import type { Path } from '../model/jsonEdit';
import type { SceneDraft } from '../model/sceneDraft';
import { TRIGGER_CHOICES, TRIGGER_WORDS, VIOLATION_CHOICES, VIOLATION_WORDS } from '../model/kindWords';
import type { StudioStore } from '../studioStore';
import { choiceField, numberField, rebuild } from './fields';

type V = Record<string, unknown> & { type: string; body: string; trigger: Record<string, unknown> & { on: string } };

/** What a violation of `type` needs besides its body and trigger (starting values). */
function extrasFor(type: string, doc: SceneDraft, body: string): Record<string, unknown> {
  const other = doc.bodies.find((b) => b.id !== body)?.id ?? body;
  switch (type) {
    case 'teleport': return { to: { x: doc.world.width / 2, y: doc.world.height / 2 } };
    case 'pass-through': case 'transfer': return { other };
    case 'deflect': return { angle: 1 };
    case 'resize': return { scale: 0.6 };
    case 'reshape': return { kind: 'ball' };
    case 'set-velocity': return { velocity: { x: 0, y: -2 } };
    case 'scale-velocity': return { by: { x: -1, y: 1 } };
    default: return {};
  }
}

function triggerFor(on: string, doc: SceneDraft): Record<string, unknown> {
  const screen = doc.occluders?.[0]?.id ?? 'screen';
  switch (on) {
    case 'time': return { on, at: 1 };
    case 'enters-occluder': case 'leaves-occluder': return { on, occluder: screen };
    case 'reaches-x': return { on, x: doc.world.width / 2 };
    case 'contact': return { on, other: doc.bodies[0]?.id ?? 'floor' };
    default: return { on };
  }
}

function violationForm(store: StudioStore, doc: SceneDraft, v: V, path: Path, n: number): HTMLElement {
  const ids = doc.bodies.map((b) => [b.id, b.id] as const);
  const screens = (doc.occluders ?? []).map((o) => [o.id, o.id] as const);
  const fields: HTMLElement[] = [
    choiceField(store, doc, 'What happens', [...path, 'type'], VIOLATION_CHOICES.map((k) => [k, k] as const), undefined, (type) => {
      store.getState().edit({ op: 'set', path, value: { type, body: v.body, ...extrasFor(type, doc, v.body), trigger: v.trigger } }, `violation: ${type}`);
    }),
    h('p', { class: 'small studio-words', 'data-testid': `violation-words-${n}` }, VIOLATION_WORDS[v.type as keyof typeof VIOLATION_WORDS] ?? ''),
    choiceField(store, doc, 'To which body', [...path, 'body'], ids),
  ];
  const t = [...path, 'trigger'];
  if (v.type === 'teleport') fields.push(numberField(store, doc, 'To x (m)', [...path, 'to', 'x'], { vary: true }), numberField(store, doc, 'To y (m)', [...path, 'to', 'y'], { vary: true }));
  if (v.type === 'pass-through' || v.type === 'transfer') fields.push(choiceField(store, doc, 'Other body', [...path, 'other'], ids));
  if (v.type === 'transfer') fields.push(numberField(store, doc, 'Keeps (0–1)', [...path, 'keep'], { placeholder: '0' }));
  if (v.type === 'deflect') fields.push(numberField(store, doc, 'Angle (rad)', [...path, 'angle'], { vary: true }));
  if (v.type === 'resize') fields.push(numberField(store, doc, 'Scale', [...path, 'scale'], { vary: true }));
  if (v.type === 'reshape') fields.push(choiceField(store, doc, 'Becomes', [...path, 'kind'], [['box', 'a box'], ['ball', 'a ball']]));
  if (v.type === 'set-velocity') fields.push(numberField(store, doc, 'Velocity x (m/s)', [...path, 'velocity', 'x'], { vary: true }), numberField(store, doc, 'Velocity y (m/s)', [...path, 'velocity', 'y'], { vary: true }));
  if (v.type === 'scale-velocity') fields.push(numberField(store, doc, 'Times x', [...path, 'by', 'x'], { vary: true }), numberField(store, doc, 'Times y', [...path, 'by', 'y'], { vary: true }));
  fields.push(
    choiceField(store, doc, 'When (trigger)', [...t, 'on'], TRIGGER_CHOICES.map((k) => [k, k] as const), undefined, (on) => {
      store.getState().edit({ op: 'set', path: t, value: triggerFor(on, doc) }, `trigger: ${on}`);
    }),
    h('p', { class: 'small studio-words', 'data-testid': `trigger-words-${n}` }, TRIGGER_WORDS[v.trigger.on as keyof typeof TRIGGER_WORDS] ?? ''),
  );
  if (v.trigger.on === 'time') fields.push(numberField(store, doc, 'At (s)', [...t, 'at'], { vary: true }));
  if (v.trigger.on === 'reaches-x') fields.push(numberField(store, doc, 'x (m)', [...t, 'x'], { vary: true }));
  if (v.trigger.on === 'comes-to-rest') fields.push(numberField(store, doc, 'Below (m/s)', [...t, 'below'], { placeholder: '0.02' }));
  if (v.trigger.on === 'enters-occluder' || v.trigger.on === 'leaves-occluder') fields.push(choiceField(store, doc, 'Screen', [...t, 'occluder'], screens.length ? screens : [[String(v.trigger.occluder), String(v.trigger.occluder)]]));
  if (v.trigger.on === 'contact') fields.push(choiceField(store, doc, 'Touching', [...t, 'other'], ids));
  const remove = h('button', { type: 'button', class: 'btn btn-small', 'data-key': `${path.join('.')}#remove`, 'data-testid': `remove-violation-${n}` }, 'Remove this violation');
  remove.addEventListener('click', () => {
    const list = doc.violation;
    const edit = Array.isArray(list) && list.length > 1 ? { op: 'remove' as const, path } : { op: 'set' as const, path: ['violation'], value: undefined };
    store.getState().edit(edit, 'remove violation');
  });
  return h('fieldset', { class: 'studio-group', 'data-testid': `violation-${n}` }, h('legend', {}, `Violation ${n + 1}`), ...fields, remove);
}

export function renderViolationPanel(host: HTMLElement, store: StudioStore, doc: SceneDraft): void {
  rebuild(host, () => {
    const v = doc.violation;
    const list: { v: V; path: Path }[] = Array.isArray(v) ? v.map((x, k) => ({ v: x as V, path: ['violation', k] })) : v ? [{ v: v as V, path: ['violation'] }] : [];
    const forms = list.map(({ v: x, path }, n) => violationForm(store, doc, x, path, n));
    const target = doc.bodies.find((b) => b.id === store.getState().selected && b.kind !== 'ground') ?? doc.bodies.find((b) => b.kind !== 'ground' && b.kind !== 'platform' && b.kind !== 'wall');
    const add = h('button', { type: 'button', class: 'btn btn-small', 'data-key': 'add-violation', 'data-testid': 'add-violation', disabled: !target }, target ? `Add a violation to ${target.id}` : 'Place a body first');
    add.addEventListener('click', () => {
      if (!target) return;
      const made = { type: 'float', body: target.id, trigger: { on: 'loses-support' } };
      const edit = !v ? { op: 'set' as const, path: ['violation'], value: made }
        : Array.isArray(v) ? { op: 'insert' as const, path: ['violation', v.length], value: made }
          : { op: 'set' as const, path: ['violation'], value: [v, made] };
      store.getState().edit(edit, `add a violation to ${target.id}`);
    });
    const none = list.length === 0 ? [h('p', { class: 'muted small' }, 'No violation yet: both twins would be the same event. Add one to make the impossible twin.')] : [];
    return [...none, ...forms, add];
  });
}
