// The progress of a run: a bar of experience seen against the budget (frames, and minutes of
// watching at 60 fps), what the worker is doing, its speed, and the last step's loss.
import { h } from '../../ui/dom';
import type { ProgressReport, RunState } from '../../worker/protocol';
import { minutesOf } from '../../web/experienceMarks';

const STATE_WORDS: Record<RunState | 'idle', string> = {
  idle: 'Not training.', starting: 'Setting up: the held-out episodes and the probe pairs…', training: 'Training.',
  measuring: 'Re-measuring the developmental curve…', paused: 'Paused.', done: 'Done.', cancelled: 'Cancelled.', failed: 'Failed.',
};

export interface ProgressPanel { setState(state: RunState | 'idle', message?: string): void; update(p: ProgressReport): void; reset(): void }

export function mountProgressPanel(root: HTMLElement, thumb: HTMLCanvasElement): ProgressPanel {
  const fill = h('div', { class: 'bar-fill' });
  const bar = h('div', { class: 'bar', role: 'progressbar', 'aria-label': 'Training progress', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, 'data-testid': 'progress-bar' }, fill);
  const amount = h('p', { class: 'progress-amount', 'data-testid': 'progress-text' }, 'No experience yet.');
  const detail = h('p', { class: 'muted small', 'data-testid': 'progress-detail' });
  const state = h('p', { class: 'run-state', 'data-testid': 'run-state', 'aria-live': 'polite' }, STATE_WORDS.idle);
  root.append(h('h2', { class: 'panel-title' }, 'Experience'), h('div', { class: 'progress-row' },
    h('div', { class: 'progress-main' }, bar, amount, detail, state),
    h('figure', { class: 'thumb' }, thumb, h('figcaption', { class: 'muted small' }, 'an episode it is watching'))));
  return {
    setState(s, message) {
      state.textContent = message ? `${STATE_WORDS[s]} ${message}` : STATE_WORDS[s];
      state.dataset.state = s;
    },
    update(p) {
      const span = Math.max(1, p.targetFrames - p.startFrames);
      const pct = Math.min(100, (100 * (p.experienceFrames - p.startFrames)) / span);
      fill.style.width = `${pct.toFixed(1)}%`;
      bar.setAttribute('aria-valuenow', pct.toFixed(0));
      amount.textContent = `${p.experienceFrames.toLocaleString('en')} / ${p.targetFrames.toLocaleString('en')} frames · ${minutesOf(p.experienceFrames)} / ${minutesOf(p.targetFrames)} of watching at 60 fps`;
      const doing = p.phase === 'watching' ? 'watching episodes' : p.phase === 'learning' ? 'learning from them' : 'between chunks';
      detail.textContent = `${p.gradientSteps} gradient steps · ${Math.round(p.framesPerSecond)} frames/s in the worker · ${p.trainingSeconds.toFixed(0)} s training · ${doing}${Number.isFinite(p.stepLoss) ? ` · step loss ${p.stepLoss.toFixed(3)}` : ''}`;
    },
    reset() {
      fill.style.width = '0%';
      amount.textContent = 'No experience yet.';
      detail.textContent = '';
    },
  };
}
