// A study's looking times in the words of a results section: the familiarization curve, test
// looking per condition (M, SEM) per age, and how many learners looked longer at the impossible event.
import type { ConditionStat } from '../studyResults';
import type { LookingGroup } from './lookingStudy';

const s1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '–');
const m = (c: ConditionStat): string => `M = ${s1(c.mean)} s${Number.isFinite(c.sem) ? `, SEM = ${s1(c.sem)}` : ''}`;

const p2 = (p: number): string => (p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);

/** How many observers the group counts: its learners, or with several infants per learner its infants. */
const members = (g: LookingGroup): number => g.models.length * (g.infantsPerLearner ?? 1);

const who = (g: LookingGroup): string => (g.infantsPerLearner
  ? `${g.label} (n = ${members(g)} infants: ${g.models.length} × ${g.infantsPerLearner})`
  : g.models.length > 1 ? `${g.label} (n = ${g.models.length})` : g.label);

function familiarizationClause(g: LookingGroup, habituate: boolean): string {
  const f = g.familiarization;
  if (f.length < 2) return '';
  const first = f[0]!.mean, last = f[f.length - 1]!.mean;
  const trend = last < first ? `fell from ${s1(first)} s to ${s1(last)} s` : last > first ? `rose from ${s1(first)} s to ${s1(last)} s` : `stayed at ${s1(first)} s`;
  const criterion = f.length >= 4 ? `, and ${g.habituated} of ${members(g)} met the habituation criterion (three trials below half the first three's mean)` : '';
  return `Across ${f.length} familiarization trials${habituate ? ' (learning from each)' : ''}, the looking of ${who(g)} ${trend}${criterion}. `;
}

function testClause(g: LookingGroup, afterFamiliarization: boolean): string {
  const { possible, impossible } = g.test;
  const name = afterFamiliarization ? (members(g) > 1 ? 'they' : 'it') : who(g);
  if (possible.n === 0 || impossible.n === 0) return `${afterFamiliarization ? 'At test' : name}: no complete test pair yet.`;
  const lead = afterFamiliarization ? `At test ${name}` : name;
  const longer = impossible.mean > possible.mean;
  const share = g.infantsPerLearner && g.learners
    ? `; ${g.longerAtImpossible} of ${g.n} infants looked longer at the impossible event (one-sided sign test p ${p2(g.p!)}), and ${g.learners.longerAtImpossible} of ${g.learners.n} learners by their infants' mean (p ${p2(g.learners.p)})`
    : g.n > 1 ? `; ${g.longerAtImpossible} of ${g.n} looked longer at the impossible event` : '';
  const orders = g.byOrder && g.n > 1
    ? `; by test order, ${g.byOrder.drawn.longerAtImpossible} of ${g.byOrder.drawn.n} ${g.infantsPerLearner ? 'infants' : 'learners'} who saw the drawn order and ${g.byOrder.flipped.longerAtImpossible} of ${g.byOrder.flipped.n} who saw each pair flipped`
    : '';
  return longer
    ? `${lead} looked longer at the impossible event (${m(impossible)}) than at the possible event (${m(possible)})${share}${orders}.`
    : `${lead} did not look longer at the impossible event (${m(impossible)}; possible ${m(possible)})${share}${orders}.`;
}

/** E.g. "“Car pushed off a platform”. Across 4 familiarization trials (learning from each), the
 * looking of learners, 100,000 frames (n = 5) fell from 9.1 s to 6.2 s, and 1 of 5 met the habituation
 * criterion (…). At test they looked longer at the impossible event (M = 41.2 s, SEM = 3.0) than at the
 * possible event (M = 7.9 s, SEM = 0.6); 5 of 5 looked longer at the impossible event." */
export function lookingSentence(title: string, groups: readonly LookingGroup[], habituate: boolean): string {
  if (groups.length === 0) return `“${title}”: no trial looked at yet.`;
  return `“${title}”. ${groups.map((g) => { const fam = familiarizationClause(g, habituate); return `${fam}${testClause(g, fam !== '')}`; }).join(' ')}`;
}
