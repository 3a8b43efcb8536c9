// PhET-style query parameters: ?scene=…&condition=…&variant=…&seed=…&speed=…&models=a,b&ghost=…&autoplay.
// Read once at start; written back (replaceState) whenever the state they describe changes, so
// the address bar always holds a link that reproduces the view.
import type { Condition } from '../../sim/spec';
import type { AppState } from './store/appState';
import type { AppStore } from './store/appStore';
import { SPEEDS } from './store/playbackSlice';
import { isGhostSeconds } from './store/modelsSlice';

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
  /** Presentation mode (?present). */
  present?: boolean;
}

const int = (v: string | null): number | undefined => (v !== null && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const out: UrlState = { autoplay: q.has('autoplay') && q.get('autoplay') !== 'false' };
  if (q.has('present') && q.get('present') !== 'false') out.present = true;
  const scene = q.get('scene');
  if (scene) out.scene = scene;
  const condition = q.get('condition');
  if (condition === 'possible' || condition === 'impossible') out.condition = condition;
  const variant = q.get('variant');
  if (variant === 'canonical') out.variant = null;
  else if (int(variant) !== undefined) out.variant = int(variant)!;
  if (int(q.get('seed')) !== undefined) out.seed = int(q.get('seed'))!;
  const speed = Number(q.get('speed'));
  if ((SPEEDS as readonly number[]).includes(speed)) out.speed = speed;
  const models = q.get('models');
  if (models !== null) out.models = models.split(',').map((m) => m.trim()).filter(Boolean);
  const ghost = Number(q.get('ghost'));
  if (isGhostSeconds(ghost)) out.ghost = ghost;
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
  if (s.presenting) parts.push('present');
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
  if (u.present) s.setPresenting(true);
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
