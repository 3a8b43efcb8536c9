// A study's outcome for one scene in a plain sentence: which model was surprised in how many pairs.
import type { ObserverTrack } from './recording';

export interface PairCount {
  /** Complete pairs where the impossible trial scored higher (primary score). */
  impossibleHigher: number;
  /** Complete pairs where both trials scored the same. */
  ties: number;
  /** Pairs with both trials recorded. */
  complete: number;
}

export interface SentenceModel {
  model: string;
  /** From the model's tracks; null when no trial has been recorded for it yet. */
  kind: ObserverTrack['kind'] | null;
  experience_frames: number | null;
  pairs: PairCount;
}

/** 100000 → "100,000", without relying on the platform's locale data. */
export const groupThousands = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const ties = (p: PairCount): string => (p.ties === 0 ? '' : ` (${p.ties} ${p.ties === 1 ? 'tie' : 'ties'})`);

interface AgeCohort { frames: number; learners: number; impossibleHigher: number; ties: number; complete: number }

/** Learners of the same experience (the seeds of a cohort) counted together, oldest first. */
function cohortsByAge(learners: readonly SentenceModel[]): AgeCohort[] {
  const ages: AgeCohort[] = [];
  for (const m of learners) {
    let age = ages.find((a) => a.frames === m.experience_frames);
    if (!age) ages.push((age = { frames: m.experience_frames!, learners: 0, impossibleHigher: 0, ties: 0, complete: 0 }));
    age.learners += 1;
    age.impossibleHigher += m.pairs.impossibleHigher;
    age.ties += m.pairs.ties;
    age.complete += m.pairs.complete;
  }
  return ages;
}

const ageCount = (a: AgeCohort): string =>
  `${groupThousands(a.frames)} frames (${a.learners} ${a.learners === 1 ? 'learner' : 'learners'}) ${a.impossibleHigher} of ${a.complete}${ties(a)}`;

/** Which learner is older, by frames of experience: ages are what the study is about. */
function ageClause(models: readonly SentenceModel[]): string {
  const learners = models
    .filter((m) => m.kind === 'learned' && m.experience_frames !== null)
    .sort((a, b) => b.experience_frames! - a.experience_frames!);
  if (learners.length === 0) return '';
  const frames = (m: SentenceModel): string => groupThousands(m.experience_frames!);
  const oldest = learners[0]!, youngest = learners[learners.length - 1]!;
  if (learners.length === 1) return ` ${oldest.model} has seen ${frames(oldest)} frames of experience.`;
  if (oldest.experience_frames === youngest.experience_frames) return ` The learners have the same experience (${frames(oldest)} frames).`;
  const ages = cohortsByAge(learners);
  if (ages.length < learners.length) return ` By age, pairs where the impossible trial surprised more: ${ages.map(ageCount).join('; ')}.`;
  if (learners.length === 2) return ` ${oldest.model} is the older learner (${frames(oldest)} frames of experience against ${frames(youngest)}).`;
  return ` The oldest learner is ${oldest.model} (${frames(oldest)} frames of experience), the youngest ${youngest.model} (${frames(youngest)}).`;
}

/** A learner's training seed, read from its name as cohorts name them: `learner-6k-s2` (modelStore's
 * cohortName), `saved:me-s2-6k` (grown on the Learn screen); a name without one is seed 1's. */
export function seedOfName(name: string): number {
  const seed = name.startsWith('saved:') ? /-s(\d+)-[^-]+$/.exec(name) : /-s(\d+)$/.exec(name);
  return seed ? Number(seed[1]) : 1;
}

const isAged = (m: SentenceModel): boolean => m.kind === 'learned' && m.experience_frames !== null;

/** The learners together where the first of them is listed, by age (oldest first, as in the by-age
 * clause) and, within an age, by seed (1, 2, 3…); the other observers keep their order around them.
 * The order the observers come in need not be that (the Experiment screen lists a cohort's seeds
 * 2… before the seed-1 checkpoints). */
function byAgeThenSeed(models: readonly SentenceModel[]): SentenceModel[] {
  const first = models.findIndex(isAged);
  if (first < 0) return [...models];
  const learners = models.filter(isAged).sort((a, b) => b.experience_frames! - a.experience_frames! || seedOfName(a.model) - seedOfName(b.model));
  return [...models.slice(0, first), ...learners, ...models.slice(first).filter((m) => !isAged(m))];
}

/** E.g. "learner-100k was more surprised by the impossible trial in 10 of 10 pairs of “Car pushed
 * off a platform”; learner-1k in 3 of 10. learner-100k is the older learner (…)." Observers keep
 * their order, except that learners go by age and seed (byAgeThenSeed) and the first observer with
 * a complete pair leads the sentence. */
export function studySentence(title: string, listed: readonly SentenceModel[]): string {
  const models = byAgeThenSeed(listed);
  const lead = models.find((m) => m.pairs.complete > 0);
  if (!lead) return `“${title}”: no complete pair yet.`;
  const parts = [`${lead.model} was more surprised by the impossible trial in ${lead.pairs.impossibleHigher} of ${lead.pairs.complete} ${lead.pairs.complete === 1 ? 'pair' : 'pairs'}${ties(lead.pairs)} of “${title}”`];
  for (const m of models) {
    if (m === lead) continue;
    parts.push(m.pairs.complete === 0 ? `${m.model}: no complete pair yet` : `${m.model} in ${m.pairs.impossibleHigher} of ${m.pairs.complete}${ties(m.pairs)}`);
  }
  return `${parts.join('; ')}.${ageClause(models)}`;
}
