// The results panel: per scene the study it copies, a plain-words sentence, the looking-time style
// bar chart and the onset-aligned curves (SVG, exportable as SVG or PNG), the suite's metrics with
// exact intervals, McNemar's test between models, and the run's data as CSV or JSON.
import type { Recording } from '../../experiment/recording';
import { recordingsToJson } from '../../experiment/recordingJson';
import { recordingsCsv, trialsSummaryCsv } from '../../experiment/recordingCsv';
import { studyResults, type SceneStudyResults, type StudyResults } from '../../experiment/studyResults';
import { alignedCurvesSvg, surpriseBarsSvg } from '../../experiment/studyCharts';
import type { StudyDesign } from '../../experiment/studyDesign';
import type { SceneFile } from '../../scenes/schema';
import { h } from '../../ui/dom';
import { downloadFile, fileStem } from '../../web/downloads';
import { fittedFigures } from './fittedFigures';
import { comparison, recordingDetails } from './recordingDetails';
import { cohortScore, cohortScoreWords } from '../../experiment/cohortScore';
import { infantLookingResults, lookingResults, type LookingResults, type LookingScene } from '../../experiment/looking/lookingStudy';
import { familiarizationSvg, proportionSvg, testLookingSvg } from '../../experiment/looking/lookingCharts';
import type { LookingModelName } from '../../experiment/looking/lookingModel';
import { DEFAULT_HABITUATION } from '../../experiment/looking/habituationSettings';
import type { StudyOrders } from '../../experiment/looking/testOrders';
import type { OtherInfants } from './otherInfants';

/** The looking model the results are read with, or null (surprise only). With several infants per
 * learner (infants.ts), `otherInfants` gives the recordings infants 2…K saw (habituating: their own
 * copies' studies; otherwise the run's own recordings). */
export interface LookingChoice {
  model: LookingModelName; habituate: boolean;
  /** Test orders across infants (testOrders.ts); default shared. */
  orders?: StudyOrders;
  infants?: number; otherInfants?: OtherInfants;
}
import type { KnownScene } from './recordingWorld';

export interface ResultsPanel {
  update(design: StudyDesign, recordings: Recording[]): StudyResults;
  /** The looking model for this run's results (from the next update on). */
  setLooking(choice: LookingChoice | null): void;
  showRecording(rec: Recording): void;
  compare(a: Recording, b: Recording): void;
}

const num = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : '—');

