// Internal assertions run after every physics step under ?assert: finite snapshots, a flat TF.js
// tensor count once the observers are loaded, and store invariants.
import * as tf from '@tensorflow/tfjs';
import type { WorldSnapshot } from '../../../sim/snapshot';
import type { AppStore } from '../store/appStore';
import { SPEEDS } from '../store/playbackSlice';
import type { TrialController } from '../trialController';
import { assertionFailed } from '../../../web/fuzz/assertionError';

const NUMERIC = ['x', 'y', 'vx', 'vy', 'angle', 'angularVelocity', 'width', 'height'] as const;

export function checkSnapshotFinite(snap: WorldSnapshot, where: string): void {
  if (!Number.isFinite(snap.t) || !Number.isFinite(snap.frame)) assertionFailed(`snapshot time not finite (t=${snap.t}, frame=${snap.frame})`, where);
  for (const b of snap.bodies) {
    for (const k of NUMERIC) {
      if (!Number.isFinite(b[k])) assertionFailed(`body "${b.id}" ${k} = ${b[k]} is not finite`, `${where}, frame ${snap.frame}`);
    }
  }
}

export function checkStore(store: AppStore, controller: TrialController): void {
  const s = store.getState();
  if (s.sceneId === null || !s.catalog.some((e) => e.id === s.sceneId && e.scene !== null)) {
    assertionFailed(`selected scene "${s.sceneId}" is not a playable catalog entry`, 'store.sceneId');
  }
  if (!(SPEEDS as readonly number[]).includes(s.speed)) assertionFailed(`speed ${s.speed} is not one of ${SPEEDS.join(', ')}`, 'store.speed');
  const known = new Set(s.models.map((m) => m.id));
  for (const id of s.selectedModels) if (!known.has(id)) assertionFailed(`selected model "${id}" is not available`, 'store.selectedModels');
  if (s.variant !== null && (!Number.isInteger(s.variant) || s.variant < 0)) assertionFailed(`variant ${s.variant} is not a natural number`, 'store.variant');
  const session = controller.session;
  if (!session) return;
  const { frame, head, frames } = session;
  if (!(frame >= session.history.first && frame <= head)) assertionFailed(`frame ${frame} outside the held range ${session.history.first}..${head}`, 'session.frame');
  if (head > frames) assertionFailed(`head ${head} beyond the trial's ${frames} frames`, 'session.head');
}

/** Returns the per-step check. Tensors may grow only while observers load or the set changes. */
export function createStepAssertions(store: AppStore, controller: TrialController): () => void {
  let last: { tensors: number; changes: number } | null = null;
  let steps = 0;
  return () => {
    steps++;
    const session = controller.session;
    if (session) checkSnapshotFinite(session.current, `step ${steps}, scene ${store.getState().sceneId}`);
    checkStore(store, controller);
    const settled = store.getState().modelsStatus !== 'loading' && controller.bank.settled;
    // The engine's own count: tf.memory() would start a backend no observer has asked for yet.
    const now = { tensors: tf.engine().state.numTensors, changes: controller.bank.changes };
    if (settled && last && last.changes === now.changes && now.tensors > last.tensors) {
      assertionFailed(`TF.js tensor count grew from ${last.tensors} to ${now.tensors} in one step`, `step ${steps}, scene ${store.getState().sceneId}`);
    }
    last = settled ? now : null;
  };
}
