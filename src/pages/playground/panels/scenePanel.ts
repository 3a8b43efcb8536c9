// The scene picker (grouped by concept) and what the chosen scene is: title, concept, the study
// it copies, and what happens in each condition.
import type { AppStore } from '../store/appStore';
import { watch } from '../store/watch';
import type { Commands } from '../../../ui/commands';
import { h } from '../../../ui/dom';
import { groupByConcept } from '../../../ui/sceneGroups';

/** `extra` goes under the picker (the scene-file button). */
export function mountScenePanel(root: HTMLElement, store: AppStore, commands: Commands, extra?: HTMLElement): void {
  const select = h('select', { id: 'scene-select', class: 'scene-select', 'data-testid': 'scene-select' });
  const info = h('div', { class: 'scene-info' });
  root.append(h('label', { class: 'panel-title', for: 'scene-select' }, 'Scene'), select, ...(extra ? [extra] : []), info);
  select.addEventListener('change', () => {
    commands.selectScene(select.value);
    select.blur();
  });

  watch(store, (s) => s.catalog, (catalog) => {
    // Numbered as the keys 1–9 pick them.
    let n = 0;
    select.replaceChildren(...groupByConcept(catalog).map((g) =>
      h('optgroup', { label: g.concept.replace(/-/g, ' ') }, ...g.entries.map((e) => {
        n++;
        return h('option', { value: e.id }, `${n <= 9 ? `${n} · ` : ''}${e.scene!.title}${e.file.startsWith('dropped/') ? ' (your file)' : ''}`);
      }))));
    const broken = catalog.filter((e) => e.scene === null);
    if (broken.length > 0) {
      select.append(h('optgroup', { label: 'files with errors' }, ...broken.map((e) => h('option', { value: '', disabled: true }, `⚠ ${e.file}`))));
    }
    select.value = store.getState().sceneId ?? '';
  });

  watch(store, (s) => [s.sceneId, s.condition, s.catalog] as const, ([sceneId, condition, catalog]) => {
    select.value = sceneId ?? '';
    const scene = catalog.find((e) => e.id === sceneId)?.scene;
    if (!scene) {
      info.replaceChildren(h('p', { class: 'muted' }, 'No scene could be loaded.'));
      return;
    }
    const conditions = scene.conditions
      ? h('dl', { class: 'conditions' },
        h('dt', { class: condition === 'possible' ? 'current' : '' }, 'Possible'),
        h('dd', { class: condition === 'possible' ? 'current' : '' }, scene.conditions.possible),
        h('dt', { class: condition === 'impossible' ? 'current' : '' }, 'Impossible'),
        h('dd', { class: condition === 'impossible' ? 'current' : '' }, scene.conditions.impossible))
      : null;
    const parts = [
      h('h2', { class: 'scene-title', 'data-testid': 'scene-title' }, scene.title),
      h('p', { class: 'concept' }, h('span', { class: 'chip' }, scene.concept.replace(/-/g, ' '))),
      scene.description ? h('p', { class: 'description' }, scene.description) : null,
      conditions,
      h('p', { class: 'citation' }, h('span', { class: 'label' }, 'Study: '), h('cite', {}, scene.study.citation)),
      scene.study.infants ? h('p', { class: 'infants' }, h('span', { class: 'label' }, 'Infants: '), scene.study.infants) : null,
    ];
    info.replaceChildren(...parts.filter((p) => p !== null));
  }, (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2]);
}