/** `cohorts`: the cohorts on offer; one whose seeds were all scored gets a line under each scene's table. */
export function mountResultsPanel(host: HTMLElement, scenes: ReadonlyMap<string, KnownScene>, onResults?: (r: StudyResults, looking: LookingResults | null) => void,
  cohorts: () => readonly { label: string; members?: readonly string[] }[] = () => []): ResultsPanel {
  const details = h('div', { 'data-testid': 'results-details' });
  const summary = h('p', { class: 'muted', 'data-testid': 'results-summary' }, 'No study yet: results appear here trial by trial.');
  const design = h('p', { class: 'design-note small muted', 'data-testid': 'results-design' });
  const exports = h('div', { class: 'button-row', hidden: true });
  const body = h('div', { 'data-testid': 'results-body' });
  host.replaceChildren(h('h2', { class: 'panel-title' }, 'Results'), details, summary, design, exports, body);
  let current: Recording[] = [];
  let runName = 'study';
  let lookingChoice: LookingChoice | null = null;

  const button = (text: string, testid: string, action: () => void | Promise<void>): HTMLButtonElement => {
    const b = h('button', { class: 'btn btn-small', type: 'button', 'data-testid': testid }, text);
    b.addEventListener('click', () => void action());
    return b;
  };
  exports.append(
    button('All trials, per frame (CSV)', 'export-run-csv', () => downloadFile(`${fileStem(runName)}-frames.csv`, recordingsCsv(current), 'text/csv')),
    button('One row per trial (CSV)', 'export-run-trials-csv', () => downloadFile(`${fileStem(runName)}-trials.csv`, trialsSummaryCsv(current), 'text/csv')),
    button('Whole run (JSON)', 'export-run-json', () => downloadFile(`${fileStem(runName)}.json`, recordingsToJson(current), 'application/json')),
  );

  // Each chart drawn for its figure's width, drawn again when the panel's width changes.
  const figures = fittedFigures(body, button);
  const figure = figures.figure;

  // The table scrolls sideways on a narrow window: focusable, so a keyboard can scroll it too.
  const metricsTable = (s: SceneStudyResults): HTMLElement => h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': `Metrics for “${s.title}”` }, h('table', { class: 'data', 'data-testid': `metrics-${s.sceneId}` },
    h('thead', {}, h('tr', {}, ...['observer', 'experience', 'pairs', 'won / tied / lost', 'pairwise accuracy [exact 95% CI]', 'AUROC', 'd_z (paired)', 'mean possible', 'mean impossible'].map((t) => h('th', {}, t)))),
    h('tbody', {}, ...s.models.map((m) => h('tr', { 'data-model': m.model },
      h('td', {}, m.model),
      h('td', {}, m.kind === 'oracle' ? 'the simulator' : m.kind === 'constant-velocity' || m.kind === 'gravity-only' ? 'baseline' : m.experience_frames === null ? '—' : `${m.experience_frames.toLocaleString('en')} frames`),
      h('td', {}, String(m.pairs.complete)),
      h('td', {}, m.suite ? `${m.suite.wins} / ${m.suite.ties} / ${m.suite.losses}` : '—'),
      h('td', {}, m.suite ? `${num(m.suite.pairwise_accuracy)} [${num(m.suite.pairwise_ci95[0])}, ${num(m.suite.pairwise_ci95[1])}]` : '—'),
      h('td', {}, m.suite ? num(m.suite.auroc) : '—'),
      h('td', {}, m.suite?.d_z != null ? num(m.suite.d_z) : '—'),
      h('td', {}, num(m.bars.possible.mean)),
      h('td', {}, num(m.bars.impossible.mean)))))));

  const cohortLines = (s: SceneStudyResults): HTMLElement[] => cohorts().flatMap((c) => {
    const scored = cohortScore(c.members ?? [], s.models.flatMap((m) => (m.suite ? [m.suite] : [])));
    return scored ? [h('p', { class: 'small', 'data-testid': `cohort-${s.sceneId}` }, `${cohortScoreWords(c.label, scored)}.`)] : [];
  });

  /** McNemar's tests, less those between two seeds of one cohort (its line above sums the seeds up). */
  const shownComparisons = (s: SceneStudyResults): SceneStudyResults['comparisons'] => {
    const sameCohort = (a: string, b: string): boolean => cohorts().some((c) => c.members?.includes(a) && c.members.includes(b));
    return s.comparisons.filter((c) => !sameCohort(c.model_a, c.model_b));
  };

  /** Looking time in seconds, in the studies' own terms: the familiarization curve, test looking per
   * condition, the share of learners looking longer at the impossible event. */
  const lookingBlock = (l: LookingResults, ls: LookingScene): HTMLElement => h('div', { class: 'looking-results', 'data-testid': `looking-${ls.sceneId}` },
    h('p', { class: 'results-sentence', 'data-testid': 'looking-sentence' }, ls.sentence),
    h('div', { class: 'figures' },
      figure((layout) => familiarizationSvg(l, ls.sceneId, layout), `Looking time per trial (model “${l.model}”${l.habituate ? ', learners habituating' : ''}): familiarization, then test`, `${fileStem(runName)}-${ls.sceneId}-familiarization`, `looking-curve-${ls.sceneId}`),
      figure((layout) => testLookingSvg(l, ls.sceneId, layout), 'Test looking time in seconds, possible vs impossible (± 1 SEM)', `${fileStem(runName)}-${ls.sceneId}-test-looking`, `looking-test-${ls.sceneId}`),
      figure((layout) => proportionSvg(l, ls.sceneId, layout), 'Share of learners looking longer at the impossible event (exact 95% interval)', `${fileStem(runName)}-${ls.sceneId}-proportion`, `looking-share-${ls.sceneId}`)));

  const sceneBlock = (r: StudyResults, s: SceneStudyResults, l: LookingResults | null): HTMLElement => h('section', { class: 'results-scene', 'data-testid': `results-${s.sceneId}` },
    h('h3', { class: 'panel-title' }, s.title),
    h('p', { class: 'results-citation small muted' }, s.citation ? `Copies: ${s.citation}` : 'No study cited in the scene file.', s.infants ? ` Infants: ${s.infants}` : ''),
    h('p', { class: 'results-sentence', 'data-testid': 'results-sentence' }, s.sentence),
    ...(s.pairsWithoutOnset > 0 ? [h('p', { class: 'small', role: 'note', 'data-testid': `no-onset-${s.sceneId}` },
      `In ${s.pairsWithoutOnset} test pair${s.pairsWithoutOnset === 1 ? '' : 's'} the violation never started (its trigger never fired), so both events were the same: a difference there is not surprise at the violation. Check the scene in the Studio.`)] : []),
    ...(l ? [lookingBlock(l, l.scenes.find((x) => x.sceneId === s.sceneId)!)] : []),
    h('div', { class: 'figures' },
      figure((layout) => surpriseBarsSvg(r, s.sceneId, layout), `Mean surprise per trial, possible vs impossible (± 1 SEM; dots are trials)${s.looking ? ', and your looking time' : ''}`, `${fileStem(runName)}-${s.sceneId}-bars`, `bars-${s.sceneId}`),
      figure((layout) => alignedCurvesSvg(r, s.sceneId, layout), 'Mean surprise aligned at the violation onset', `${fileStem(runName)}-${s.sceneId}-curves`, `curves-${s.sceneId}`)),
    metricsTable(s),
    ...cohortLines(s),
    shownComparisons(s).length === 0 ? '' : h('p', { class: 'small muted', 'data-testid': `mcnemar-${s.sceneId}` },
      `McNemar's exact test on the same pairs (right = impossible strictly more surprising): ${shownComparisons(s).map((c) => `${c.model_a} alone right in ${c.only_a}, ${c.model_b} alone in ${c.only_b}, p = ${c.p_exact < 0.001 ? c.p_exact.toExponential(1) : c.p_exact.toFixed(3)}`).join('; ')}.`),
    s.finished < s.planned ? h('p', { class: 'small muted' }, `${s.finished} of ${s.planned} trials of this scene so far.`) : '');

  return {
    update(d, recordings) {
      current = recordings.slice().sort((a, b) => (a.place?.trial_index ?? 0) - (b.place?.trial_index ?? 0));
      runName = current[0]?.place?.run_name ?? 'study';
      const sceneFiles: SceneFile[] = d.settings.scenes.map((id) => scenes.get(id)?.scene).filter((s): s is SceneFile => Boolean(s));
      const r = studyResults(d, current, sceneFiles);
      figures.clear();
      summary.textContent = `${r.finished} of ${r.planned} trials finished.`;
      design.textContent = `Design: ${d.description}`;
      exports.hidden = current.length === 0;
      const looking = lookingChoice === null ? null
        : (lookingChoice.infants ?? 1) > 1 && lookingChoice.otherInfants
          ? infantLookingResults(d, [current, ...lookingChoice.otherInfants(current)], lookingChoice.model, lookingChoice.habituate, DEFAULT_HABITUATION, lookingChoice.orders)
          : lookingResults(d, current, lookingChoice.model, lookingChoice.habituate, DEFAULT_HABITUATION, lookingChoice.orders);
      body.replaceChildren(...r.scenes.map((s) => sceneBlock(r, s, looking)));
      figures.fit();
      onResults?.(r, looking);
      return r;
    },
    setLooking(choice) { lookingChoice = choice; },
    showRecording(rec) { details.replaceChildren(recordingDetails(rec)); },
    compare(a, b) { details.replaceChildren(comparison(a, b)); },
  };
}
