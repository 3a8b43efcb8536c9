// The stage by keyboard: Tab to the scene, Enter (or N) picks the next movable body, the arrows
// nudge it, Shift+arrows push it hard, Esc lets it go. What is selected is said in a status line.
import type { AppStore } from './store/appStore';
import type { TrialController } from './trialController';
import { watch } from './store/watch';
import { h } from '../../ui/dom';

/** Speeds (m/s) a key gives the selected body: a nudge moves it a little, a push sends it. */
const NUDGE_MS = 0.6;
const PUSH_MS = 2.5;
const DIRECTIONS: Record<string, [number, number]> = {
  ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1],
};

export const STAGE_LABEL = 'The scene. Enter picks the next body; arrows nudge it, Shift and an arrow push it; Space plays or pauses.';

export function bindStageKeys(host: HTMLElement, stage: HTMLElement, store: AppStore, controller: TrialController): void {
  host.tabIndex = 0;
  host.setAttribute('role', 'application');
  host.setAttribute('aria-label', STAGE_LABEL);
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-testid': 'stage-status', id: 'stage-status' });
  stage.append(status);
  host.setAttribute('aria-describedby', 'stage-status');

  const movable = (): string[] => controller.session?.current.bodies.filter((b) => !b.isStatic && b.present).map((b) => b.id) ?? [];
  watch(store, (s) => s.selectedBody, (id) => {
    const all = movable();
    status.textContent = id ? `Selected ${id} (${all.indexOf(id) + 1} of ${all.length}). Arrows nudge it, Shift and an arrow push it, Esc lets go.` : '';
  });

  host.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const selected = store.getState().selectedBody;
    if (e.key === 'Enter' || e.key === 'n' || e.key === 'N') {
      const all = movable();
      if (all.length === 0) {
        status.textContent = 'Nothing here can be moved.';
      } else {
        const next = all[(all.indexOf(selected ?? '') + 1) % all.length]!;
        store.getState().selectBody(next);
      }
    } else if (e.key === 'Escape' && selected) {
      store.getState().selectBody(null);
    } else if (DIRECTIONS[e.key] && selected) {
      const [dx, dy] = DIRECTIONS[e.key]!;
      const speed = e.shiftKey ? PUSH_MS : NUDGE_MS;
      controller.push(selected, dx * speed, dy * speed);
      status.textContent = `${e.shiftKey ? 'Pushed' : 'Nudged'} ${selected} ${e.key.replace('Arrow', '').toLowerCase()}.`;
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  });
}
