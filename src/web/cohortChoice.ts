// A cohort as one observer on any screen: `cohort:learner-100k` stands for the shipped checkpoints of
// that age, one per training seed (seed 1 in models/, the others in models/seed-S/). Its surprise is
// the mean over the seeds with a min–max band (src/experiment/cohortBand.ts); its ghost is seed 1's.
import type { ModelChoice } from './modelChoice';

export const COHORT_PREFIX = 'cohort:';

/** A shipped checkpoint as the index lists it (the fields a cohort is built from). */
export interface CohortEntry { name: string; experience_frames: number; seed: number | null }

export const isCohort = (choice: Pick<ModelChoice, 'members'>): boolean => (choice.members?.length ?? 0) > 0;

/** One cohort per age with at least two seeds, named after its seed-1 checkpoint (or its lowest
 * seed's), listed from the youngest up; members in seed order. */
export function cohortChoices(entries: readonly CohortEntry[]): ModelChoice[] {
  const ages = [...new Set(entries.filter((e) => e.seed !== null).map((e) => e.experience_frames))].sort((a, b) => a - b);
  return ages.flatMap((age) => {
    const members = entries.filter((e) => e.seed !== null && e.experience_frames === age).sort((a, b) => a.seed! - b.seed!);
    const seeds = new Set(members.map((m) => m.seed));
    if (members.length < 2 || seeds.size !== members.length) return [];
    const head = members[0]!.name;
    return [{
      id: `${COHORT_PREFIX}${head}`, kind: 'learned' as const, experienceFrames: age,
      label: `${head} cohort`,
      note: `A cohort of ${members.length} learners of the same age trained with seeds ${members.map((m) => m.seed).join(', ')}, as one observer: its surprise is their mean, the band runs from the lowest to the highest seed; its ghost is seed ${members[0]!.seed}'s.`,
      members: members.map((m) => m.name),
    }];
  });
}

/** Checkpoints grown as a cohort on the Learn screen and saved in this browser (`saved:NAME-sSEED-MARK`,
 * e.g. `saved:me-s2-6k`): one cohort per NAME and MARK with at least two seeds, `cohort:saved:me-6k`. */
export function savedCohortChoices(saved: readonly Pick<ModelChoice, 'id' | 'experienceFrames'>[]): ModelChoice[] {
  const groups = new Map<string, { name: string; frames: number; members: { id: string; seed: number }[] }>();
  for (const m of saved) {
    const parts = /^saved:(.+)-s(\d+)-([^-]+)$/.exec(m.id);
    if (!parts) continue;
    const name = `${parts[1]}-${parts[3]}`;
    const g = groups.get(name) ?? { name, frames: m.experienceFrames, members: [] };
    if (g.frames !== m.experienceFrames) continue;
    g.members.push({ id: m.id, seed: Number(parts[2]) });
    groups.set(name, g);
  }
  return [...groups.values()].filter((g) => g.members.length >= 2 && new Set(g.members.map((x) => x.seed)).size === g.members.length)
    .sort((a, b) => a.frames - b.frames || a.name.localeCompare(b.name)).map((g) => {
      const members = [...g.members].sort((a, b) => a.seed - b.seed);
      return {
        id: `${COHORT_PREFIX}saved:${g.name}`, kind: 'learned' as const, experienceFrames: g.frames, label: `${g.name} cohort (saved)`,
        note: `A cohort grown on the Learn screen in this browser: ${members.length} learners with seeds ${members.map((x) => x.seed).join(', ')}, as one observer: their mean surprise with the band from the lowest to the highest seed; its ghost is seed ${members[0]!.seed}'s.`,
        members: members.map((x) => x.id),
      };
    });
}

/** Observer ids with every cohort replaced by its members (for code that scores checkpoints one by
 * one, such as a study); duplicates dropped, order kept. */
export function expandCohorts(ids: readonly string[], models: readonly Pick<ModelChoice, 'id' | 'members'>[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const members = models.find((m) => m.id === id)?.members;
    for (const x of members && members.length > 0 ? members : [id]) if (!out.includes(x)) out.push(x);
  }
  return out;
}
