// The observer picker: shipped checkpoints by experience, each age's cohort of seeds as one observer
// (the cohort's other seeds one by one folded away),
// the constant-velocity and gravity-only baselines and the ideal observer; tick two or more to compare them.
import type { AppStore } from '../store/appStore';
import { MAX_SELECTED_MODELS } from '../store/modelsSlice';
import type { ModelChoice } from '../../../web/modelChoice';
import { watch } from '../store/watch';
import type { Commands } from '../../../ui/commands';
import { h } from '../../../ui/dom';
import { modelColour } from '../../../web/observerColours';

function experienceText(frames: number): string {
  if (!Number.isFinite(frames)) return 'knows the true physics';
  if (frames === 0) return 'no experience';
  const k = frames >= 1000 ? `${Math.round(frames / 1000)}k` : String(frames);
  const min = frames / 3600;
  return `${k} frames · ${min < 10 ? min.toFixed(1) : Math.round(min)} min`;
}

export function mountModelPicker(root: HTMLElement, store: AppStore, commands: Pick<Commands, 'toggleModel'>): void {
  const list = h('div', { class: 'models', 'data-testid': 'models', role: 'group', 'aria-label': 'Observers' });
  const note = h('p', { class: 'muted small models-note' });
  root.append(h('h3', { class: 'panel-title' }, 'Observers'), list, note);
  let cohortOpen = false;

  watch(store, (s) => [s.models, s.selectedModels, s.suspendedModels, s.modelsStatus, s.modelsError] as const, ([models, selected, suspended, status, error]) => {
    if (status === 'loading') {
      list.replaceChildren(h('p', { class: 'muted small' }, 'Loading the list of learners…'));
      note.textContent = '';
      return;
    }
    const row = (m: ModelChoice): HTMLElement => {
      const on = selected.includes(m.id);
      const box = h('input', { type: 'checkbox', value: m.id, checked: on, disabled: !on && selected.length >= MAX_SELECTED_MODELS, 'data-testid': `model-${m.id}` });
      box.addEventListener('change', () => {
        commands.toggleModel(m.id);
        box.blur();
      });
      const problem = suspended[m.id];
      return h('label', { class: `model${on ? ' is-on' : ''}`, title: m.note },
        box,
        h('span', { class: 'swatch', style: `background:${modelColour(m, models)}` }),
        h('span', { class: 'model-name' }, m.label, m.members ? h('span', { class: 'muted small' }, ` · ${m.members.length} seeds`) : null),
        h('span', { class: 'model-exp muted' }, experienceText(m.experienceFrames)),
        problem ? h('span', { class: 'model-problem' }, problem) : null);
    };
    const groups = [
      { title: 'Learners, by experience', items: models.filter((m) => m.kind === 'learned' && m.cohortSeed === undefined && !m.members) },
      { title: 'Cohorts: all seeds of an age as one observer (mean, band lowest–highest seed)', items: models.filter((m) => m.members) },
      { title: 'Baselines', items: models.filter((m) => m.kind !== 'learned') },
    ];
    const fieldsets: HTMLElement[] = groups.filter((g) => g.items.length > 0).map((g) => h('fieldset', { class: 'model-group' }, h('legend', {}, g.title), ...g.items.map(row)));
    // The other seeds of the cohort stay folded away (one fieldset per seed) until asked for.
    const cohort = models.filter((m) => m.cohortSeed !== undefined);
    if (cohort.length > 0) {
      const seeds = [...new Set(cohort.map((m) => m.cohortSeed!))];
      cohortOpen ||= cohort.some((m) => selected.includes(m.id));
      const details = h('details', { class: 'model-cohort', open: cohortOpen, 'data-testid': 'model-cohort' },
        h('summary', {}, `Cohort: ${seeds.length} more seed${seeds.length === 1 ? '' : 's'} of the same learner`),
        ...seeds.map((seed) => h('fieldset', { class: 'model-group' }, h('legend', {}, `seed ${seed}`), ...cohort.filter((m) => m.cohortSeed === seed).map(row))));
      details.addEventListener('toggle', () => { cohortOpen = details.open; });
      fieldsets.splice(fieldsets.length - 1, 0, details);
    }
    list.replaceChildren(...fieldsets);
    note.textContent = error ?? `Tick up to ${MAX_SELECTED_MODELS} to compare them. The first learner ticked draws the ghost and the glow.`;
  }, (a, b) => a.every((v, i) => v === b[i]));
}
