// The study's observers by the ids chosen in the setup: the oracle, baselines and learners loaded
// from the model library, each called by its id (a learner with its TF.js model, to habituate with).
import { startTfWasm } from '../../web/tfSetup';
import { ORACLE, type Observer } from '../../experiment/observers';
import { LearnedPredictor } from '../../predictor/predictor';
import type { ModelChoice } from '../../web/modelChoice';
import type { ModelLibrary } from '../../web/modelLibrary';

export async function loadStudyObservers(ids: readonly string[], offered: readonly ModelChoice[], library: ModelLibrary): Promise<Observer[]> {
  const out: Observer[] = [];
  for (const id of ids) {
    const choice = offered.find((m) => m.id === id);
    if (!choice) throw new Error(`observer "${id}" is not available on this page`);
    if (choice.kind === 'oracle') { out.push(ORACLE); continue; }
    if (choice.kind === 'learned') await startTfWasm();
    const p = await library.predictor(choice);
    // Saved checkpoints load under their bare name; the study calls every observer by its id.
    // (The TF.js model, when there is one, comes along: a habituating learner learns with it.)
    out.push(p instanceof LearnedPredictor && p.name !== id ? new LearnedPredictor(id, p.network ?? p.fast, p.features, p.experienceFrames, p.checkpointHash) : p);
  }
  return out;
}
