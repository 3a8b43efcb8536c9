// Scores one matched pair of car-off-platform with a saved checkpoint (loaded through savedModels,
// as the playground loads it): per-frame surprise of both trials and their suite scores.
import { parseSceneText } from '../../scenes/parse';
import { prepareMatchedPair, type MatchedPair } from '../../experiment/pairProbe';
import { computeSurprise, trialScores, HORIZON, type SurpriseTrace } from '../../predictor/surprise';
import { SCENE_FILES } from '../../web/sceneFiles';
import { loadSavedModel } from '../../storage/savedModels';

export const TRY_SCENE = 'car-off-platform';

export async function scoreCarPair(name: string, loaded: (experienceFrames: number) => void): Promise<{ traces: SurpriseTrace[]; pair: MatchedPair; scores: [number, number]; experienceFrames: number }> {
  const learner = await loadSavedModel(name);
  try {
    loaded(learner.experienceFrames);
    // Let the words show before the scoring takes the main thread for a moment.
    await new Promise((r) => setTimeout(r, 30));
    const path = Object.keys(SCENE_FILES).find((p) => p.endsWith(`/${TRY_SCENE}.json`));
    if (!path) throw new Error(`scene ${TRY_SCENE} is not bundled`);
    const pair = prepareMatchedPair(parseSceneText(SCENE_FILES[path]!, path), 0, 1);
    const traces = [computeSurprise(learner, pair.possible, HORIZON, pair.possibleViews), computeSurprise(learner, pair.impossible, HORIZON, pair.impossibleViews)];
    const scores = traces.map((t) => trialScores(t, pair.onset).rollout_mean) as [number, number];
    // Never words about "mean 0.0": a checkpoint whose surprise is not a number is refused here too.
    if (!scores.every(Number.isFinite)) throw new Error(`${name}: its surprise on ${TRY_SCENE} is not a finite number (${scores.join(', ')}); this checkpoint cannot be scored`);
    return { traces, pair, scores, experienceFrames: learner.experienceFrames };
  } finally {
    learner.network.dispose();
  }
}
