// The run controls: what to grow (a newborn or a saved learner to continue), how much experience,
// where to save, what to probe; and Start, Pause, Resume, Cancel, Save now.
import { h } from '../../ui/dom';
import type { CheckpointSummary } from '../../storage/checkpointStore';
import type { RunState } from '../../worker/protocol';
import { markLabel, minutesOf } from '../../web/experienceMarks';
import type { RunForm } from './runForm';

export interface RunActions {
  /** Every edit: the settings as typed, and the saved checkpoint to continue (null: a newborn). */
  edited(form: RunForm, continueFrom: string | null): void;
  start(): void; pause(): void; resume(): void; cancel(): void; saveNow(): void;
}

export interface RunPanel {
  setSaved(list: CheckpointSummary[]): void;
  setState(state: RunState | 'idle'): void;
  showProblems(problems: string[]): void;
}

export function mountRunPanel(root: HTMLElement, initial: RunForm, scenes: { id: string; concept: string; title: string }[], actions: RunActions): RunPanel {
  let saved: CheckpointSummary[] = [];
  const field = (label: string, input: HTMLElement, hint?: string): HTMLElement => h('label', { class: 'field', title: hint }, h('span', { class: 'field-label' }, label), input);
  const text = (id: string, value: string, size = 8): HTMLInputElement => h('input', { type: 'text', value, size, 'data-testid': `run-${id}`, spellcheck: 'false' });
  const startFrom = h('select', { 'data-testid': 'run-start-from' });
  const frames = text('frames', initial.frames);
  const framesHint = h('span', { class: 'muted small' });
  const seed = text('seed', initial.seed, 6);
  const saveAt = text('save', initial.saveAt, 18);
  const name = text('name', initial.name, 14);
  const every = text('every', initial.measureEvery, 6);
  const pairs = text('pairs', initial.pairs, 3);
  const chunk = text('chunk', initial.chunk, 6);
  chunk.placeholder = '2048';
  const sceneBoxes = scenes.map((s) => {
    const box = h('input', { type: 'checkbox', value: s.id, checked: initial.probeScenes.includes(s.id), 'data-testid': `probe-${s.id}` });
    return { box, label: h('label', { class: 'probe', title: s.title }, box, h('span', {}, s.id), h('span', { class: 'muted small' }, ` ${s.concept}`)) };
  });
  const button = (id: string, label: string, fn: () => void, cls = 'btn'): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: cls, 'data-testid': `run-${id}` }, label);
    b.addEventListener('click', fn);
    return b;
  };
  const start = button('start', 'Start', actions.start, 'btn btn-primary');
  const pause = button('pause', 'Pause', actions.pause);
  const resume = button('resume', 'Resume', actions.resume);
  const cancel = button('cancel', 'Cancel', actions.cancel);
  const saveNow = button('save-now', 'Save now', actions.saveNow);
  const problems = h('ul', { class: 'problems', 'data-testid': 'run-problems', role: 'alert' });
  const showFramesHint = (): void => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(k?)\s*$/i.exec(frames.value);
    framesHint.textContent = m ? `= ${minutesOf(Number(m[1]) * (m[2] ? 1000 : 1))} of watching at 60 fps` : '';
  };
  frames.addEventListener('input', showFramesHint);
  showFramesHint();

  root.append(
    h('h2', { class: 'panel-title' }, 'Grow a learner'),
    h('div', { class: 'fields' },
      field('start from', startFrom, 'a newborn starts with random weights; a saved learner keeps what it knows'),
      h('div', { class: 'field-row' }, field('frames to watch', frames, 'experience to add, e.g. 10k'), framesHint),
      field('seed(s)', seed, 'seed of the episodes, the weights and the sampling; several (1-3, or 1, 4, 7) grow a cohort, one seed after another, drawn as a band'),
      field('save at', saveAt, 'experience marks at which a checkpoint is saved, e.g. 3k, 6k, 10k'),
      field('name', name, 'checkpoints are saved as NAME-3k, NAME-6k…'),
      field('re-measure every', every, 'frames between two measurements of the developmental curve'),
      field('pairs per scene', pairs, 'matched pairs scored per probe scene at each measurement (more: slower, steadier)'),
      field('frames per chunk', chunk, 'advanced: frames watched between bursts of learning (CLI default 2048)'),
    ),
    h('fieldset', { class: 'probes' }, h('legend', {}, 'Developmental probes'), ...sceneBoxes.map((s) => s.label)),
    h('div', { class: 'run-buttons' }, start, pause, resume, cancel, saveNow),
    problems,
  );

  const inputs: (HTMLInputElement | HTMLSelectElement)[] = [startFrom, frames, seed, saveAt, name, every, pairs, chunk, ...sceneBoxes.map((s) => s.box)];
  const renderSaved = (): void => {
    const keep = startFrom.value;
    startFrom.replaceChildren(h('option', { value: '' }, 'a newborn (random weights)'),
      ...saved.map((s) => h('option', { value: s.name }, `continue ${s.name} (${markLabel(s.experienceFrames)} frames)`)));
    startFrom.value = saved.some((s) => s.name === keep) ? keep : '';
  };
  renderSaved();
  const report = (): void => actions.edited({
    frames: frames.value, seed: seed.value, saveAt: saveAt.value, name: name.value, measureEvery: every.value, pairs: pairs.value, chunk: chunk.value, heldout: initial.heldout,
    probeScenes: sceneBoxes.filter((s) => s.box.checked).map((s) => s.box.value),
  }, startFrom.value === '' ? null : startFrom.value);
  root.addEventListener('input', report);
  root.addEventListener('change', report);
  report();

  return {
    setSaved(list) { saved = list; renderSaved(); report(); },
    setState(state) {
      const active = state === 'starting' || state === 'training' || state === 'measuring' || state === 'paused';
      for (const i of inputs) i.disabled = active;
      start.disabled = active;
      pause.disabled = !active || state === 'paused' || state === 'starting';
      resume.disabled = state !== 'paused';
      cancel.disabled = !active;
      saveNow.disabled = !active || state === 'starting';
    },
    showProblems(list) { problems.replaceChildren(...list.map((p) => h('li', {}, p))); },
  };
}
