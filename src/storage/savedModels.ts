// Checkpoints grown on the Learn screen, for the playground and the experiment screen.
//
//   listSavedModels(): Promise<{ name: string; experienceFrames: number }[]>
//     Every checkpoint saved in this browser (IndexedDB), least experienced first. Names match
//     /^[A-Za-z0-9_.-]{1,64}$/ like the shipped ones, but may coincide with a shipped name: give
//     them their own id in a picker (e.g. `saved:${name}`).
//   loadSavedModel(name): Promise<LearnedPredictor>
//     Starts TF.js (wasm) if needed, reads the checkpoint, checks it as a shipped one is checked
//     (predictorFromCheckpoint: format version, tensor shapes, size, content hash) and returns the
//     predictor. Rejects with a message naming the checkpoint if it is missing or damaged.
//   onSavedModelsChanged(fn): () => void
//     Calls fn when any tab saves or deletes one (BroadcastChannel); returns an unsubscribe.
//
// Listing is light (IndexedDB only); TF.js and the checkpoint reader load on the first loadSavedModel.
import type { LearnedPredictor } from '../predictor/predictor';
import { getStored, listStored, onStoredChanged } from './checkpointStore';

export interface SavedModel { name: string; experienceFrames: number }

export async function listSavedModels(): Promise<SavedModel[]> {
  return (await listStored()).map((s) => ({ name: s.name, experienceFrames: s.experienceFrames }));
}

export async function loadSavedModel(name: string): Promise<LearnedPredictor> {
  const record = await getStored(name);
  if (!record) throw new Error(`saved checkpoint "${name}" is not in this browser's storage`);
  const [{ startTfWasm }, { predictorFromCheckpoint }] = await Promise.all([
    import('../web/tfSetup'), import('../predictor/checkpointPredictor'),
  ]);
  await startTfWasm();
  return predictorFromCheckpoint({ modelJson: record.modelJson, weights: new Uint8Array(record.weights), metaJson: record.metaJson }, `saved/${name}`, name);
}

export const onSavedModelsChanged = onStoredChanged;
