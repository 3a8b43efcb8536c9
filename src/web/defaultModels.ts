// Which observers a first visit shows: the most experienced learner beside both baselines.
import type { ModelChoice } from './modelChoice';

export function defaultModels(models: readonly ModelChoice[]): string[] {
  const learned = models.filter((m) => m.kind === 'learned');
  const oldest = learned[learned.length - 1];
  return [...(oldest ? [oldest.id] : []), 'constant-velocity', 'oracle'];
}
