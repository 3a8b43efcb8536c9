// The Studio's entry: a scene document edited on a stage and in panels (every edit undoable), its
// variants as an onion-skin, both twins previewed, the scene checks live, a small suite on the
// learners, and files, drafts and links. Wiring only: each part lives in its own file.
import '../../web/strictCsp';
import { registerOffline } from '../../offline/registerOffline';
import '../../web/screen.css';
import './studio.css';
import { byId, h } from '../../ui/dom';
import { SCENE_FILES } from '../../web/sceneFiles';
import { buildCatalog } from '../../web/sceneCatalog';
import { ModelLibrary } from '../../web/modelLibrary';
import { readQuery } from '../../web/queryParams';
import { readSharedScene } from '../../web/sharedScene';
import { toScreenX, toScreenY } from '../../render/viewTransform';
import type { WorldSpec } from '../../sim/spec';
import { createStudioStore, docOf } from './studioStore';
import { STUDIO_QUERY } from './studioQuery';
import { blankScene, copyOfScene, type SceneDraft } from './model/sceneDraft';
import { resolveDraft, variantWorlds, type Resolution } from './model/draftResolve';
import { checkMarkers } from './model/checkMarkers';
import { stageObjects } from './model/stageObjects';
import { createEditStage } from './stage/editStage';
import { bindStagePointer } from './stage/stagePointer';
import { STAGE_KEYS_HELP, bindStageKeys } from './stage/stageKeys';
import { createLiveChecks, type CheckState } from './liveChecks';
import { mountTwinsPreview } from './twinsPreview';
import { mountPalette } from './panels/palettePanel';
import { renderObjectPanel } from './panels/objectPanel';
import { renderTimelinePanel } from './panels/timelinePanel';
import { renderViolationPanel } from './panels/violationPanel';
import { renderParamsPanel } from './panels/paramsPanel';
import { renderScenePanel } from './panels/scenePanel';
import { renderChecksPanel } from './panels/checksPanel';
import { mountFilesPanel } from './panels/filesPanel';
import { mountLearnersPanel } from './panels/learnersPanel';
import { installStudioHook } from './studioHook';

const hook = installStudioHook();
const shipped = buildCatalog(SCENE_FILES).flatMap((e) => (e.scene ? [e.scene] : []));
const query = readQuery(STUDIO_QUERY, location.search).values;
const shared = await readSharedScene(location.search);
let start: { doc: SceneDraft; origin: string } = { doc: blankScene(), origin: 'blank stage' };
const copied = query.copy ? shipped.find((s) => s.id === query.copy) : undefined;
if (shared && 'scene' in shared) start = { doc: copyOfScene(shared.scene), origin: 'the shared link' };
else if (copied) start = { doc: copyOfScene(copied), origin: `copy of ${copied.id}` };
const store = createStudioStore(start.doc, start.origin);
if (shared && 'error' in shared) store.getState().tell(`The link's shared scene was not opened: ${shared.error}`, true);
else if (query.copy && !copied) store.getState().tell(`No shipped scene “${query.copy}”; starting from a blank stage.`, true);

// Resolving is pure and costs a simulation step: once per document (and per seed for the onion-skin).
const resolved = new WeakMap<SceneDraft, Resolution>();
const resolve = (doc: SceneDraft): Resolution => {
  let r = resolved.get(doc);
  if (!r) { r = resolveDraft(doc); resolved.set(doc, r); }
  return r;
};
const stageHost = byId('studio-stage');
const stage = await createEditStage(stageHost, byId('studio-pins'));
hook.renderer = stage.renderer;
bindStagePointer(stageHost, stage, store);
bindStageKeys(stageHost, (doc) => { const r = resolve(doc); return r.ok ? stageObjects(r.world) : stage.objects(); }, store);
byId('studio-keys').textContent = `Keys on the stage: ${STAGE_KEYS_HELP}. Anywhere: Ctrl+Z undo, Ctrl+Shift+Z redo.`;
mountPalette(byId('studio-palette'), store);
const twins = await mountTwinsPreview(byId('studio-twins'));
const files = mountFilesPanel(byId('studio-files'), store, shipped);
const library = new ModelLibrary();
const listed = await library.list();
const learners = mountLearnersPanel(byId('studio-learners'), library, listed.models, () => store.getState().history.doc);
// What the store holds is read through at once (a key pressed right after another sees its effect).
for (const [key, read] of [['doc', () => store.getState().history.doc], ['origin', () => store.getState().origin], ['selected', () => store.getState().selected],
  ['undoCount', () => store.getState().history.past.length], ['redoCount', () => store.getState().history.future.length]] as const) {
  Object.defineProperty(hook, key, { get: read, enumerable: true });
}
hook.twins = () => twins.facts();
hook.learners = () => learners.facts();
hook.toScreen = (x, y) => { const t = stage.transform(); return t ? { x: toScreenX(t, x), y: toScreenY(t, y) } : null; };

let checks: CheckState = { status: 'idle' };
const live = createLiveChecks((s) => { checks = s; schedule(); });

