// The checkpoints saved in this browser: a list with export (the three files of public/models/, or
// one bundle), delete and "try it", and an import that refuses corrupt or incompatible files with
// the reason and leaves the stored checkpoints as they were.
import { h } from '../../ui/dom';
import { bundleCheckpoint } from '../../storage/checkpointFiles';
import { filesOf, getStored, type CheckpointSummary } from '../../storage/checkpointStore';
import { downloadFile } from '../../web/downloads';
import { markLabel, minutesOf } from '../../web/experienceMarks';

export interface SavedActions {
  remove(name: string): Promise<void>;
  importFiles(files: File[]): Promise<string>;
  tryIt(name: string): void;
}

export interface SavedPanel { setList(list: CheckpointSummary[]): void; showImport(ok: boolean, message: string): void }

export function mountSavedPanel(root: HTMLElement, actions: SavedActions): SavedPanel {
  const list = h('ul', { class: 'saved-list', 'data-testid': 'saved-list' });
  const input = h('input', { type: 'file', multiple: true, accept: '.json,.bin,application/json,application/octet-stream', 'data-testid': 'import-input' });
  const message = h('p', { class: 'import-message', 'data-testid': 'import-message', role: 'status' });
  const panel: SavedPanel = {
    setList(items) {
      list.replaceChildren(...(items.length === 0 ? [h('li', { class: 'muted small' }, 'None yet: checkpoints saved while training (or imported) appear here.')] : items.map(row)));
    },
    showImport(ok, text) {
      message.textContent = text;
      message.classList.toggle('is-problem', !ok);
    },
  };
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    panel.showImport(true, 'Checking…');
    actions.importFiles(files).then((name) => panel.showImport(true, `Imported as "${name}".`), (e: unknown) => panel.showImport(false, `Refused: ${e instanceof Error ? e.message : String(e)}. Nothing was changed.`));
  });

  const exportAs = async (name: string, how: 'bundle' | 'files'): Promise<void> => {
    const record = await getStored(name);
    if (!record) return;
    const files = filesOf(record);
    if (how === 'bundle') {
      downloadFile(`${name}.checkpoint.json`, bundleCheckpoint(name, files), 'application/json');
      return;
    }
    downloadFile(`${name}-model.json`, files.modelJson, 'application/json');
    downloadFile(`${name}-weights.bin`, files.weights, 'application/octet-stream');
    downloadFile(`${name}-meta.json`, files.metaJson, 'application/json');
  };

  function row(s: CheckpointSummary): HTMLElement {
    const button = (label: string, title: string, id: string, fn: () => void): HTMLButtonElement => {
      const b = h('button', { type: 'button', class: 'btn btn-small', title, 'data-testid': `saved-${id}-${s.name}` }, label);
      b.addEventListener('click', fn);
      return b;
    };
    return h('li', { class: 'saved-item', 'data-name': s.name },
      h('span', { class: 'saved-name' }, s.name),
      h('span', { class: 'muted small' }, ` ${markLabel(s.experienceFrames)} frames (${minutesOf(s.experienceFrames)})${s.validationLoss !== null ? ` · val. loss ${s.validationLoss.toFixed(3)}` : ''} · ${s.origin}`),
      h('span', { class: 'saved-actions' },
        button('Try it', 'surprise on car-off-platform with this checkpoint', 'try', () => actions.tryIt(s.name)),
        h('a', { class: 'btn btn-small', href: `./?models=saved:${encodeURIComponent(s.name)},constant-velocity,oracle&scene=car-off-platform&condition=impossible`, title: 'open the playground with this checkpoint ticked', 'data-testid': `saved-open-${s.name}` }, 'Playground'),
        button('Export', 'one .json bundle with the weights in base64', 'bundle', () => { void exportAs(s.name, 'bundle'); }),
        button('Files', 'model.json, weights.bin and meta.json, as in public/models/', 'files', () => { void exportAs(s.name, 'files'); }),
        button('Delete', 'remove from this browser', 'delete', () => { if (confirm(`Delete the saved checkpoint "${s.name}"?`)) void actions.remove(s.name); })));
  }

  root.append(h('h2', { class: 'panel-title' }, 'Saved checkpoints'), list,
    h('label', { class: 'import' }, h('span', {}, 'Import a checkpoint (a bundle, or model.json + weights.bin + meta.json): '), input), message);
  panel.setList([]);
  return panel;
}
