// Scene files from the person's disk: drop one anywhere on the page, or pick it in a file dialog.
// The text goes to the loadSceneFile command; this file only moves bytes and shows the drop hint.
import type { Commands } from './commands';
import { h } from './dom';

async function readFirst(files: FileList | null | undefined, commands: Pick<Commands, 'loadSceneFile'>): Promise<void> {
  const file = files?.[0];
  if (!file) return;
  commands.loadSceneFile(file.name, await file.text());
}

/** The "Open a scene file…" button (returned for the scene panel) and the page-wide drop target. */
export function mountSceneFileDrop(page: HTMLElement, commands: Pick<Commands, 'loadSceneFile'>): HTMLElement {
  const input = h('input', { type: 'file', accept: '.json,application/json', class: 'visually-hidden', 'aria-label': 'Scene file', 'data-testid': 'scene-file', tabindex: -1 });
  const button = h('button', { class: 'btn btn-small', type: 'button', title: 'Load a scene from a .json file (or drop one on the page)' }, 'Open a scene file…');
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    void readFirst(input.files, commands).finally(() => { input.value = ''; });
  });

  const hint = h('div', { class: 'drop-hint', hidden: true }, h('div', {}, 'Drop a scene file (.json) to play it'));
  page.append(hint);
  let depth = 0;
  const hasFiles = (e: DragEvent): boolean => [...(e.dataTransfer?.types ?? [])].includes('Files');
  page.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    hint.hidden = false;
  });
  page.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) hint.hidden = true;
  });
  page.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  page.addEventListener('drop', (e) => {
    depth = 0;
    hint.hidden = true;
    if (!hasFiles(e)) return;
    e.preventDefault();
    void readFirst(e.dataTransfer?.files, commands);
  });
  return h('div', { class: 'file-row' }, button, input);
}
