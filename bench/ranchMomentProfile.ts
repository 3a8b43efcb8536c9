// What the moment-by-moment RANCH-style observer perceives of the car: per 0.25 s window of the event,
// x = ln(1 + mean surprise), averaged over the five learners of an age and their trials, for the
// familiarization and the two test conditions; the held end state's x; the trial-mean model's x.
// Run: npx tsx bench/ranchMomentProfile.ts [SEED]   (not habituating; about 20 s)
import { readFileSync } from 'node:fs';
import { parseSceneText } from '../src/scenes/parse';
import { useWasmBackend } from '../src/predictor/backend';
import { loadObserver } from '../src/cli/modelStore';
import { designStudy } from '../src/experiment/studyDesign';
import { runStudy, type StudyScene } from '../src/experiment/looking/runStudy';
import { eventWindows, SurpriseStream } from '../src/experiment/looking/momentStream';
import { information } from '../src/experiment/looking/lookingModel';
const seed = Number(process.argv[2] ?? 1);
const id = 'car-off-platform';
const text = readFileSync(`scenes/${id}.json`, 'utf8');
const scenes = new Map<string, StudyScene>([[id, { scene: parseSceneText(text, id), text }]]);
const ages = ['1k', '100k'];
const models = ages.flatMap((a) => [`learner-${a}`, ...[2, 3, 4, 5].map((s) => `learner-${a}-s${s}`)]);
await useWasmBackend();
const design = designStudy({ scenes: [id], models, pairs: 4, familiarization: 6, seed });
const recs = runStudy(design, scenes, models.map((m) => loadObserver(m)), { versions: { app: 'x', matter: 'x', tfjs: 'x' } });
for (const age of ages) {
  for (const kind of ['familiarization/possible', 'test/possible', 'test/impossible']) {
    const [phase, cond] = kind.split('/');
    const rows: number[][] = []; const held: number[] = []; const mean: number[] = [];
    for (const r of recs) {
      if (r.place?.phase !== phase || r.meta.condition !== cond) continue;
      for (const t of r.observers) {
        if (!t.model.startsWith(`learner-${age}`) || (t.model !== `learner-${age}` && !t.model.startsWith(`learner-${age}-s`))) continue;
        rows.push(eventWindows(t.total, 15).map((v) => v ?? NaN));
        held.push(information(new SurpriseStream(t.total).at(1e6)));
        mean.push(information(t.scores.rollout_mean ?? 0));
      }
    }
    const n = Math.min(...rows.map((r) => r.length));
    const prof = Array.from({ length: n }, (_, k) => rows.reduce((s, r) => s + r[k]!, 0) / rows.length);
    const avg = (a: number[]) => (a.reduce((s, x) => s + x, 0) / a.length).toFixed(2);
    console.log(`${age} ${kind} (${rows.length}): windows x ${prof.map((v) => (Number.isFinite(v) ? v.toFixed(1) : '-')).join(' ')} | held x ${avg(held)} | trial-mean x ${avg(mean)}`);
  }
}
