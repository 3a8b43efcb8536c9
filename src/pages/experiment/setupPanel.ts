// The setup panel: which scenes and observers, how many matched pairs, familiarization trials,
// the seed, the playback speed and the looking-time mode; Start runs the study.
import { h } from '../../ui/dom';
import { LIMITS, LOOKING_CHOICES, LOOKING_LABELS, ORDER_LABELS, SPEEDS, speedLabel, type SetupForm, type Speed } from './setupForm';
import { STUDY_ORDERS } from '../../experiment/looking/testOrders';
import { studyPresets } from '../../experiment/studyPresets';
import { orderWithControls } from '../../scenes/families';

/** `controlOf`: the title of the scene this one is a control (or the reverse direction) of. */
export interface SceneOption { id: string; title: string; concept: string; study: string; control_of?: string | undefined; controlOf?: string | undefined }
export interface ModelOption { id: string; label: string; note: string; cohortSeed?: number; members?: readonly string[] }

export interface SetupPanel {
  /** Disables the form while a study runs. */
  setRunning(running: boolean): void;
}

export function mountSetupPanel(host: HTMLElement, scenes: readonly SceneOption[], models: readonly ModelOption[], initial: SetupForm,
  onChange: (form: SetupForm, valid: boolean) => void, onStart: (form: SetupForm) => void): SetupPanel {
  const problems = h('ul', { class: 'problems', 'data-testid': 'setup-problems' });
  const sceneBoxes = scenes.map((s) => h('input', { type: 'checkbox', value: s.id, 'data-testid': `scene-${s.id}`, checked: initial.scenes.includes(s.id) }));
  const modelBoxes = models.map((m) => h('input', { type: 'checkbox', value: m.id, 'data-testid': `model-${m.id}`, checked: initial.models.includes(m.id) }));
  const number = (id: string, value: number, [lo, hi]: readonly [number, number]): HTMLInputElement =>
    h('input', { type: 'number', id, min: lo, max: hi, step: 1, value, 'data-testid': id });
  const pairs = number('study-pairs', initial.pairs, LIMITS.pairs);
  const fam = number('study-fam', initial.familiarization, LIMITS.familiarization);
  const seed = number('study-seed', initial.seed, LIMITS.seed);
  const infants = number('study-infants', initial.infants, LIMITS.infants);
  const orders = h('select', { id: 'study-orders', 'data-testid': 'study-orders' }, ...STUDY_ORDERS.map((o) => h('option', { value: o, selected: o === initial.orders }, ORDER_LABELS[o])));
  const speed = h('select', { id: 'study-speed', 'data-testid': 'study-speed' }, ...SPEEDS.map((s) => h('option', { value: String(s), selected: s === initial.speed }, speedLabel(s))));
  const looking = h('input', { type: 'checkbox', id: 'study-looking', 'data-testid': 'study-looking', checked: initial.looking });
  const lookingModel = h('select', { id: 'study-look', 'data-testid': 'study-look', title: 'Turns each observer’s surprise into looking time in seconds (docs/looking.md)' },
    ...LOOKING_CHOICES.map((c) => h('option', { value: c, selected: c === initial.lookingModel }, LOOKING_LABELS[c])));
  const habituate = h('input', { type: 'checkbox', id: 'study-habituate', 'data-testid': 'study-habituate', checked: initial.habituate });
  const start = h('button', { class: 'btn btn-primary', type: 'button', 'data-testid': 'study-start' }, 'Start the study');
  const summary = h('p', { class: 'setup-summary muted small', 'data-testid': 'setup-summary' });
  // What is chosen, and Start, at the top: the lists below are long, and the bottom Start is below the fold.
  const chosen = h('p', { class: 'setup-chosen small', 'data-testid': 'setup-chosen' });
  const startTop = h('button', { class: 'btn btn-primary', type: 'button', 'data-testid': 'study-start-top' }, 'Start');

  // The scenes in the order they were chosen (the address's `scenes=` order first, then each as it
  // is ticked), not the catalogue's: the order is the study's presentation order.
  let sceneOrder = [...initial.scenes];
  const chosenScenes = (): string[] => {
    const ticked = sceneBoxes.filter((b) => b.checked).map((b) => b.value);
    sceneOrder = [...sceneOrder.filter((id) => ticked.includes(id)), ...ticked.filter((id) => !sceneOrder.includes(id))];
    // Each control right after the scene it controls, as `lab study` orders its --scenes.
    return orderWithControls(sceneOrder.map((id) => scenes.find((s) => s.id === id)!)).map((s) => s.id);
  };
  const read = (): SetupForm => ({
    scenes: chosenScenes(),
    models: modelBoxes.filter((b) => b.checked).map((b) => b.value),
    pairs: Math.round(Number(pairs.value)),
    familiarization: Math.round(Number(fam.value)),
    seed: Math.round(Number(seed.value)),
    speed: looking.checked ? 1 : (SPEEDS.find((s) => String(s) === speed.value) ?? 1) as Speed,
    looking: looking.checked,
    lookingModel: LOOKING_CHOICES.find((c) => c === lookingModel.value) ?? 'none',
    habituate: habituate.checked,
    infants: Math.round(Number(infants.value)),
    orders: STUDY_ORDERS.find((o) => o === orders.value) ?? 'shared',
  });
  const check = (form: SetupForm): string[] => {
    const out: string[] = [];
    if (form.scenes.length === 0) out.push('Pick at least one scene.');
    if (form.models.length === 0) out.push('Pick at least one observer.');
    const inRange = (v: number, [lo, hi]: readonly [number, number]): boolean => Number.isInteger(v) && v >= lo && v <= hi;
    if (!inRange(form.pairs, LIMITS.pairs)) out.push(`Pairs: a whole number from ${LIMITS.pairs[0]} to ${LIMITS.pairs[1]}.`);
    if (!inRange(form.familiarization, LIMITS.familiarization)) out.push(`Familiarization: a whole number from ${LIMITS.familiarization[0]} to ${LIMITS.familiarization[1]}.`);
    if (!inRange(form.seed, LIMITS.seed)) out.push('Seed: a whole number from 0 to 4294967295.');
    if (!inRange(form.infants, LIMITS.infants)) out.push(`Infants per learner: a whole number from ${LIMITS.infants[0]} to ${LIMITS.infants[1]}.`);
    return out;
  };
  const refresh = (): void => {
    const form = read();
    const issues = check(form);
    problems.replaceChildren(...issues.map((p) => h('li', {}, p)));
    start.disabled = issues.length > 0 || running;
    startTop.disabled = start.disabled;
    const titleOf = (id: string): string => scenes.find((x) => x.id === id)?.title ?? id;
    const labelOf = (id: string): string => models.find((x) => x.id === id)?.label ?? id;
    chosen.textContent = `Chosen: ${form.scenes.length === 0 ? 'no scene' : form.scenes.map(titleOf).join('; ')} · ${form.models.length === 0 ? 'no observer' : form.models.map(labelOf).join(', ')}`;
    speed.disabled = form.looking || running;
    const trials = form.scenes.length * (form.familiarization + 2 * form.pairs);
    summary.textContent = issues.length > 0 ? '' : `${trials} trials: per scene ${form.familiarization} familiarization, then ${form.pairs} possible and ${form.pairs} impossible test trials in a counterbalanced order, each scored by ${scorers(form.models)} observer${scorers(form.models) === 1 ? '' : 's'}${form.models.some((id) => models.find((m) => m.id === id)?.members) ? ' (a cohort counts each of its seeds)' : ''}.`;
    onChange(form, issues.length === 0);
  };
  let running = false;
  const scorers = (ids: readonly string[]): number => ids.reduce((n, id) => n + (models.find((m) => m.id === id)?.members?.length ?? 1), 0);
  const modelChoice = (i: number): HTMLElement => h('label', { class: 'choice', title: models[i]!.note }, modelBoxes[i]!, h('span', {}, models[i]!.label));
  /** The cohort's other seeds, folded away by seed (open when the address already picks one). */
  const cohortChoices = (): HTMLElement | null => {
    const seeds = [...new Set(models.flatMap((m) => (m.cohortSeed === undefined ? [] : [m.cohortSeed])))];
    if (seeds.length === 0) return null;
    const picked = models.some((m) => m.cohortSeed !== undefined && initial.models.includes(m.id));
    return h('details', { class: 'model-cohort', open: picked, 'data-testid': 'study-cohort' },
      h('summary', {}, `Cohort: ${seeds.length} more seed${seeds.length === 1 ? '' : 's'} of the same learner`),
      ...seeds.map((seed) => h('div', { class: 'cohort-seed' }, h('span', { class: 'choice-note' }, `seed ${seed}`),
        ...models.map((m, i) => (m.cohortSeed === seed ? modelChoice(i) : null)))));
  };

  /** Each age's seeds as one observer (scored seed by seed; the results say how many seeds pass). */
  const cohortObservers = (): HTMLElement | null => {
    if (!models.some((m) => m.members)) return null;
    return h('details', { class: 'model-cohort', open: models.some((m) => m.members && initial.models.includes(m.id)), 'data-testid': 'study-cohorts' },
      h('summary', {}, 'Cohorts: all seeds of an age as one observer'),
      ...models.map((m, i) => (m.members ? modelChoice(i) : null)));
  };

  // Presets tick the scenes of a ready-made study (and the observers that bracket support).
  const presets = studyPresets(scenes, models.map((m) => m.id)).map((p) => {
    const button = h('button', { class: 'btn btn-small', type: 'button', title: p.note, 'data-testid': `preset-${p.id}` }, p.label);
    button.addEventListener('click', () => {
      for (const b of sceneBoxes) b.checked = p.scenes.includes(b.value);
      sceneOrder = []; // a ready-made study's scenes in the catalogue's order, as before
      for (const b of modelBoxes) if (p.addModels.includes(b.value)) b.checked = true;
      refresh();
    });
    return button;
  });
  const concepts = [...new Set(scenes.map((s) => s.concept))];
  host.replaceChildren(
    h('h2', { class: 'panel-title' }, 'Study'),
    ...(presets.length > 0 ? [h('div', { class: 'button-row study-presets', role: 'group', 'aria-label': 'Ready-made studies' }, ...presets)] : []),
    h('div', { class: 'setup-top' }, chosen, startTop),
    h('fieldset', { class: 'scene-choices' }, h('legend', {}, 'Scenes (each has a possible and an impossible version; a control sits under its scene)'),
      ...concepts.flatMap((c) => scenes.map((s, i) => ({ s, box: sceneBoxes[i]! })).filter(({ s }) => s.concept === c).map(({ s, box }) =>
        h('label', { class: s.controlOf ? 'choice choice-control' : 'choice', title: s.study, 'data-control-of': s.control_of ?? '' }, box, h('span', {}, s.title),
          h('span', { class: 'choice-note' }, s.controlOf ? `control of “${s.controlOf}”` : s.concept))))),
    h('fieldset', {}, h('legend', {}, 'Observers (the “infants”)'),
      ...models.map((m, i) => (m.cohortSeed === undefined && !m.members ? modelChoice(i) : null)), cohortObservers(), cohortChoices()),
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'study-pairs' }, 'Matched pairs'), pairs),
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'study-fam' }, 'Familiarization trials'), fam),
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'study-seed' }, 'Seed'), seed),
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'study-speed' }, 'Playback'), speed),
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'study-look' }, 'Looking model'), lookingModel),
    h('label', { class: 'choice', for: 'study-habituate' }, habituate, h('span', {}, 'Learners habituate: they keep learning from the familiarization trials (own copies)')),
    h('div', { class: 'field', title: 'Each learner watched by this many infants, each with its own attention and, habituating, its own learning copy; the looking results count infants' },
      h('label', { class: 'field-label', for: 'study-infants' }, 'Infants per learner'), infants),
    h('div', { class: 'field', title: 'Counterbalanced: infants numbered learner by learner, every other one sees each test pair the other way round (half the infants see each event first), as infant studies do' },
      h('label', { class: 'field-label', for: 'study-orders' }, 'Test orders'), orders),
    h('label', { class: 'choice', for: 'study-looking' }, looking, h('span', {}, 'Record my looking time: hold ', h('kbd', {}, 'L'), ' while you look at the scene (trials play at 1×, conditions hidden)')),
    summary, problems,
    h('div', { class: 'button-row' }, start),
  );
  host.addEventListener('input', refresh);
  host.addEventListener('change', refresh);
  for (const button of [start, startTop]) {
    button.addEventListener('click', () => {
      const form = read();
      if (check(form).length === 0) onStart(form);
    });
  }
  refresh();
  // The first ticked scene is shown in its scroll box, not left 13th of 15 below the box's edge.
  const firstTicked = sceneBoxes.find((b) => b.checked)?.closest('label');
  const box = host.querySelector<HTMLElement>('.scene-choices');
  if (firstTicked && box) {
    const legendBottom = box.querySelector('legend')?.getBoundingClientRect().bottom ?? box.getBoundingClientRect().top;
    box.scrollTop += firstTicked.getBoundingClientRect().top - legendBottom - 4;
  }
  return {
    setRunning(next) {
      running = next;
      for (const el of host.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) el.disabled = next;
      refresh();
    },
  };
}
