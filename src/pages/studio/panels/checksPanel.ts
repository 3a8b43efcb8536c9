// What is wrong with the scene, as the list beside the pins on the stage: the validator's problems
// (by JSON path), then the live checks' (trigger never fires, a body leaves the world, twins that
// part before the onset, an impossible twin that never departs), or a line saying all is well.
import { h } from '../../../ui/dom';
import type { SceneIssue } from '../../../scenes/sceneError';
import type { CheckState } from '../liveChecks';
import { CHECK_VARIANTS } from '../liveChecks';
import { pathKeys } from '../model/checkMarkers';
import type { StudioStore } from '../studioStore';

export function renderChecksPanel(host: HTMLElement, store: StudioStore, invalid: readonly SceneIssue[], checks: CheckState): void {
  const item = (i: SceneIssue, kind: string, k: number): HTMLElement => {
    const li = h('li', { class: 'studio-problem', 'data-testid': `${kind}-problem-${k}`, 'data-path': i.path }, h('code', {}, i.path || '(file)'), ` ${i.message}`);
    const [list, index] = pathKeys(i.path);
    const doc = store.getState().history.doc;
    const id = list === 'bodies' && typeof index === 'number' ? doc.bodies[index]?.id : list === 'occluders' && typeof index === 'number' ? doc.occluders?.[index]?.id : undefined;
    if (id) {
      const show = h('button', { type: 'button', class: 'btn btn-small' }, `Select ${id}`);
      show.addEventListener('click', () => store.getState().select(id));
      li.append(' ', show);
    }
    return li;
  };
  const parts: Node[] = [];
  if (invalid.length > 0) {
    parts.push(h('p', { class: 'small', 'data-testid': 'checks-summary' }, `The scene is not valid yet (${invalid.length} problem${invalid.length === 1 ? '' : 's'}):`),
      h('ul', { class: 'studio-problems' }, ...invalid.map((i, k) => item(i, 'schema', k))));
  } else if (checks.status !== 'done' && checks.status !== 'failed') {
    parts.push(h('p', { class: 'small muted', 'data-testid': 'checks-summary' }, `Checking the canonical scene and ${CHECK_VARIANTS} variants…`));
  } else if (checks.status === 'failed') {
    parts.push(h('p', { class: 'small', 'data-testid': 'checks-summary' }, `The checks could not run: ${checks.error}`));
  } else if (checks.problems.length === 0) {
    parts.push(h('p', { class: 'small studio-ok', 'data-testid': 'checks-summary' }, `✓ Checked the canonical scene and ${CHECK_VARIANTS} variants (seed ${checks.seed}): the trigger fires, nothing leaves the world, the twins are identical up to the onset and part after it.`));
  } else {
    parts.push(h('p', { class: 'small', 'data-testid': 'checks-summary' }, `${checks.problems.length} problem${checks.problems.length === 1 ? '' : 's'} in the canonical scene and ${CHECK_VARIANTS} variants (seed ${checks.seed}); each is pinned on the stage where it happens:`),
      h('ul', { class: 'studio-problems' }, ...checks.problems.map((p, k) => item(p, 'check', k))));
  }
  host.replaceChildren(...parts);
}
