// Fetches one shipped checkpoint (model.json, weights.bin, meta.json) and turns it into a
// LearnedPredictor on TF.js's wasm backend. Imported on demand: it brings TF.js with it.
import { predictorFromCheckpoint } from '../predictor/checkpointPredictor';
import type { LearnedPredictor } from '../predictor/predictor';
import { startTfWasm } from './tfSetup';

/** `dir` is the checkpoint's URL (ending in /); `source` names it in errors. */
export async function loadCheckpoint(dir: string, source: string, name: string): Promise<LearnedPredictor> {
  await startTfWasm();
  const get = async (file: string): Promise<Response> => {
    const res = await fetch(dir + file);
    if (!res.ok) throw new Error(`${source}/${file}: HTTP ${res.status}`);
    return res;
  };
  const [model, weights, meta] = await Promise.all([get('model.json'), get('weights.bin'), get('meta.json')]);
  return predictorFromCheckpoint({ modelJson: await model.text(), weights: new Uint8Array(await weights.arrayBuffer()), metaJson: await meta.text() }, source, name);
}
