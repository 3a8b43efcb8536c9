// The moment-by-moment RANCH-style model's parameters by their written rules (docs/looking.md, "Moment
// by moment"): σ_p and m0 from the per-window x of the not-habituating study of the three support
// scenes (20 shipped learners, 6 familiarization trials, 4 test pairs, seed 1), then w = τ.
// Run: npx tsx bench/ranchMomentCalibration.ts [--models-dir DIR]   (one thread; about a minute)
import { readFileSync } from 'node:fs';
import { parseSceneText } from '../src/scenes/parse';
import { useWasmBackend } from '../src/predictor/backend';
import { loadObserver } from '../src/cli/modelStore';
import { designStudy } from '../src/experiment/studyDesign';
import { runStudy, type StudyScene } from '../src/experiment/looking/runStudy';
import { eventWindows } from '../src/experiment/looking/momentStream';
import { LOOK_FPS } from '../src/experiment/looking/lookingModel';
import { RANCH_MOMENT_PARAMS, type RanchParams } from '../src/experiment/looking/ranchModel';
import { calibrateWorldEig, meanFirstMomentTrialSeconds, WORLD_EIG_RULE } from '../src/experiment/looking/ranchCalibration';

const SCENES = ['car-off-platform', 'box-released-beyond-platform', 'box-pushed-to-15-percent-contact'];
const AGES = ['1k', '3k', '30k', '100k'];
const MODELS = AGES.flatMap((a) => [`learner-${a}`, ...[2, 3, 4, 5].map((s) => `learner-${a}-s${s}`)]);

const dirFlag = process.argv.indexOf('--models-dir');
const modelsDir = dirFlag >= 0 ? process.argv[dirFlag + 1] : undefined;
await useWasmBackend();
const scenes = new Map<string, StudyScene>(SCENES.map((id) => {
  const text = readFileSync(`scenes/${id}.json`, 'utf8');
  return [id, { scene: parseSceneText(text, id), text }];
}));
const observers = MODELS.map((m) => loadObserver(m, modelsDir));
const design = designStudy({ scenes: SCENES, models: MODELS, pairs: 4, familiarization: 6, seed: 1 });
const recordings = runStudy(design, scenes, observers, { versions: { app: 'bench', matter: 'bench', tfjs: 'bench' } });
const windowFrames = Math.round(RANCH_MOMENT_PARAMS.sampleSeconds * LOOK_FPS);

// Per learner and scene: each possible trial's windows; all familiarization windows.
const possible = new Map<string, (number | null)[][]>();
const familiarization: number[] = [];
for (const rec of recordings) {
  for (const track of rec.observers) {
    const x = eventWindows(track.total, windowFrames);
    if (rec.place?.phase === 'familiarization') for (const v of x) if (v !== null) familiarization.push(v);
    if (rec.meta.condition !== 'possible') continue;
    const key = `${rec.meta.scene_id}\u0000${track.model}`;
    possible.set(key, [...(possible.get(key) ?? []), x]);
  }
}
const variances: number[] = [];
for (const trials of possible.values()) {
  const windows = Math.min(...trials.map((t) => t.length));
  for (let k = 0; k < windows; k++) {
    const xs = trials.map((t) => t[k]);
    if (xs.some((v) => v === null || v === undefined)) continue;
    const v = xs as number[];
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    variances.push(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
  }
}
const sigma = Math.sqrt(variances.reduce((a, b) => a + b, 0) / variances.length);
const sorted = [...familiarization].sort((a, b) => a - b);
const mid = sorted.length / 2;
const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
const trialsPer = [...possible.values()].map((t) => t.length);
console.log(`possible trials per learner-scene: ${Math.min(...trialsPer)}–${Math.max(...trialsPer)}; learner-scene-windows: ${variances.length}; familiarization windows: ${familiarization.length}`);
console.log(`sigma_p (RMS of the per-window sd over possible variants): ${sigma.toFixed(4)} -> ${Number(sigma.toPrecision(1))}`);
console.log(`m0 (median window x over familiarization trials): ${median.toFixed(4)} -> ${median.toFixed(1)}`);
const sigmaP = Number(sigma.toPrecision(1));
const m0 = Number(median.toFixed(1));
const p: RanchParams = { ...RANCH_MOMENT_PARAMS, perceptualNoise: sigmaP, prior: { m: m0, kappa: 1, alpha: 1, beta: Number((sigmaP * sigmaP).toPrecision(12)) } };
const w = calibrateWorldEig(p, { ...WORLD_EIG_RULE, typicalInformation: m0 }, meanFirstMomentTrialSeconds);
console.log(`w = tau (first trial of a stream at m0 lasts ${WORLD_EIG_RULE.targetSeconds} s): ${w}; mean at it: ${meanFirstMomentTrialSeconds(p, m0, w, WORLD_EIG_RULE.trials).toFixed(2)} s`);
