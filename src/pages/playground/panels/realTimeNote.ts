// The line that says when the playground cannot keep real time: how far behind it runs, what costs
// most per step, and a button that drops it (never a silent slow motion). Hidden while in time.
import { h, noMouseFocus } from '../../../ui/dom';
import type { Culprit, RealTimeVerdict } from '../realTimeWatch';

export interface RealTimeNote {
  /** The latest verdict (null: in time); `label` names an observer by its id. */
  update(verdict: RealTimeVerdict | null, label: (id: string) => string): void;
}

/** What the button does for each culprit, in words. */
export function dropWords(c: Culprit, label: (id: string) => string): string {
  if (c.kind === 'model') return `Drop ${label(c.id)}`;
  if (c.kind === 'ghost') return 'Turn the ghost off';
  return 'Run at half speed';
}

export function realTimeSentence(v: RealTimeVerdict, label: (id: string) => string): string {
  const what = v.culprit.kind === 'model' ? label(v.culprit.id) : v.culprit.kind === 'ghost' ? 'the ghost' : 'the physics';
  return `Slower than real time (${v.pace.toFixed(2)}×): a step costs ${v.stepMs.toFixed(1)} ms here, `
    + `and ${what} takes most of it (${v.culprit.ms.toFixed(1)} ms).`;
}

export function mountRealTimeNote(after: HTMLElement, drop: (c: Culprit) => void): RealTimeNote {
  const text = h('span', { 'data-testid': 'realtime-text' });
  const button = h('button', { type: 'button', class: 'realtime-drop', 'data-testid': 'realtime-drop' });
  noMouseFocus(button);
  const line = h('p', { class: 'realtime-note', role: 'status', 'data-testid': 'realtime-note', hidden: true }, text, ' ', button);
  after.after(line);
  let culprit: Culprit | null = null;
  button.addEventListener('click', () => {
    if (culprit) drop(culprit);
  });
  let shown = '';
  return {
    update(v, label) {
      const key = v ? `${realTimeSentence(v, label)}|${dropWords(v.culprit, label)}` : '';
      if (key === shown) return;
      shown = key;
      culprit = v?.culprit ?? null;
      line.hidden = v === null;
      text.textContent = v ? realTimeSentence(v, label) : '';
      button.textContent = v ? dropWords(v.culprit, label) : '';
    },
  };
}
