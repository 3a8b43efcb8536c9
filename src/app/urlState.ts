// PhET-style query parameters: ?scene=…&condition=…&variant=…&seed=…&speed=…&models=a,b&ghost=…&autoplay.
// Read once at start; written back (replaceState) whenever the state they describe changes, so
// the address bar always holds a link that reproduces the view.
import type { Condition } from '../sim/spec';
import type { AppState } from '../store/appState';
import type { AppStore } from '../store/appStore';
import { SPEEDS } from '../store/playbackSlice';
import { isGhostSeconds } from '../store/modelsSlice';
import { choiceParam, uint32Param, type IgnoredParam } from '../ui/queryParams';

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
}

export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const ignored: IgnoredParam[] = [];
  const out: UrlState = { autoplay: q.has('autoplay') && q.get('autoplay') !== 'false', ignored };
  const scene = q.get('scene');
  if (scene) out.scene = scene;
  const condition = choiceParam(q, 'condition', ['possible', 'impossible'] as const, ignored);
  if (condition) out.condition = condition;
  if (q.get('variant') === 'canonical') out.variant = null;
  else {
    const variant = uint32Param(q, 'variant', ignored);
    if (variant !== undefined) out.variant = variant;
  }
  const seed = uint32Param(q, 'seed', ignored);
  if (seed !== undefined) out.seed = seed;
  const speed = choiceParam(q, 'speed', SPEEDS, ignored);
  if (speed !== undefined) out.speed = speed;
  const models = q.get('models');
  if (models !== null) out.models = models.split(',').map((m) => m.trim()).filter(Boolean);
  const ghost = q.get('ghost');
  if (ghost !== null) {
    if (isGhostSeconds(Number(ghost))) out.ghost = Number(ghost);
    else ignored.push({ name: 'ghost', value: ghost, why: 'expected 1, 2, 5 or 10 (seconds)' });
  }
  return out;
}

/** The query string for a state (parameters in a fixed order; defaults left out). */
export function urlFor(s: AppState): string {
  const parts: string[] = [];
  if (s.sceneId) parts.push(`scene=${encodeURIComponent(s.sceneId)}`);
  parts.push(`condition=${s.condition}`);
  if (s.variant !== null) parts.push(`variant=${s.variant}`, `seed=${s.seed}`);
  if (s.speed !== 1) parts.push(`speed=${s.speed}`);
  parts.push(`models=${s.selectedModels.map(encodeURIComponent).join(',')}`);
  if (s.ghostSeconds !== 1) parts.push(`ghost=${s.ghostSeconds}`);
  if (s.running) parts.push('autoplay');
  return `?${parts.join('&')}`;
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
}

/** Keeps the address bar in step with the store (once the model list is known). */
export function writeUrlOnChange(store: AppStore): () => void {
  let last = '';
  const write = (s: AppState): void => {
    if (s.modelsStatus === 'loading' || !s.sceneId) return;
    const search = urlFor(s);
    if (search === last) return;
    last = search;
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  };
  write(store.getState());
  return store.subscribe(write);
}
