// `npm run bench`: runs each benchmark in turn and prints its table (Node, one core, wall time).
import { benchPhysics, formatStepCosts } from './physics';
import { benchLearnWorker } from './learnWorker';
import { benchInference, benchTraining } from './predictor';
import { benchSoak } from './soak';
import { benchBrowser } from './browser';

interface Bench {
  name: string;
  /** Runs the benchmark and returns the text to print. */
  run(): string | Promise<string>;
}

/** To add a benchmark, write bench/NAME.ts and list it here. */
const BENCHES: Bench[] = [
  {
    name: 'physics: one 1/60 s step (4 matter-js sub-steps, support check, triggers)',
    run: () => formatStepCosts(benchPhysics()),
  },
  {
    name: 'predictor: inference cost per step per object, as a ratio to the physics step',
    run: benchInference,
  },
  {
    name: 'predictor: training throughput, and experience needed for 0.95 on 50 car pairs',
    run: benchTraining,
  },
  {
    name: 'soak: 100,000 steps with live surprise and recording on (tensor count and heap growth)',
    run: () => benchSoak(),
  },
  {
    name: 'browser: the playground in headless Chromium, 10 s per case (frame interval, per-step costs)',
    run: benchBrowser,
  },
  {
    name: 'learn: training throughput in the browser worker vs Node, and wall time to 0.95 on car-off-platform',
    run: benchLearnWorker,
  },
];

const only = process.argv[2];
const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
console.log(`node ${process.version}, ${process.platform}/${process.arch}, load average ${load} (wall times grow on a busy machine)`);
for (const bench of BENCHES) {
  if (only && !bench.name.startsWith(only)) continue;
  const began = performance.now();
  const text = await bench.run();
  console.log(`\n${bench.name}  [${((performance.now() - began) / 1000).toFixed(1)} s]\n${text}`);
}
