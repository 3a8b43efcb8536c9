// The trial panel: what is playing (trial n of N, its phase and condition unless hidden), the
// stage, progress, run controls, the hold-to-look button and the live surprise curve.
import { h } from '../../ui/dom';
import { createLiveCurve, type LiveCurve } from './liveCurve';
import { createTrialStage, type TrialStage } from './trialStage';

export interface StagePanel {
  stage: TrialStage;
  curve: LiveCurve;
  heading(title: string, badge: { text: string; kind: 'possible' | 'impossible' | 'familiarization' } | null, note?: string): void;
  progress(done: number, total: number): void;
  /** Shows the run controls (while a run exists) and whether it is going. */
  controls(state: 'none' | 'running' | 'stopping' | 'paused'): void;
  overlay(text: string | null): void;
  looking(enabled: boolean, held: boolean): void;
  replayable(enabled: boolean): void;
}

export interface StageActions { pause(): void; resume(): void; end(): void; replay(): void; holdLook(held: boolean): void }

export async function mountStagePanel(host: HTMLElement, actions: StageActions): Promise<StagePanel> {
  const title = h('span', { class: 'stage-title', 'data-testid': 'stage-title' }, 'No trial yet');
  const badge = h('span', { class: 'badge', 'data-testid': 'stage-badge', hidden: true });
  const note = h('span', { class: 'muted small', 'data-testid': 'stage-note' });
  const canvasHost = h('div', { class: 'stage-canvas', 'data-testid': 'study-stage', role: 'img', 'aria-label': 'the trial being shown' });
  const overlayText = h('div', { class: 'stage-overlay', 'data-testid': 'stage-overlay' }, 'Set up a study on the left and press Start.');
  const light = h('span', { class: 'looking-light', 'data-testid': 'looking-light', hidden: true, 'aria-live': 'polite' }, 'not looking');
  const fill = h('div', { class: 'progress-fill', 'data-testid': 'study-progress-fill' });
  const bar = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 1, 'aria-valuenow': 0, 'aria-label': 'trials finished' }, fill);
  const count = h('span', { class: 'muted small', 'data-testid': 'study-progress' }, '');
  const pause = h('button', { class: 'btn', type: 'button', 'data-testid': 'study-pause', hidden: true }, 'Pause after this trial');
  const resume = h('button', { class: 'btn btn-primary', type: 'button', 'data-testid': 'study-resume', hidden: true }, 'Resume');
  const end = h('button', { class: 'btn', type: 'button', 'data-testid': 'study-end', hidden: true }, 'End the run');
  const replay = h('button', { class: 'btn', type: 'button', 'data-testid': 'stage-replay', disabled: true }, 'Replay');
  const look = h('button', { class: 'btn', type: 'button', 'data-testid': 'hold-to-look', hidden: true, title: 'Hold while you look (or hold the L key)' }, 'Hold while looking (L)');
  const chartHost = h('div', { class: 'live-chart', role: 'figure', 'data-testid': 'live-chart', 'aria-label': 'surprise of each observer during the trial' });
  canvasHost.append(overlayText, light);

  host.replaceChildren(
    h('h2', { class: 'panel-title' }, 'Trial'),
    h('div', { class: 'stage-head' }, title, badge, note),
    canvasHost,
    h('div', { class: 'stage-controls' }, bar, count),
    h('div', { class: 'stage-controls' }, pause, resume, end, replay, look),
    chartHost,
  );
  bar.style.flex = '1 1 12rem';
  pause.addEventListener('click', actions.pause);
  resume.addEventListener('click', actions.resume);
  end.addEventListener('click', actions.end);
  replay.addEventListener('click', actions.replay);
  look.addEventListener('pointerdown', (e) => { look.setPointerCapture(e.pointerId); actions.holdLook(true); });
  for (const type of ['pointerup', 'pointercancel', 'lostpointercapture'] as const) look.addEventListener(type, () => actions.holdLook(false));

  const stage = await createTrialStage(canvasHost);
  const curve = createLiveCurve(chartHost);
  return {
    stage, curve,
    heading(text, b, n) {
      title.textContent = text;
      badge.hidden = !b;
      if (b) { badge.textContent = b.text; badge.className = `badge badge-${b.kind}`; }
      note.textContent = n ?? '';
    },
    progress(done, total) {
      const share = total > 0 ? done / total : 0;
      fill.style.width = `${(share * 100).toFixed(1)}%`;
      bar.setAttribute('aria-valuenow', share.toFixed(3));
      count.textContent = total > 0 ? `${done} of ${total} trials finished` : '';
    },
    controls(state) {
      pause.hidden = state !== 'running';
      resume.hidden = state !== 'paused';
      end.hidden = state === 'none';
      pause.disabled = false;
      if (state === 'stopping') { pause.hidden = false; pause.disabled = true; pause.textContent = 'Pausing after this trial…'; } else pause.textContent = 'Pause after this trial';
    },
    overlay(text) {
      overlayText.hidden = text === null;
      overlayText.textContent = text ?? '';
    },
    looking(enabled, held) {
      light.hidden = !enabled;
      look.hidden = !enabled;
      light.textContent = held ? 'looking' : 'not looking';
      light.classList.toggle('is-on', held);
      look.setAttribute('aria-pressed', String(held));
    },
    replayable(enabled) { replay.disabled = !enabled; },
  };
}
