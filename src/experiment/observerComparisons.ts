// Two observers on the same matched pairs of a scene: McNemar's exact test on which pairs each gets right.
import { mcnemarExact, type McNemarResult } from './mcnemar';
import type { PairOutcome } from './metrics';

export interface ObserverComparison extends McNemarResult {
  scene: string; concept: string; model_a: string; model_b: string;
  /** Pairs both observers were scored on. */
  pairs: number;
}

/** Every two observers (in the order given, A before B) on one scene's pairs. A pair is right for
 * an observer when it is a win (the impossible trial strictly more surprising); a tie is not right.
 * Each observer's outcomes must be in the same pair order. */
export function compareObservers(
  scene: { id: string; concept: string },
  observers: readonly { name: string; outcomes: readonly PairOutcome[] }[],
): ObserverComparison[] {
  const out: ObserverComparison[] = [];
  for (let a = 0; a < observers.length; a++) {
    for (let b = a + 1; b < observers.length; b++) {
      const A = observers[a]!, B = observers[b]!;
      if (A.outcomes.length !== B.outcomes.length) throw new Error(`${scene.id}: ${A.name} and ${B.name} were scored on different pairs (${A.outcomes.length} vs ${B.outcomes.length})`);
      out.push({
        scene: scene.id, concept: scene.concept, model_a: A.name, model_b: B.name, pairs: A.outcomes.length,
        ...mcnemarExact(A.outcomes.map((o) => o === 'win'), B.outcomes.map((o) => o === 'win')),
      });
    }
  }
  return out;
}
