// The overlay on the stage: time and frame (updated every frame, outside the store), the
// condition badge, the "magic" banner at the violation onset, and the end-of-trial note.
import type { AppStore } from '../store/appStore';
import { watch } from '../store/watch';
import { h } from '../../../ui/dom';
import { STEP_S } from '../../../sim/units';

export interface Hud {
  /** Every frame: the time and frame on screen. */
  update(t: number, frame: number, frames: number): void;
}

export function createHud(stage: HTMLElement, store: AppStore): Hud {
  const time = h('span', { class: 'hud-time', 'data-testid': 'time' }, 't = 0.00 s');
  const frameText = h('span', { class: 'hud-frame', 'data-testid': 'frame' }, 'frame 0');
  const badge = h('span', { class: 'badge', 'data-testid': 'condition-badge' });
  const banner = h('div', { class: 'banner', role: 'status', 'data-testid': 'magic-banner', hidden: true });
  const note = h('div', { class: 'onset-note', 'data-testid': 'onset-note', hidden: true });
  const ended = h('div', { class: 'end-note', hidden: true }, 'End of trial · Space or ▶ replays');
  const tag = h('span', { class: 'renderer-tag', 'data-testid': 'renderer' });
  const past = h('div', { class: 'past-note', 'data-testid': 'past-note', hidden: true },
    'Replaying the recorded past · ▶ continues it · a push, drag or magic here starts a new future');
  const error = h('div', { class: 'stage-error', role: 'alert', hidden: true });
  stage.append(h('div', { class: 'hud' }, h('div', { class: 'hud-clock' }, time, frameText), badge), banner, note, ended, past, tag, error);
  watch(store, (s) => s.inPast, (p) => { past.hidden = !p; });

  watch(store, (s) => s.condition, (c) => {
    badge.textContent = c;
    badge.className = `badge badge-${c}`;
  });
  watch(store, (s) => [s.condition, s.trial] as const, ([condition, trial]) => {
    const onset = trial?.onsetFrame ?? null;
    const magic = trial?.magic ?? null;
    banner.hidden = !(condition === 'impossible' && onset !== null && magic);
    banner.textContent = magic ? `magic: ${magic}` : '';
    note.hidden = !(condition === 'possible' && onset !== null && magic);
    note.textContent = onset !== null ? `t = ${(onset * STEP_S).toFixed(2)} s: in the impossible version, ${magic ?? 'magic happens'} here` : '';
    ended.hidden = !trial?.ended;
  }, (a, b) => a[0] === b[0] && a[1] === b[1]);
  watch(store, (s) => [s.renderer, s.rendererError, s.trialError] as const, ([renderer, rendererError, trialError]) => {
    tag.textContent = renderer ? (renderer === 'webgl' ? 'WebGL' : `${renderer} renderer`) : '';
    const message = rendererError ?? trialError;
    error.hidden = message === null;
    error.textContent = message ?? '';
  }, (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2]);

  let lastFrame = -1;
  let lastT = '';
  return {
    update(t, frame, frames) {
      const tText = `t = ${t.toFixed(2)} s`;
      if (tText !== lastT) {
        time.textContent = tText;
        lastT = tText;
      }
      if (frame !== lastFrame) {
        frameText.textContent = `frame ${frame} / ${frames}`;
        lastFrame = frame;
      }
    },
  };
}
