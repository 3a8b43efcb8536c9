// Browser test: fuzz mode with assertions on, for a bounded number of random, seeded events;
// any console error, page error or failed assertion fails it, printing the seed to replay.
import { describeFailure, fuzzQuery, runFuzz, watchProblems } from './fuzzRun.mjs';

const SEED = Number(process.env.FUZZ_SEED ?? 1);
const RATE = 40;
const EVENTS = 300;

export function registerFuzzTests(test) {
  test(`fuzz: ${EVENTS} random events with assertions on (seed ${SEED}) raise no error`, async ({ open, assert }) => {
    const page = await open({ query: fuzzQuery(SEED, RATE) });
    const problems = [];
    watchProblems(page, problems);
    const result = await runFuzz(page, problems, { events: EVENTS, timeoutMs: 75_000 });
    console.log(`     fuzz seed ${SEED}: ${result.events} events`);
    assert.deepEqual(result.problems, [], describeFailure(SEED, RATE, result));
  });

  const STUDY_EVENTS = 200;
  test(`fuzz: the Experiment screen, ${STUDY_EVENTS} random events with assertions on (seed ${SEED}) raise no error`, async ({ open, assert }) => {
    const query = `experiment.html?fuzz&assert&seed=${SEED}&fuzzRate=${RATE}`;
    const page = await open({ query });
    const problems = [];
    watchProblems(page, problems);
    const result = await runFuzz(page, problems, { events: STUDY_EVENTS, timeoutMs: 75_000 });
    console.log(`     experiment fuzz seed ${SEED}: ${result.events} events, last: ${result.recent.slice(-3).join('; ')}`);
    assert.deepEqual(result.problems, [], describeFailure(SEED, RATE, result).replace(fuzzQuery(SEED, RATE), query));
  });
}
