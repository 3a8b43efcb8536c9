// Whose expectation the ghost and the glow show: the observer picked in "Ghost of", else the most
// experienced learner shown (the oldest infant), else the first observer that can predict.
import type { SurpriseTrack } from './surpriseTrack';

export function ghostFocus(tracks: readonly SurpriseTrack[], chosen: string | null): SurpriseTrack | undefined {
  const picked = chosen ? tracks.find((t) => t.choice.id === chosen && t.predictor !== null) : undefined;
  if (picked) return picked;
  const learners = tracks.filter((t) => t.choice.kind === 'learned');
  if (learners.length > 0) return learners.reduce((a, b) => (b.choice.experienceFrames > a.choice.experienceFrames ? b : a));
  return tracks.find((t) => t.predictor !== null);
}