let onion: { key: unknown; seed: number; worlds: WorldSpec[] } = { key: null, seed: -1, worlds: [] };
let lastGood: Extract<Resolution, { ok: true }> | null = null;
let shownDoc: SceneDraft | null = null;
let checkedKey: unknown = null;

function render(): void {
  const s = store.getState();
  const doc = docOf(s);
  const r = resolve(doc);
  if (r.ok) lastGood = r;
  const committed = s.history.doc;
  const committedRes = resolve(committed);
  if (committedRes.ok && onion.key !== committedRes.scene && s.onion) onion = { key: committedRes.scene, seed: s.seed, worlds: [] };
  if (committedRes.ok && s.onion && (onion.worlds.length === 0 || onion.seed !== s.seed)) onion = { key: committedRes.scene, seed: s.seed, worlds: variantWorlds(committedRes.scene, s.seed, s.variants) };
  const markers = checks.status === 'done' && committedRes.ok ? checkMarkers(checks.problems, committed) : [];
  const world = (r.ok ? r : lastGood)?.world ?? null;
  if (world) stageHost.style.setProperty('--stage-aspect', `${world.width} / ${world.height}`);
  byId('studio-twins').style.setProperty('--stage-aspect', world ? `${world.width} / ${world.height}` : '2 / 1');
  const shown = r.ok ? r : lastGood;
  if (shown) stage.draw({ world: shown.world, first: shown.first, selected: s.selected, guides: s.guides, onion: s.onion ? onion.worlds : [], markers });
  byId('studio-origin').textContent = `from ${s.origin}${r.ok ? '' : ' · not valid yet: see Checks'}`;
  const undoButton = byId<HTMLButtonElement>('studio-undo');
  const redoButton = byId<HTMLButtonElement>('studio-redo');
  undoButton.disabled = s.history.past.length === 0;
  redoButton.disabled = s.history.future.length === 0;
  undoButton.title = s.history.past.length ? `Undo: ${s.history.past[s.history.past.length - 1]!.label}` : 'Nothing to undo';
  redoButton.title = s.history.future.length ? `Redo: ${s.history.future[0]!.label}` : 'Nothing to redo';
  const notice = byId('studio-notice');
  notice.hidden = !s.notice;
  notice.classList.toggle('is-error', s.notice?.error ?? false);
  notice.textContent = s.notice?.text ?? '';
  if (!s.preview) {
    if (shownDoc !== committed || panelsSelected !== s.selected || panelsSeed !== `${s.seed}|${s.onion}`) {
      renderObjectPanel(byId('studio-object'), store, committed);
      renderTimelinePanel(byId('studio-timeline'), store, committed);
      renderViolationPanel(byId('studio-violation'), store, committed);
      renderParamsPanel(byId('studio-params'), store, committed);
      if (shownDoc !== committed) {
        renderScenePanel(byId('studio-scene'), store, committed);
        files.render(committed);
        // Both twins run the whole trial: once the edits pause, not at every arrow key.
        if (twinsTimer) clearTimeout(twinsTimer);
        twinsTimer = setTimeout(() => { twins.show(committedRes.ok ? committedRes.world : null); learners.refresh(); }, TWINS_SETTLE_MS);
      }
      shownDoc = committed;
      panelsSelected = s.selected;
      panelsSeed = `${s.seed}|${s.onion}`;
    }
    const key = committedRes.ok ? `${s.seed}` : null;
    if (committedRes.ok && (checkedKey !== committedRes.scene || checkedSeed !== key)) {
      checkedKey = committedRes.scene;
      checkedSeed = key;
      live.request(committedRes.scene, s.seed);
    } else if (!committedRes.ok && checkedKey !== null) {
      checkedKey = null;
      live.request(null, s.seed);
    }
    renderChecksPanel(byId('studio-checks'), store, committedRes.ok ? [] : committedRes.issues, checks);
  }
  Object.assign(hook, {
    issues: committedRes.ok ? [] : committedRes.issues, checks, markers, onion: s.onion ? onion.worlds.length : 0,
  });
}
const TWINS_SETTLE_MS = 250;
let twinsTimer: ReturnType<typeof setTimeout> | null = null;
let panelsSelected: string | null = null;
let panelsSeed = '';
let checkedSeed: string | null = null;
let queued = false;
function schedule(): void {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => { queued = false; render(); });
}
store.subscribe(schedule);

byId('studio-undo').addEventListener('click', () => store.getState().undo());
byId('studio-redo').addEventListener('click', () => store.getState().redo());
window.addEventListener('keydown', (e) => {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  const typing = e.target instanceof HTMLInputElement && e.target.type === 'text' || e.target instanceof HTMLTextAreaElement;
  const key = e.key.toLowerCase();
  if (typing || (key !== 'z' && key !== 'y')) return;
  e.preventDefault();
  if (key === 'y' || e.shiftKey) store.getState().redo();
  else store.getState().undo();
});
if (listed.error) byId('studio-learners').prepend(h('p', { class: 'small muted' }, listed.error));
render();
hook.ready = true;
registerOffline();
