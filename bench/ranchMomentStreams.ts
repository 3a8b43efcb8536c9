// What the moment-by-moment RANCH-style model does with a brief spike of surprise and with a lasting
// one: 400 observers, four familiarization trials of a flat stream (2 nats a frame, 4 s), then a test
// stream; mean looking at the test trial and at a first trial of the same stream (docs/looking.md).
// Run: npx tsx bench/ranchMomentStreams.ts   (a few seconds)
import type { Rng } from '../src/sim/rng';
import { SurpriseStream } from '../src/experiment/looking/momentStream';
import { RANCH_MOMENT_PARAMS, RanchMemory } from '../src/experiment/looking/ranchModel';
import { lookingRng } from '../src/experiment/looking/lookingModel';

const stream = (at: (frame: number) => number): SurpriseStream => new SurpriseStream(Array.from({ length: 240 }, (_, f) => (f < 20 ? null : at(f))));
const flat = stream(() => 2);
const tests: Record<string, SurpriseStream> = {
  'flat (the familiar stream)': flat,
  '200 nats in one window (frames 60-74)': stream((f) => (f >= 60 && f < 75 ? 200 : 2)),
  '200 nats from 1 s to the end (held)': stream((f) => (f >= 60 ? 200 : 2)),
  '200 nats from 3 s to the end (held)': stream((f) => (f >= 180 ? 200 : 2)),
  'no surprise from 3 s to the end (held)': stream((f) => (f >= 180 ? 0 : 2)),
};
const N = 400;
for (const [name, test] of Object.entries(tests)) {
  let afterFamiliarization = 0, firstTrial = 0;
  for (let k = 0; k < N; k++) {
    const rng = (trial: number): Rng => lookingRng(9, `observer-${k}`, 'scene', trial, 'possible', 'familiarization');
    const memory = new RanchMemory(RANCH_MOMENT_PARAMS);
    for (let trial = 0; trial < 4; trial++) memory.lookAtMoments(flat, rng(trial));
    afterFamiliarization += memory.lookAtMoments(test, rng(4)).seconds;
    firstTrial += new RanchMemory(RANCH_MOMENT_PARAMS).lookAtMoments(test, rng(0)).seconds;
  }
  console.log(`${name}: ${(afterFamiliarization / N).toFixed(2)} s after familiarization, ${(firstTrial / N).toFixed(2)} s as a first trial`);
}
