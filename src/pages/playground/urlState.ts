// PhET-style query parameters: ?scene=…&condition=…&variant=…&seed=…&speed=…&models=a,b&ghost=…&autoplay.
// Read once at start; written back (replaceState) whenever the state they describe changes, so
// the address bar always holds a link that reproduces the view.
import type { Condition } from '../../sim/spec';
import type { AppState } from './store/appState';
import type { AppStore } from './store/appStore';
import { SPEEDS } from './store/playbackSlice';
import { GHOST_SECONDS } from './store/modelsSlice';
import type { RendererChoice } from '../../render/createPixiApp';
import { commaList, oneOf, readQuery, switchOn, wholeNumber, writeQuery, type IgnoredParam, type QuerySpec } from '../../web/queryParams';

export interface UrlState {
  scene?: string;
  condition?: Condition;
  variant?: number | null;
  seed?: number;
  speed?: number;
  models?: string[];
  /** The ghost's length in seconds (1, 2, 5 or 10). */
  ghost?: number;
  autoplay: boolean;
  /** Parameters present but unusable, to tell the person (the scene is checked against the catalogue later). */
  ignored: IgnoredParam[];
  /** Presentation mode (?present). */
  present?: boolean;
  /** What draws the stage (createPixiApp's choice; absent: auto). */
  renderer?: RendererChoice;
}

/** The scene the playground opens when the address names none. */
export const DEFAULT_SCENE = 'car-off-platform';

/** Seeds and variants are 32-bit unsigned integers everywhere (CLI flags, recordings, links). */
const int = wholeNumber(0, 0xffffffff, { maxDigits: 10 });
const WHOLE = 'a whole number from 0 to 4294967295';
/** A number (as Number() reads it: "2.0" is 2) among the offered ones. */
const numberIn = (offered: readonly number[]) => (t: string): number | undefined => (offered.includes(Number(t)) ? Number(t) : undefined);

/** The playground's parameters, declared once: reading, links and help come from here. */
/** The fields the address holds (everything but what was ignored). */
type UrlParams = Omit<UrlState, 'ignored'>;

export const PLAYGROUND_QUERY: QuerySpec<UrlParams> = {
  scene: { type: 'scene id', help: `the scene to open, by its id (absent: ${DEFAULT_SCENE})`, default: undefined, read: (t) => t || undefined, write: (v) => (v ? encodeURIComponent(v) : null) },
  condition: { type: 'possible | impossible', help: 'which twin of the trial runs (absent: possible)', default: undefined, read: oneOf(['possible', 'impossible'] as const), write: (v) => v ?? null },
  variant: {
    type: `canonical or ${WHOLE}`, help: 'the variant drawn (absent or canonical: every param at its default)', default: undefined,
    read: (t, ignore) => (t === 'canonical' ? null : int(t, ignore)), write: (v) => (v === null || v === undefined ? null : String(v)),
  },
  seed: { type: WHOLE, help: 'the seed the variant is drawn with (absent: 0)', default: undefined, read: int, write: (v, all) => (all.variant === null || all.variant === undefined ? null : String(v)) },
  speed: { type: SPEEDS.join(' | '), help: 'playback speed (absent: 1)', default: undefined, read: numberIn(SPEEDS), write: (v) => (v === 1 || v === undefined ? null : String(v)) },
  models: { type: 'names, comma-separated', help: 'the observers shown, at most four (absent: the oldest learner, constant velocity, the ideal observer; empty: none)', default: undefined, read: commaList, write: (v) => (v ?? []).map(encodeURIComponent).join(',') },
  ghost: { type: GHOST_SECONDS.join(' | '), help: 'how many seconds ahead the ghost looks (absent: 1)', default: undefined, read: numberIn(GHOST_SECONDS), write: (v) => (v === 1 || v === undefined ? null : String(v)) },
  present: { type: 'switch', help: 'presentation mode: stage and chart stacked full width in large type (P)', default: undefined, read: switchOn('false'), write: (v) => (v ? '' : null) },
  renderer: {
    type: 'webgl | auto | canvas', help: 'what draws the stage (absent or auto: WebGL on a GPU, the canvas renderer where WebGL is drawn in software, as in headless Chromium, where it is faster; webgl: WebGL always; read at start)',
    default: undefined, read: oneOf(['webgl', 'auto', 'canvas'] as const), write: (v) => (v === 'auto' || v === undefined ? null : v),
  },
  autoplay: { type: 'switch', help: 'start playing at once', default: false, read: switchOn('false'), write: (v) => (v ? '' : null) },
};

export function parseUrlState(search: string): UrlState {
  const { values, given } = readQuery(PLAYGROUND_QUERY, search);
  const q = new URLSearchParams(search);
  // A parameter given but not understood is named with what was expected, never silently dropped.
  const ignored: IgnoredParam[] = (Object.keys(PLAYGROUND_QUERY) as (keyof UrlParams)[])
    .filter((key) => key !== 'autoplay' && q.get(key) !== null && !given.has(key))
    .map((key) => ({ name: key, value: q.get(key)!, why: `expected ${PLAYGROUND_QUERY[key]?.type ?? "another value"}` }));
  const out: UrlState = { autoplay: values.autoplay, ignored };
  for (const key of ['scene', 'condition', 'variant', 'seed', 'speed', 'models', 'ghost', 'present', 'renderer'] as const) {
    if (values[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = values[key];
  }
  return out;
}

/** The query string for a state (parameters in a fixed order; defaults left out). */
export function urlFor(s: AppState): string {
  return writeQuery(PLAYGROUND_QUERY, {
    scene: s.sceneId ?? undefined, condition: s.condition, variant: s.variant, seed: s.seed, speed: s.speed,
    models: s.selectedModels, ghost: s.ghostSeconds, autoplay: s.running, present: s.presenting, renderer: s.rendererChoice,
  });
}

/** Applies the URL's choices that do not wait for models (scene, condition, variant, speed, ghost). */
export function applyUrlState(store: AppStore, u: UrlState): void {
  const s = store.getState();
  if (u.scene) s.selectScene(u.scene);
  if (u.condition) s.setCondition(u.condition);
  if (u.seed !== undefined) s.setSeed(u.seed);
  if (u.variant !== undefined) s.setVariant(u.variant);
  if (u.speed !== undefined) s.setSpeed(u.speed);
  if (u.ghost !== undefined) s.setGhostSeconds(u.ghost);
  if (u.present) s.setPresenting(true);
  if (u.renderer) s.setRendererChoice(u.renderer);
}

/** Keeps the address bar in step with the store (once the model list is known). */
/** `suffix` rides along on every address written (a shared scene's `&shared=…`). */
export function writeUrlOnChange(store: AppStore, suffix = ''): () => void {
  let last = '';
  const write = (s: AppState): void => {
    if (s.modelsStatus === 'loading' || !s.sceneId) return;
    const search = urlFor(s);
    if (search === last) return;
    last = search;
    history.replaceState(history.state, '', `${location.pathname}${search}${suffix}${location.hash}`);
  };
  write(store.getState());
  return store.subscribe(write);
}
