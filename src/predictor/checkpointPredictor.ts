// The one way a learned predictor is built from a checkpoint's three parts (model.json, weights.bin,
// meta.json), wherever they were read from: a URL (the pages), a folder (the CLI), browser storage.
import { parseCheckpoint, type SerializedCheckpoint } from './checkpoint';
import { LearnedPredictor } from './predictor';

/** Checks the parts as parseCheckpoint does (format, shapes, size, content hash; a CheckpointError
 * naming `source` otherwise) and returns the predictor called `name`. TF.js must be started. */
export function predictorFromCheckpoint(parts: SerializedCheckpoint, source: string, name: string): LearnedPredictor {
  const ck = parseCheckpoint(parts.modelJson, parts.weights, parts.metaJson, source);
  return new LearnedPredictor(name, ck.network, ck.features, ck.meta.experience_frames, ck.meta.weights_hash);
}
