// What infants 2…K of each learner saw on the Experiment screen (several infants per learner,
// src/experiment/looking/infants.ts), beside the run's own recordings, which are infant 1's.
import type { Observer } from '../../experiment/observers';
import type { Recording } from '../../experiment/recording';
import type { StudyDesign } from '../../experiment/studyDesign';
import type { KnownScene } from './recordingWorld';

export type OtherInfants = (recordings: readonly Recording[]) => Recording[][];

/** Habituating, each of infants 2…K runs the whole study once, here, its copies learning with its
 * own seed (as `lab study --infants-per-learner` does), and is read at the trials the run has
 * finished so far; otherwise every infant saw the run's own recordings (only its looks differ). */
export async function otherInfants(design: StudyDesign, scenes: ReadonlyMap<string, KnownScene>, observers: readonly Observer[], infants: number,
  versions: { app: string; matter: string; tfjs: string }): Promise<OtherInfants> {
  if (!design.settings.habituate) return (recordings) => Array.from({ length: infants - 1 }, () => [...recordings]);
  const [{ runStudy }, { infantSeed }] = await Promise.all([import('../../experiment/looking/runStudy'), import('../../experiment/looking/infants')]);
  const studies = Array.from({ length: infants - 1 }, (_, k) => runStudy(design, scenes, observers, { versions, learningSeed: infantSeed(design.settings.seed, k + 1) }));
  return (recordings) => {
    const finished = new Set(recordings.map((r) => r.place?.trial_index));
    return studies.map((study) => study.filter((r) => finished.has(r.place?.trial_index)));
  };
}
