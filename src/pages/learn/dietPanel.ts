// The experience-diet controls: a slider per knob of the generator, and presets (everyday physics,
// never sees anything fall). Disabled while a learner trains: a run keeps the diet it started with.
import type { ExperienceDiet } from '../../predictor/experience';
import { DEFAULT_DIET } from '../../predictor/experience';
import { h } from '../../ui/dom';
import { DIET_PRESETS, dietHasFalls, dietProblems, sameDiet } from './dietPresets';

interface Knob { key: string; label: string; min: number; max: number; step: number; get(d: ExperienceDiet): number; set(d: ExperienceDiet, v: number): void; hint: string; format?(v: number): string }

const share = (key: 'onPlatform' | 'edgePushes' | 'drops' | 'tosses' | 'collisions' | 'eventFocus', label: string, hint: string): Knob =>
  ({ key, label, min: 0, max: 1, step: 0.05, get: (d) => d[key], set: (d, v) => { d[key] = v; }, hint });
/** A knob the diet may leave out: absent means none, and a diet without it draws exactly the episodes
 * it drew before the knob existed, so 0 removes it rather than storing a zero. */
type OptionalShare = 'mirror' | 'lowSteps' | 'lowerShelves' | 'edgeRests' | 'lowDrops' | 'ballPlay' | 'carries';
const optional = (key: OptionalShare, label: string, hint: string): Knob =>
  ({ key, label, min: 0, max: 1, step: 0.05, get: (d) => d[key] ?? 0, set: (d, v) => { if (v > 0) d[key] = v; else delete d[key]; }, hint });
const KIND_LABELS = { box: 'boxes', ball: 'balls', car: 'toy cars' } as const;
const kind = (k: 'box' | 'ball' | 'car'): Knob =>
  ({ key: k, label: KIND_LABELS[k], min: 0, max: 1, step: 0.1, get: (d) => d.kinds[k], set: (d, v) => { d.kinds[k] = v; }, hint: `how often a moving object is a ${k}` });

const KNOBS: Knob[] = [
  share('onPlatform', 'start on a platform', 'share of objects that start on a table or box (pushes may take them over the edge)'),
  share('edgePushes', 'pushed toward an edge', 'share of pushes aimed at the nearest edge'),
  share('drops', 'dropped from a hand', 'share of objects held in the air and let go'),
  share('tosses', 'thrown', 'share of objects thrown into the air'),
  share('collisions', 'collisions', 'share of episodes where two objects are pushed into each other'),
  { key: 'occlusion', label: 'a screen hides things', min: 0, max: 1, step: 0.05, get: (d) => d.occlusion ?? 0, set: (d, v) => { if (v > 0) d.occlusion = v; else delete d.occlusion; }, hint: 'share of episodes with a screen in front: what passes behind it is not seen' },
  kind('box'), kind('ball'), kind('car'),
  { key: 'objects', label: 'objects per episode (up to)', min: 1, max: 4, step: 1, get: (d) => d.objects[1], set: (d, v) => { d.objects = [1, v]; }, hint: 'moving objects per episode: 1 to this many' },
  { key: 'framesPerEpisode', label: 'frames watched per episode', min: 2, max: 48, step: 2, get: (d) => d.framesPerEpisode, set: (d, v) => { d.framesPerEpisode = v; }, hint: 'fewer frames from more episodes teach more' },
  share('eventFocus', 'frames at events', 'share of watched frames chosen where motion changes (falls, landings, pushes)'),
  optional('mirror', 'seen in a mirror', 'share of episodes watched mirrored left–right (0.5: as often as not)'),
  optional('lowSteps', 'low steps', 'share of episodes whose first platform is a low step: things drop a short way to the floor'),
  optional('lowerShelves', 'lower shelves', 'share of episodes with a lower shelf beside the platform: short drops onto it'),
  optional('edgeRests', 'set down on an edge', 'share of objects on a platform set down straddling its edge and left alone: some stay, some tip off'),
  optional('lowDrops', 'held just above and let go', 'share of objects placed on a surface that are instead held a little above it and let go'),
  optional('carries', 'carried to an edge and let go', 'share of episodes in which an unseen hand carries a box to a platform edge and lets go: half stay, half tip off'),
  optional('ballPlay', 'ball play', 'share of episodes of ball play instead: balls launching one another, tossed over one another, rolling far, side walls, thin shelves'),
  { key: 'frictionlessBalls', label: 'balls slide without friction', min: 0, max: 1, step: 1, get: (d) => (d.frictionlessBalls ? 1 : 0), set: (d, v) => { if (v > 0) d.frictionlessBalls = true; else delete d.frictionlessBalls; }, hint: 'every ball keeps its speed as the scenes\' balls do (off: balls brake a little, as most of the default diet\'s do)', format: (v) => (v > 0 ? 'yes' : 'no') },
];

