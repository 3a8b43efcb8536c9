// The Plan screen's left panel: the task (family with what decides it, number, seed, New task),
// the planners to compare (each with its colour on the stage) and the Plan button.
import type { TaskFamily } from '../../experiment/planning/planTask';
import { TASK_FAMILIES } from '../../experiment/planning/planTask';
import { h } from '../../ui/dom';
import { SEED_LIMIT, TASK_LIMIT } from './planUrl';

export const FAMILY_NOTES: Record<TaskFamily, string> = {
  basket: 'The object stands near the edge and gets a level push: its speed alone decides where it falls.',
  lob: 'Near the edge, and the hand may also lift it: the flight decides where it comes down.',
  'basket-far': 'Far from the edge: the slide (friction no observer can see) decides as much as the fall.',
};

export interface TaskForm { family: TaskFamily; task: number; seed: number }
export interface PlannerOption { id: string; label: string; note: string; colour: string }

export interface TaskPanel {
  setTask(form: TaskForm): void;
  /** While planning: the task and planner fields and Plan are disabled. */
  setBusy(busy: boolean): void;
}

export interface TaskPanelActions {
  /** Every edit: the task fields as typed, or null (with the problems shown) while not valid. */
  taskEdited(form: TaskForm | null): void;
  /** A committed change (change event, New task) to a valid task. */
  taskChanged(form: TaskForm): void;
  plannersChanged(ids: string[]): void;
  plan(): void;
}

export function mountTaskPanel(host: HTMLElement, options: readonly PlannerOption[], initial: TaskForm & { models: readonly string[] }, actions: TaskPanelActions): TaskPanel {
  const family = h('select', { id: 'plan-family', 'data-testid': 'plan-family', 'aria-describedby': 'plan-family-note' },
    ...TASK_FAMILIES.map((f) => h('option', { value: f, selected: f === initial.family }, f)));
  const familyNote = h('p', { class: 'muted small plan-family-note', id: 'plan-family-note', 'data-testid': 'plan-family-note' });
  const number = (id: string, value: number, max: number): HTMLInputElement => h('input', { type: 'number', id, min: 0, max, step: 1, value, 'data-testid': id, inputmode: 'numeric' });
  const task = number('plan-task', initial.task, TASK_LIMIT);
  const seed = number('plan-seed', initial.seed, SEED_LIMIT);
  const next = h('button', { class: 'btn', type: 'button', 'data-testid': 'plan-new-task', title: 'The next task number of this family and seed' }, 'New task');
  const problems = h('ul', { class: 'problems', 'data-testid': 'plan-problems' });
  const boxes = options.map((o) => h('input', { type: 'checkbox', value: o.id, 'data-testid': `planner-${o.id}`, checked: initial.models.includes(o.id) }));
  const plan = h('button', { class: 'btn btn-primary', type: 'button', 'data-testid': 'plan-run', 'aria-keyshortcuts': 'Enter' }, 'Plan');
  const planHint = h('span', { class: 'muted small' }, 'or press ', h('kbd', {}, 'Enter'));
  let busy = false;

  const showNote = (): void => { familyNote.textContent = FAMILY_NOTES[family.value as TaskFamily] ?? ''; };
  const whole = (input: HTMLInputElement, max: number, name: string, out: string[]): number => {
    const v = Number(input.value);
    if (input.value.trim() === '' || !Number.isInteger(v) || v < 0 || v > max) out.push(`${name}: a whole number from 0 to ${max}.`);
    return v;
  };
  const chosen = (): string[] => boxes.filter((b) => b.checked).map((b) => b.value);
  const readTask = (): TaskForm | null => {
    const out: string[] = [];
    const form = { family: family.value as TaskFamily, task: whole(task, TASK_LIMIT, 'Task number', out), seed: whole(seed, SEED_LIMIT, 'Seed', out) };
    if (chosen().length === 0) out.push('Pick at least one planner.');
    problems.replaceChildren(...out.map((p) => h('li', {}, p)));
    plan.disabled = busy || out.length > 0;
    const typed = out.some((p) => !p.startsWith('Pick')) ? null : form;
    actions.taskEdited(typed);
    return typed;
  };
  const taskChanged = (): void => {
    const form = readTask();
    if (form) actions.taskChanged(form);
  };

  host.replaceChildren(
    h('h2', { class: 'panel-title' }, 'Task'),
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'plan-family' }, 'Family'), family),
    familyNote,
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'plan-task' }, 'Task number'), task, next),
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'plan-seed' }, 'Seed'), seed),
    h('fieldset', { class: 'plan-planners' }, h('legend', {}, 'Planners (each plans with its own predictions)'),
      ...options.map((o, i) => h('label', { class: 'choice', title: o.note },
        boxes[i]!, h('span', { class: 'swatch', style: `background:${o.colour}`, 'aria-hidden': 'true' }), h('span', {}, o.label)))),
    problems,
    h('div', { class: 'button-row' }, plan, planHint),
    h('p', { class: 'muted small plan-how' }, 'Each planner tries up to 96 pushes in its own imagination and keeps the one it expects to land nearest the middle of the basket; that push then runs in the real simulation.'),
  );
  showNote();
  family.addEventListener('change', () => { showNote(); taskChanged(); });
  task.addEventListener('change', taskChanged);
  seed.addEventListener('change', taskChanged);
  for (const input of [task, seed]) input.addEventListener('input', () => { readTask(); });
  next.addEventListener('click', () => {
    const n = Number(task.value);
    task.value = String(Number.isInteger(n) && n >= 0 && n < TASK_LIMIT ? n + 1 : 0);
    taskChanged();
  });
  for (const b of boxes) b.addEventListener('change', () => { readTask(); actions.plannersChanged(chosen()); });
  plan.addEventListener('click', () => actions.plan());
  readTask();

  return {
    setTask(form) {
      family.value = form.family;
      task.value = String(form.task);
      seed.value = String(form.seed);
      showNote();
      readTask();
    },
    setBusy(next_) {
      busy = next_;
      for (const el of host.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button')) el.disabled = next_;
      readTask();
    },
  };
}
