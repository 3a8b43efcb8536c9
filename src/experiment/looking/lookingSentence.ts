// A study's looking times in the words of a results section: the familiarization curve, test
// looking per condition (M, SEM) per age, and how many learners looked longer at the impossible event.
import type { ConditionStat } from '../studyResults';
import type { LookingGroup } from './lookingStudy';

const s1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '–');
const m = (c: ConditionStat): string => `M = ${s1(c.mean)} s${Number.isFinite(c.sem) ? `, SEM = ${s1(c.sem)}` : ''}`;

function familiarizationClause(g: LookingGroup, habituate: boolean): string {
  const f = g.familiarization;
  if (f.length < 2) return '';
  const first = f[0]!.mean, last = f[f.length - 1]!.mean;
  const trend = last < first ? 'fell' : last > first ? 'rose' : 'stayed';
  const criterion = f.length >= 4 ? ` The habituation criterion (three trials below half the first three's mean) was met by ${g.habituated} of ${g.models.length}.` : '';
  return ` Across ${f.length} familiarization trials${habituate ? ' (learning from each)' : ''}, looking ${trend} from ${s1(first)} s to ${s1(last)} s.${criterion}`;
}

function testClause(g: LookingGroup): string {
  const { possible, impossible } = g.test;
  if (possible.n === 0 || impossible.n === 0) return `${g.label}: no complete test yet.`;
  const longer = impossible.mean > possible.mean;
  const who = g.models.length > 1 ? `${g.label} (n = ${g.models.length})` : g.label;
  const share = g.n > 1 ? `; ${g.longerAtImpossible} of ${g.n} looked longer at the impossible event` : '';
  return longer
    ? `${who} looked longer at the impossible event (${m(impossible)}) than at the possible event (${m(possible)})${share}.`
    : `${who} did not look longer at the impossible event (${m(impossible)}; possible ${m(possible)})${share}.`;
}

/** E.g. "“Car pushed off a platform”: learners, 100,000 frames (n = 5) looked longer at the impossible
 * event (M = 41.2 s, SEM = 3.0) than at the possible event (M = 7.9 s, SEM = 0.6); 5 of 5 … Across 4
 * familiarization trials (learning from each), looking fell from 9.1 s to 6.2 s." */
export function lookingSentence(title: string, groups: readonly LookingGroup[], habituate: boolean): string {
  if (groups.length === 0) return `“${title}”: no trial looked at yet.`;
  return `“${title}”: ${groups.map((g) => `${testClause(g)}${familiarizationClause(g, habituate)}`).join(' ')}`;
}
