// A mirrored run counts as a scene of its own in a concept's verdict (lab suite/develop --mirror both):
// the drawn and the mirrored trials of one variant must never overwrite each other.
import { describe, expect, it } from 'vitest';
import { conceptResults } from '../../src/experiment/development';
import type { TrialRow } from '../../src/experiment/suite';
import type { TrialScores } from '../../src/predictor/surprise';

const row = (variant: number, condition: 'possible' | 'impossible', score: number, mirrored: boolean): TrialRow => ({
  scene: 'walls', concept: 'solidity', variant, condition, model: 'learner', experience_frames: 1000, seed: 0, onset_frame: 30,
  scores: { rollout_mean: score } as unknown as TrialScores, mirrored, split: 'default',
});

/** 20 pairs drawn that the learner wins, and the same 20 mirrored that it loses (or wins). */
function trials(mirroredWins: boolean): TrialRow[] {
  const out: TrialRow[] = [];
  for (let v = 0; v < 20; v++) {
    out.push(row(v, 'possible', 1, false), row(v, 'impossible', 5, false));
    out.push(row(v, 'possible', mirroredWins ? 1 : 5, true), row(v, 'impossible', mirroredWins ? 5 : 1, true));
  }
  return out;
}

describe('a concept over mirrored runs', () => {
  it('scores each side as its own scene, and passes only when both sides pass', () => {
    const [lost] = conceptResults({ trials: trials(false) }, 1);
    expect(lost!.scenes).toEqual(['walls', 'walls (mirrored)']);
    expect(lost!.per_scene['walls']!.pairwise_accuracy).toBe(1);
    expect(lost!.per_scene['walls (mirrored)']!.pairwise_accuracy).toBe(0);
    expect(lost!.pairs).toBe(40);
    expect(lost!.passed).toBe(false);
    const [won] = conceptResults({ trials: trials(true) }, 1);
    expect(won!.scenes_passed).toBe(2);
    expect(won!.passed).toBe(true);
  });
});
