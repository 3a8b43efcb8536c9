// Plain words for a round of plans: per planner "✓ in the basket" or "✗ missed by 34 cm", why it
// missed (what its prediction expected), and one sentence for the whole round.
import type { PlanOutcome } from '../../experiment/planning/planAndExecute';
import type { PlanProblem } from '../../experiment/planning/planProblem';

export interface NamedOutcome {
  id: string;
  /** How the planner is named in a sentence ("learner-100k", "constant velocity", "the ideal observer"). */
  name: string;
  outcome: PlanOutcome;
}

const cm = (m: number): string => `${Math.round(m * 100)} cm`;

/** How far (m) the object ended from the basket's mouth, sideways; 0 when it ended above it. */
export function missDistance(problem: PlanProblem, outcome: PlanOutcome): number {
  const end = outcome.realPath[outcome.realPath.length - 1];
  if (!end) return 0;
  const { xMin, xMax } = problem.zone;
  return end.x < xMin ? xMin - end.x : end.x > xMax ? end.x - xMax : 0;
}

/** The short mark shown on the stage and in the table. */
export function outcomeMark(problem: PlanProblem, outcome: PlanOutcome): string {
  if (outcome.success) return '✓ in the basket';
  const d = missDistance(problem, outcome);
  return d > 0.005 ? `✗ missed by ${cm(d)}` : '✗ not at rest inside';
}

/** Why a plan missed, from what its planner predicted against what happened. */
export function missReason(problem: PlanProblem, outcome: PlanOutcome, objectWord: string): string {
  const { predictedPath: pred, predictedEntryX: p, realEntryX: r, action } = outcome;
  const start = pred[0];
  const lowest = pred.reduce((lo, q) => Math.min(lo, q.y), Number.POSITIVE_INFINITY);
  if (p === null && start && lowest > start.y - 0.05) return `it expected the ${objectWord} never to fall`;
  if (p === null) return `it expected no push it could choose to bring the ${objectWord} down into the basket`;
  const body = problem.world.bodies.find((b) => b.id === problem.objectId);
  const middle = (problem.zone.xMin + problem.zone.xMax) / 2;
  const slack = (problem.zone.xMax - problem.zone.xMin) / 2 - (body?.width ?? 0) / 2;
  if (r !== null && Math.abs(r - middle) <= slack) return `the ${objectWord} came down into the basket but did not stay there`;
  if (!outcome.predictedInside) return `it found no push it expected to land the ${objectWord} inside`;
  if (r === null) return `the ${objectWord} never came down where it expected`;
  const further = (p - r) * Math.sign(action.vx || 1);
  return further > 0
    ? `it expected the ${objectWord} to come down ${cm(further)} further than it did`
    : `it expected the ${objectWord} to come down ${cm(-further)} shorter than it did`;
}

const list = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** One sentence: who got it in, and for each planner that did not, by how much and why. */
export function roundVerdict(problem: PlanProblem, results: readonly NamedOutcome[], objectWord: string): string {
  if (results.length === 0) return '';
  const won = results.filter((r) => r.outcome.success).map((r) => r.name);
  const parts: string[] = [];
  if (won.length > 0) parts.push(`${list(won)} got the ${objectWord} into the basket`);
  for (const r of results.filter((x) => !x.outcome.success)) {
    const d = missDistance(problem, r.outcome);
    const what = d > 0.005 ? `missed by ${cm(d)}` : 'did not get it to rest inside';
    parts.push(`${r.name} ${what}: ${missReason(problem, r.outcome, objectWord)}`);
  }
  // A model's own name keeps its case (learner-100k); "the ideal observer", "constant velocity", "gravity only" open a sentence.
  const sentence = parts.join('; ');
  return `${/^(the|constant|gravity) /.test(sentence) ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : sentence}.`;
}
