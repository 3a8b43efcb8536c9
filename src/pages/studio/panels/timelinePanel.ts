// The actions on a timeline: each action (push, carry, release, drop) and each screen move is a
// mark at its time along the trial (a carry or a move a bar over its duration); below, each
// action's fields. Adding one puts it on the selected body.
import { h } from '../../../ui/dom';
import type { SceneDraft } from '../model/sceneDraft';
import { ACTION_CHOICES, ACTION_WORDS } from '../model/kindWords';
import { addAction, type ActionType } from '../model/studioEdits';
import type { StudioStore } from '../studioStore';
import { choiceField, numberField, rebuild } from './fields';

/** A time field's value in seconds when it is a plain number or names a param (its default). */
function seconds(doc: SceneDraft, v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && doc.params?.[v]) return doc.params[v]!.default;
  return null;
}

function strip(doc: SceneDraft, store: StudioStore): HTMLElement {
  const total = doc.duration > 0 ? doc.duration : 1;
  const pct = (t: number): string => `${Math.min(100, Math.max(0, (t / total) * 100)).toFixed(2)}%`;
  const marks: HTMLElement[] = [];
  (doc.actions ?? []).forEach((a, i) => {
    const at = seconds(doc, a.at);
    if (at === null) return;
    const span = a.type === 'carry' ? seconds(doc, a.duration) ?? 0 : 0;
    const mark = h('button', { type: 'button', class: `studio-mark studio-mark-${a.type}`, 'data-testid': `timeline-action-${i}`, style: `left:${pct(at)};${span > 0 ? `width:${pct(span)}` : ''}`,
      title: `${a.type} ${a.body} at ${at} s`, 'aria-label': `${a.type} ${a.body} at ${at} seconds: edit` }, a.type);
    mark.addEventListener('click', () => {
      store.getState().select(a.body);
      document.querySelector<HTMLElement>(`[data-key="actions.${i}.at"]`)?.focus();
    });
    marks.push(mark);
  });
  (doc.occluders ?? []).forEach((o, j) => (o.moves ?? []).forEach((m, k) => {
    const at = seconds(doc, m.at);
    if (at === null) return;
    const mark = h('button', { type: 'button', class: 'studio-mark studio-mark-screen', style: `left:${pct(at)};width:${pct(seconds(doc, m.duration) ?? 0)}`, 'aria-label': `${o.id} moves at ${at} seconds: select the screen` }, o.id);
    mark.addEventListener('click', () => store.getState().select(o.id));
    marks.push(mark);
    void j; void k;
  }));
  const ticks = Array.from({ length: Math.floor(total) + 1 }, (_, s) => h('span', { class: 'studio-tick', style: `left:${pct(s)}`, 'aria-hidden': 'true' }, `${s}s`));
  return h('div', { class: 'studio-strip', 'data-testid': 'timeline', role: 'group', 'aria-label': `Timeline, 0 to ${total} s` }, ...ticks, ...marks);
}

export function renderTimelinePanel(host: HTMLElement, store: StudioStore, doc: SceneDraft): void {
  rebuild(host, () => {
    const bodies = doc.bodies.filter((b) => b.kind !== 'ground' && b.kind !== 'platform' && b.kind !== 'wall').map((b) => [b.id, b.id] as const);
    const rows = (doc.actions ?? []).map((a, i) => {
      const p = ['actions', i];
      const fields: HTMLElement[] = [choiceField(store, doc, 'Body', [...p, 'body'], bodies.length ? bodies : [[a.body, a.body]]), numberField(store, doc, 'At (s)', [...p, 'at'], { vary: true })];
      if (a.type === 'push') {
        fields.push(numberField(store, doc, 'Velocity x (m/s)', [...p, 'velocity', 'x'], { vary: true }), numberField(store, doc, 'Velocity y (m/s)', [...p, 'velocity', 'y'], { vary: true }),
          choiceField(store, doc, 'By', [...p, 'by'], [['hand', 'a hand (seen)'], ['impulse', 'an unseen impulse']], 'an unseen impulse (default)'));
      } else if (a.type === 'carry') {
        fields.push(numberField(store, doc, 'Over (s)', [...p, 'duration'], { vary: true }), numberField(store, doc, 'To x (m)', [...p, 'to', 'x'], { vary: true }), numberField(store, doc, 'To y (m)', [...p, 'to', 'y'], { vary: true }));
      } else if (a.type === 'drop') {
        fields.push(numberField(store, doc, 'Velocity x (m/s)', [...p, 'velocity', 'x'], { placeholder: '0' }), numberField(store, doc, 'Velocity y (m/s)', [...p, 'velocity', 'y'], { placeholder: '0' }));
      }
      const drop = h('button', { type: 'button', class: 'btn btn-small', 'data-key': `actions.${i}#remove`, 'data-testid': `remove-action-${i}` }, 'Remove');
      drop.addEventListener('click', () => store.getState().edit({ op: 'remove', path: p }, `remove ${a.type} of ${a.body}`));
      return h('fieldset', { class: 'studio-group', 'data-testid': `action-${i}` }, h('legend', {}, `${i + 1}. ${a.type} — ${ACTION_WORDS[a.type]}`), ...fields, drop);
    });
    const type = h('select', { 'data-key': 'new-action-type', 'data-testid': 'new-action-type', 'aria-label': 'Kind of action' },
      ...ACTION_CHOICES.map((k) => h('option', { value: k, title: ACTION_WORDS[k] }, `${k}: ${ACTION_WORDS[k]}`)));
    const selected = store.getState().selected;
    const target = doc.bodies.find((b) => b.id === selected && b.kind !== 'ground');
    const add = h('button', { type: 'button', class: 'btn btn-small', 'data-key': 'add-action', 'data-testid': 'add-action', disabled: !target }, target ? `Add to ${target.id}` : 'Select a body to add an action');
    add.addEventListener('click', () => {
      const s = store.getState();
      if (target) s.edit(addAction(s.history.doc, type.value as ActionType, target.id, 0.5), `add ${type.value} to ${target.id}`);
    });
    return [strip(doc, store), ...rows, h('div', { class: 'studio-row' }, type, add)];
  });
}
