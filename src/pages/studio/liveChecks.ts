// Runs the scene checks on the canonical scene and a sample of variants whenever the document
// settles (a short pause after an edit), in a worker; only the newest request's answer is kept.
import type { SceneFile } from '../../scenes/schema';
import type { CheckReply, CheckRequest } from './checkWorker';
import type { SceneProblem } from '../../experiment/sceneCheck';

/** Variants checked besides the canonical scene. */
export const CHECK_VARIANTS = 4;
const SETTLE_MS = 350;

export type CheckState = { status: 'idle' | 'checking' } | { status: 'done'; problems: SceneProblem[]; seed: number } | { status: 'failed'; error: string };

export function createLiveChecks(onState: (s: CheckState) => void): { request(scene: SceneFile | null, seed: number): void } {
  const worker = new Worker(new URL('./checkWorker.ts', import.meta.url), { type: 'module' });
  let newest = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const seeds = new Map<number, number>();
  // One request in the worker at a time; while it runs, only the newest waiting one is kept.
  let busy = false;
  let waiting: CheckRequest | null = null;
  const post = (r: CheckRequest): void => {
    if (busy) { waiting = r; return; }
    busy = true;
    worker.postMessage(r);
  };
  worker.onmessage = (e: MessageEvent<CheckReply>) => {
    busy = false;
    if (waiting) { const next = waiting; waiting = null; post(next); }
    if (e.data.id !== newest) return;
    onState('error' in e.data ? { status: 'failed', error: e.data.error } : { status: 'done', problems: e.data.problems, seed: seeds.get(e.data.id) ?? 0 });
  };
  worker.onerror = (e) => onState({ status: 'failed', error: e.message || 'the checks could not run' });
  return {
    request(scene, seed) {
      if (timer) clearTimeout(timer);
      newest++;
      if (!scene) { waiting = null; onState({ status: 'idle' }); return; }
      const id = newest;
      seeds.set(id, seed);
      onState({ status: 'checking' });
      timer = setTimeout(() => post({ id, scene, seed, variants: CHECK_VARIANTS }), SETTLE_MS);
    },
  };
}
