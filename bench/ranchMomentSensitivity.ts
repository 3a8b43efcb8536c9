// After the runs, not adopted: the car study (20 learners, 6 familiarization trials, 4 test pairs,
// not habituating, seeds 1 and 2) looked at by ranch-moment as shipped, by ranch-moment with ranch's
// σ_p (0.2), and by the trial-mean model with ranch-moment's σ_p and m0: which part of the change
// comes from reading moments and which from the noise's scale (docs/looking.md, "Moment by moment").
// Per age: mean impossible − possible test looking, learners longer over the test pairs, at the first pair.
// Run: npx tsx bench/ranchMomentSensitivity.ts   (about 35 s; checks it reproduces lab study's ranch-moment)
import { readFileSync } from 'node:fs';
import { parseSceneText } from '../src/scenes/parse';
import { useWasmBackend } from '../src/predictor/backend';
import { loadObserver } from '../src/cli/modelStore';
import { designStudy } from '../src/experiment/studyDesign';
import { runStudy, type StudyScene } from '../src/experiment/looking/runStudy';
import { SurpriseStream } from '../src/experiment/looking/momentStream';
import { lookingRng } from '../src/experiment/looking/lookingModel';
import { RANCH_MOMENT_PARAMS, RANCH_PARAMS, RanchMemory, type RanchParams } from '../src/experiment/looking/ranchModel';
import { lookingResults } from '../src/experiment/looking/lookingStudy';
const id = 'car-off-platform';
const text = readFileSync(`scenes/${id}.json`, 'utf8');
const scenes = new Map<string, StudyScene>([[id, { scene: parseSceneText(text, id), text }]]);
const ages = ['1k', '3k', '30k', '100k'];
const models = ages.flatMap((a) => [`learner-${a}`, ...[2, 3, 4, 5].map((s) => `learner-${a}-s${s}`)]);
async function main() {
  await useWasmBackend();
  const observers = models.map((m) => loadObserver(m));
  const variants: Record<string, { p: RanchParams; moments: boolean }> = {
    'ranch-moment (as shipped)': { p: RANCH_MOMENT_PARAMS, moments: true },
    'ranch-moment, sigma_p 0.2 (beta0 0.04)': { p: { ...RANCH_MOMENT_PARAMS, perceptualNoise: 0.2, prior: { ...RANCH_MOMENT_PARAMS.prior, beta: 0.04 } }, moments: true },
    [`ranch (trial mean), sigma_p ${RANCH_MOMENT_PARAMS.perceptualNoise}, m0 ${RANCH_MOMENT_PARAMS.prior.m} (beta0 ${RANCH_MOMENT_PARAMS.prior.beta})`]: { p: { ...RANCH_PARAMS, perceptualNoise: RANCH_MOMENT_PARAMS.perceptualNoise, prior: RANCH_MOMENT_PARAMS.prior }, moments: false },
  };
  for (const seed of [1, 2]) {
    const design = designStudy({ scenes: [id], models, pairs: 4, familiarization: 6, seed });
    const recs = runStudy(design, scenes, observers, { versions: { app: 'x', matter: 'x', tfjs: 'x' } });
    const check = lookingResults(design, recs, 'ranch-moment', false);
    for (const [name, { p, moments }] of Object.entries(variants)) {
      const byAge = new Map<string, { diff: number[]; longer: number; first: number }>();
      for (const m of models) {
        const memory = new RanchMemory(p);
        const looked: { phase: string; condition: string; s: number; index: number }[] = [];
        for (const t of design.trials) {
          const rec = recs.find((r) => r.place?.trial_index === t.index)!;
          const track = rec.observers.find((o) => o.model === m)!;
          const rng = lookingRng(seed, m, id, t.variant, t.condition, t.phase);
          const trial = moments ? memory.lookAtMoments(new SurpriseStream(track.total), rng) : memory.look(track.scores.rollout_mean ?? null, rng);
          looked.push({ phase: t.phase, condition: t.condition, s: trial.seconds, index: t.index });
        }
        if (name.startsWith('ranch-moment (as')) {
          const mine = check.scenes[0]!.observers.find((o) => o.model === m)!.trials.map((t) => t.seconds);
          if (JSON.stringify(mine) !== JSON.stringify(looked.map((l) => l.s))) throw new Error('does not reproduce');
        }
        const test = looked.filter((l) => l.phase === 'test');
        const mean = (c: string) => { const v = test.filter((l) => l.condition === c).map((l) => l.s); return v.reduce((a, b) => a + b, 0) / v.length; };
        const firstOf = (c: string) => test.filter((l) => l.condition === c)[0]!.s;
        const age = m.split('-')[1]!;
        const a = byAge.get(age) ?? { diff: [], longer: 0, first: 0 };
        a.diff.push(mean('impossible') - mean('possible')); a.longer += mean('impossible') > mean('possible') ? 1 : 0; a.first += firstOf('impossible') > firstOf('possible') ? 1 : 0;
        byAge.set(age, a);
      }
      console.log(`seed ${seed}, ${name}: ` + [...byAge].map(([age, a]) => `${age} ${(a.diff.reduce((x, y) => x + y, 0) / a.diff.length).toFixed(1)} s, ${a.longer}/5, first ${a.first}/5`).join(' | '));
    }
  }
}
main();
