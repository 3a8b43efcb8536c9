// The ghost's divergence in one plain sentence, e.g. "Ghost of learner-100k, 5 s from 1.20 s: on
// track for 0.63 s (within 5 cm), then up to 1.3 m off." Only steps that have happened are judged.
import type { GhostDivergence } from '../experiment/ghostDivergence';
import { STEP_S } from '../sim/units';

export interface GhostSentenceInput {
  model: string;
  /** Frame the ghost starts from, its length and how much of it is built (steps). */
  start: number;
  steps: number;
  built: number;
  judged: GhostDivergence;
  /** The trial's last frame: the ghost's steps after it will never be judged. */
  lastFrame: number;
}

const seconds = (steps: number): string => `${(steps * STEP_S).toFixed(2)} s`;
const length = (steps: number): string => `${+(steps * STEP_S).toFixed(2)} s`;
/** 5.3 cm (near the 5 cm tolerance a decimal matters), 45 cm, 1.3 m. */
const metres = (m: number): string => (m < 0.1 ? `${+(m * 100).toFixed(1)} cm` : m < 1 ? `${Math.round(m * 100)} cm` : `${m.toFixed(1)} m`);

export function ghostSentence(g: GhostSentenceInput): string {
  const v = g.judged;
  const head = `Ghost of ${g.model}, ${length(g.steps)} from ${seconds(g.start)}`;
  if (g.built < g.steps && v.judged >= g.built) return `${head}: predicting… (${length(g.built)} so far)`;
  if (v.judged === 0) return `${head}: what it expects has not happened yet.`;
  // Whether more of it can still be judged: real frames still to come within the ghost and the trial.
  const ended = g.start + v.judged >= g.lastFrame && v.judged < g.steps;
  const partial = v.judged < g.steps;
  const tolerance = metres(v.tolerance);
  const body = v.bodies.length > 1 && v.maxBody ? ` (${v.maxBody})` : '';
  if (v.exitStep === null) {
    const held = !partial ? `all ${length(g.steps)}` : ended ? `for the ${seconds(v.judged)} the trial lasted` : `so far (${seconds(v.judged)})`;
    return `${head}: on track ${held}, within ${tolerance}; at most ${metres(v.maxDistance)} off${body}.`;
  }
  const until = partial ? (ended ? ' before the trial ended' : ' so far') : '';
  const first = v.bodies.length > 1 && v.exitBody ? v.exitBody : null;
  const onTrack = v.exitStep <= 1
    ? `off track at once${first ? ` (${first})` : ''}`
    : `on track for ${seconds(v.exitStep - 1)} (within ${tolerance}${first ? `; ${first} left first` : ''})`;
  return `${head}: ${onTrack}, then up to ${metres(v.maxDistance)} off${body}${until}.`;
}
