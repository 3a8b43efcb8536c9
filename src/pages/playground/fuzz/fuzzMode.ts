// The one entry main.ts loads (lazily, only for ?fuzz or ?assert): starts the fuzzer and returns
// the per-step assertions to run (null when ?assert is off).
import { FuzzActions, type FuzzTargets } from './fuzzActions';
import type { FuzzOptions } from '../../../web/fuzz/fuzzOptions';
import { startFuzz } from '../../../web/fuzz/startFuzz';
import { createStepAssertions } from './stepAssertions';

export function startFuzzMode(options: FuzzOptions, targets: FuzzTargets): (() => void) | null {
  if (options.fuzz) startFuzz(options, (rng) => new FuzzActions(rng, targets));
  return options.assert ? createStepAssertions(targets.store, targets.controller) : null;
}
