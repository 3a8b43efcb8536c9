// Files and links: start from a blank stage or a copy of a shipped scene; export and import the
// scene JSON (the same parser and validator as `lab validate`, errors by JSON path); drafts in this
// browser; a link that carries the scene, for the playground, the Experiment screen and the studio.
import { h } from '../../../ui/dom';
import { downloadFile } from '../../../web/downloads';
import { parseSceneText, parseSceneValue } from '../../../scenes/parse';
import { SceneError } from '../../../scenes/sceneError';
import type { SceneFile } from '../../../scenes/schema';
import { MAX_SCENE_LINK_CHARS, encodeSceneLink } from '../../../web/sceneLink';
import { blankScene, copyOfScene, type SceneDraft } from '../model/sceneDraft';
import { deleteDraft, listDrafts, loadDraft, saveDraft } from '../drafts';
import type { StudioStore } from '../studioStore';
import { rebuild, section } from './fields';

export const sceneFileText = (doc: SceneDraft): string => `${JSON.stringify(doc, null, 2)}\n`;

const problemsOf = (e: unknown): string => (e instanceof SceneError ? e.message : e instanceof Error ? e.message : String(e));

export interface FilesPanel { render(doc: SceneDraft): void; shareLink(): Promise<string | null> }

export function mountFilesPanel(host: HTMLElement, store: StudioStore, shipped: readonly SceneFile[]): FilesPanel {
  const out = h('div', { class: 'studio-files-out' });
  const linkBox = h('input', { type: 'text', readonly: true, class: 'studio-link', 'data-testid': 'share-link', 'aria-label': 'Link to this scene', value: '' });
  const linkNote = h('p', { class: 'small muted', 'data-testid': 'share-note' }, `The link carries the whole scene, compressed; at most ${MAX_SCENE_LINK_CHARS} characters (bigger scenes: export the file).`);
  const opened = h('p', { class: 'small studio-open-links' });
  const fileInput = h('input', { type: 'file', accept: '.json,application/json', class: 'visually-hidden', 'data-testid': 'import-file', tabindex: -1, 'aria-label': 'Scene file to import' });
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    try {
      const scene = parseSceneText(await file.text(), file.name);
      store.getState().load(copyOfScene(scene), file.name);
      store.getState().tell(`Opened ${file.name}.`);
    } catch (e) {
      store.getState().tell(`${file.name} was not opened; nothing changed. ${problemsOf(e)}`, true);
    }
  });

  const shareLink = async (): Promise<string | null> => {
    const doc = store.getState().history.doc;
    try {
      parseSceneValue(doc, 'scene');
      const encoded = await encodeSceneLink(sceneFileText(doc));
      const base = new URL('.', location.href).href;
      const link = `${base}studio.html?shared=${encoded}`;
      linkBox.value = link;
      linkNote.textContent = `${encoded.length} of at most ${MAX_SCENE_LINK_CHARS} characters for the scene. Anyone with the link opens this very scene.`;
      opened.replaceChildren('Open it in the ', h('a', { href: `${base}index.html?shared=${encoded}`, 'data-testid': 'open-in-playground' }, 'playground'), ' or the ',
        h('a', { href: `${base}experiment.html?shared=${encoded}&scenes=${encodeURIComponent(doc.id)}`, 'data-testid': 'open-shared-in-experiment' }, 'Experiment screen'), '.');
      await navigator.clipboard?.writeText(link).catch(() => undefined);
      return link;
    } catch (e) {
      store.getState().tell(`No link made: ${problemsOf(e)}`, true);
      return null;
    }
  };

  const button = (label: string, testid: string, onClick: () => void): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: 'btn btn-small', 'data-testid': testid, 'data-key': testid }, label);
    b.addEventListener('click', onClick);
    return b;
  };

  const render = (doc: SceneDraft): void => {
    rebuild(out, () => {
      const pick = h('select', { 'data-testid': 'copy-source', 'data-key': 'copy-source', 'aria-label': 'Shipped scene to copy' },
        ...shipped.map((s) => h('option', { value: s.id }, s.title)));
      const drafts = listDrafts().map((d) => h('li', {}, `${d.id} `, h('span', { class: 'muted small' }, d.savedAt.replace('T', ' ').slice(0, 16)), ' ',
        button('Open', `open-draft-${d.id}`, () => { const loaded = loadDraft(d.key); if (loaded) store.getState().load(loaded, `draft ${d.id}`); }),
        button('Delete', `delete-draft-${d.id}`, () => { deleteDraft(d.key); render(store.getState().history.doc); })));
      return [
        section('Start', 'studio-start-title',
          button('Blank stage', 'start-blank', () => store.getState().load(blankScene(), 'blank stage')),
          h('div', { class: 'studio-row' }, pick, button('Make a copy', 'make-copy', () => {
            const scene = shipped.find((s) => s.id === pick.value);
            if (scene) store.getState().load(copyOfScene(scene), `copy of ${scene.id}`);
          }))),
        section('File', 'studio-file-title',
          h('div', { class: 'studio-row' },
            button('Export the scene (.json)', 'export-scene', () => {
              try {
                parseSceneValue(doc, 'scene');
              } catch (e) {
                store.getState().tell(`Not exported: the scene has problems. ${problemsOf(e)}`, true);
                return;
              }
              downloadFile(`${doc.id}.json`, sceneFileText(doc), 'application/json');
            }),
            button('Import a scene file…', 'import-scene', () => fileInput.click())),
          h('p', { class: 'small muted' }, 'The command line runs the exported file: ', h('code', {}, `npm run -s lab -- check ${doc.id}.json`), ', ', h('code', {}, `lab suite --scenes ${doc.id}.json --models oracle`), '.')),
        section('Drafts in this browser', 'studio-drafts-title',
          button('Save draft', 'save-draft', () => {
            try {
              saveDraft(store.getState().history.doc);
              store.getState().tell(`Saved the draft “${doc.id}” in this browser (localStorage).`);
            } catch (e) {
              store.getState().tell(problemsOf(e), true);
            }
            render(store.getState().history.doc);
          }),
          drafts.length > 0 ? h('ul', { class: 'studio-drafts', 'data-testid': 'drafts' }, ...drafts) : h('p', { class: 'small muted' }, 'No drafts saved yet.')),
      ];
    });
  };
  host.append(out, fileInput, section('Share by link', 'studio-share-title', button('Make a link to this scene', 'make-link', () => void shareLink()), linkBox, linkNote, opened));
  return { render, shareLink };
}