export interface DietPanel { setDiet(d: ExperienceDiet): void; setEnabled(on: boolean): void }

const clone = (d: ExperienceDiet): ExperienceDiet => JSON.parse(JSON.stringify(d)) as ExperienceDiet;

/** `changed` hears the diet (a copy) after every change, and once at the start. */
export function mountDietPanel(root: HTMLElement, changed: (diet: ExperienceDiet) => void): DietPanel {
  let diet = clone(DEFAULT_DIET);
  const inputs: { knob: Knob; input: HTMLInputElement; out: HTMLOutputElement }[] = [];
  const summary = h('p', { class: 'diet-summary', 'data-testid': 'diet-summary' });
  const presets = h('div', { class: 'diet-presets', role: 'group', 'aria-label': 'Diet presets' }, ...DIET_PRESETS.map((p) => {
    const b = h('button', { type: 'button', class: 'btn', 'data-testid': `diet-preset-${p.id}`, title: p.note }, p.label);
    b.addEventListener('click', () => api.setDiet(p.diet));
    return b;
  }));
  const grid = h('div', { class: 'diet-grid' }, ...KNOBS.map((knob) => {
    const input = h('input', { type: 'range', min: knob.min, max: knob.max, step: knob.step, 'data-testid': `diet-${knob.key}`, 'aria-label': knob.label });
    const out = h('output', { class: 'diet-value' });
    input.addEventListener('input', () => {
      knob.set(diet, Number(input.value));
      show();
    });
    inputs.push({ knob, input, out });
    return h('label', { class: 'diet-knob', title: knob.hint }, h('span', { class: 'diet-label' }, knob.label), input, out);
  }));
  root.append(h('h2', { class: 'panel-title' }, 'Experience diet'), presets, grid, summary);

  const show = (): void => {
    for (const { knob, input, out } of inputs) {
      input.value = String(knob.get(diet));
      const v = knob.get(diet);
      out.value = knob.format ? knob.format(v) : knob.step < 1 ? v.toFixed(2) : String(v);
      // A screen reader then says "yes" or "0.30", as the page shows, not the raw slider position.
      input.setAttribute('aria-valuetext', out.value);
    }
    const problems = dietProblems(diet);
    const preset = DIET_PRESETS.find((p) => sameDiet(p.diet, diet));
    summary.textContent = problems.length > 0 ? `Cannot train on this diet: ${problems.join('; ')}.`
      : `${preset ? `${preset.label}. ` : 'Custom diet. '}${dietHasFalls(diet) ? 'Things fall in these episodes.' : 'Nothing ever falls in these episodes.'}`;
    summary.classList.toggle('is-problem', problems.length > 0);
    changed(clone(diet));
  };

  const api: DietPanel = {
    setDiet(d) { diet = clone(d); show(); },
    setEnabled(on) {
      for (const { input } of inputs) input.disabled = !on;
      for (const b of presets.querySelectorAll('button')) b.disabled = !on;
    },
  };
  show();
  return api;
}
