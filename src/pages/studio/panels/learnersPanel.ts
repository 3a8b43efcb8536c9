// "Try it on the learners": a small suite on this scene (the suite's own runPair, scoreTrial and
// summarizeScene, so the numbers are the ones `lab suite` prints), pair by pair without freezing the
// page; each observer's pairwise accuracy with its exact (Clopper–Pearson) 95% interval. One more
// link opens the same study in the Experiment screen.
import { h } from '../../../ui/dom';
import { ORACLE, type Observer } from '../../../experiment/observers';
import { runPair, scoreTrial, scoredModel, summarizeScene, type SuiteResult } from '../../../experiment/suite';
import type { TrialScores } from '../../../predictor/surprise';
import { parseSceneValue } from '../../../scenes/parse';
import type { ModelChoice } from '../../../web/modelChoice';
import type { ModelLibrary } from '../../../web/modelLibrary';
import { startTfWasm } from '../../../web/tfSetup';
import { encodeSceneLink } from '../../../web/sceneLink';
import type { SceneDraft } from '../model/sceneDraft';
import { sceneFileText } from './filesPanel';

export interface LearnersFacts { running: boolean; results: SuiteResult[]; error: string | null }

const pct = (x: number): string => `${Math.round(x * 100)}%`;

export function mountLearnersPanel(host: HTMLElement, library: ModelLibrary, models: readonly ModelChoice[], current: () => SceneDraft): { facts(): LearnersFacts; refresh(): void } {
  const facts: LearnersFacts = { running: false, results: [], error: null };
  const main = models.filter((m) => m.cohortSeed === undefined);
  const learned = main.filter((m) => m.kind === 'learned' && !m.id.startsWith('saved:'));
  const ticked = new Set([learned[0]?.id, learned[learned.length - 1]?.id, 'constant-velocity', 'oracle'].filter((x): x is string => Boolean(x)));
  const boxes = main.map((m) => {
    const box = h('input', { type: 'checkbox', value: m.id, checked: ticked.has(m.id), 'data-testid': `learner-${m.id}` });
    return { m, box, row: h('label', { class: 'studio-flag', title: m.note }, box, h('span', {}, ` ${m.label}`)) };
  });
  const pairs = h('input', { type: 'number', min: 1, max: 200, value: 20, 'data-testid': 'learners-pairs' });
  const seed = h('input', { type: 'number', min: 0, max: 4294967295, value: 1, 'data-testid': 'learners-seed' });
  const run = h('button', { type: 'button', class: 'btn', 'data-testid': 'learners-run' }, 'Try it on the learners');
  const toExperiment = h('a', { class: 'btn btn-small', 'data-testid': 'open-in-experiment', href: 'experiment.html' }, 'Open in the Experiment screen');
  const status = h('p', { class: 'small', role: 'status', 'data-testid': 'learners-status' });
  const table = h('table', { class: 'studio-results', 'data-testid': 'learners-results' });
  host.append(h('fieldset', { class: 'studio-group' }, h('legend', {}, 'Observers'), ...boxes.map((b) => b.row)),
    h('div', { class: 'studio-row' }, h('label', { class: 'studio-field' }, h('span', { class: 'studio-field-name' }, 'Pairs'), pairs),
      h('label', { class: 'studio-field' }, h('span', { class: 'studio-field-name' }, 'Seed'), seed)),
    h('div', { class: 'studio-row' }, run, toExperiment), status, table);

  const chosen = (): ModelChoice[] => boxes.filter((b) => b.box.checked).map((b) => b.m);
  /** The Experiment screen's link for the same scene (carried in the link), observers, pairs and seed. */
  const experimentLink = async (): Promise<void> => {
    try {
      const doc = current();
      const encoded = await encodeSceneLink(sceneFileText(doc));
      toExperiment.href = `experiment.html?shared=${encoded}&scenes=${encodeURIComponent(doc.id)}&models=${chosen().map((m) => encodeURIComponent(m.id)).join(',')}&pairs=${pairs.value}&seed=${seed.value}`;
    } catch {
      toExperiment.href = 'experiment.html';
    }
  };
  for (const input of [pairs, seed, ...boxes.map((b) => b.box)]) input.addEventListener('change', () => void experimentLink());

  async function observers(list: readonly ModelChoice[]): Promise<Observer[]> {
    const out: Observer[] = [];
    for (const m of list) {
      if (m.kind === 'oracle') { out.push(ORACLE); continue; }
      if (m.kind === 'learned') await startTfWasm();
      out.push(await library.predictor(m));
    }
    return out;
  }

  run.addEventListener('click', async () => {
    if (facts.running) return;
    const n = Math.max(1, Math.min(200, Math.round(Number(pairs.value) || 20)));
    const s = Math.max(0, Math.round(Number(seed.value) || 0));
    const list = chosen();
    facts.error = null;
    table.replaceChildren();
    if (list.length === 0) { status.textContent = 'Tick at least one observer.'; return; }
    let scene;
    try {
      scene = parseSceneValue(current(), 'scene');
    } catch (e) {
      facts.error = e instanceof Error ? e.message : String(e);
      status.textContent = `The scene has problems, so no suite ran: ${facts.error}`;
      return;
    }
    facts.running = true;
    run.disabled = true;
    try {
      status.textContent = 'Loading the observers…';
      const obs = await observers(list);
      const scores = obs.map(() => ({ possible: [] as TrialScores[], impossible: [] as TrialScores[] }));
      for (let v = 0; v < n; v++) {
        status.textContent = `Pair ${v + 1} of ${n}…`;
        await new Promise((r) => setTimeout(r, 0));
        const pair = runPair(scene, v, s);
        obs.forEach((o, k) => {
          scores[k]!.possible.push(scoreTrial(o, pair, 'possible').scores);
          scores[k]!.impossible.push(scoreTrial(o, pair, 'impossible').scores);
        });
      }
      facts.results = obs.map((o, k) => summarizeScene(scene, scoredModel(o), scores[k]!.possible, scores[k]!.impossible));
      table.replaceChildren(h('caption', { class: 'small' }, `${n} matched pairs of ${scene.id}, seed ${s}: how often each observer is more surprised by the impossible twin`),
        h('tr', {}, h('th', { scope: 'col' }, 'Observer'), h('th', { scope: 'col' }, 'Pairwise accuracy'), h('th', { scope: 'col' }, '95% interval (exact, Clopper–Pearson)'), h('th', { scope: 'col' }, 'Wins / ties / losses')),
        ...facts.results.map((r) => h('tr', { 'data-model': r.model }, h('td', {}, list.find((m) => m.id === r.model)?.label ?? r.model), h('td', {}, pct(r.pairwise_accuracy)),
          h('td', {}, `${pct(r.pairwise_ci95[0])}–${pct(r.pairwise_ci95[1])}`), h('td', {}, `${r.wins} / ${r.ties} / ${r.losses}`))));
      status.textContent = `Done: ${n} pairs, ${obs.length} observer${obs.length === 1 ? '' : 's'}. The same numbers as npm run -s lab -- suite --scenes ${scene.id}.json --models ${list.map((m) => m.id).join(',')} --pairs ${n} --seed ${s}.`;
    } catch (e) {
      facts.error = e instanceof Error ? e.message : String(e);
      status.textContent = `The suite stopped: ${facts.error}`;
    } finally {
      facts.running = false;
      run.disabled = false;
    }
  });
  return { facts: () => facts, refresh: () => void experimentLink() };
}
