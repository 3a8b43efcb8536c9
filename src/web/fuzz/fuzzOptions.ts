// Reads the fuzz and assertion switches from the URL: ?fuzz&seed=N&fuzzRate=R&assert (PhET's ?fuzz&ea).
import { readQuery, switchOn, wholeNumber, type QuerySpec } from '../queryParams';

export interface FuzzOptions {
  /** Drive the page with random, seeded input. */
  fuzz: boolean;
  /** Check invariants after every physics step. */
  assert: boolean;
  seed: number;
  /** Fuzz events per second. */
  rate: number;
}

export const DEFAULT_FUZZ_RATE = 30;

/** The fuzz switches, declared once (the playground and the Experiment screen both read them). */
export const FUZZ_QUERY: QuerySpec<FuzzOptions> = {
  fuzz: { type: 'switch', help: 'drive the page with random, seeded input', default: false, read: switchOn('false') },
  assert: { type: 'switch', help: 'check invariants after every step', default: false, read: switchOn('false') },
  seed: { type: 'whole number', help: 'the fuzz seed (a failure replays with it)', default: 1, read: wholeNumber(0, 999_999_999, { maxDigits: 9 }) },
  rate: {
    name: 'fuzzRate', type: 'events per second (at most 1000)', help: 'how fast the fuzz presses', default: DEFAULT_FUZZ_RATE,
    read: (t) => { const r = Number(t); return Number.isFinite(r) && r > 0 ? Math.min(r, 1000) : undefined; },
  },
};

export function parseFuzzOptions(search: string): FuzzOptions {
  return readQuery(FUZZ_QUERY, search).values;
}
