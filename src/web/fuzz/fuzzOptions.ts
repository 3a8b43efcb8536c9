// Reads the fuzz and assertion switches from the URL: ?fuzz&seed=N&fuzzRate=R&assert (PhET's ?fuzz&ea).

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

export function parseFuzzOptions(search: string): FuzzOptions {
  const q = new URLSearchParams(search);
  const on = (name: string): boolean => q.has(name) && q.get(name) !== 'false';
  const seedText = q.get('seed');
  const seed = seedText !== null && /^\d{1,9}$/.test(seedText) ? Number(seedText) : 1;
  const rate = Number(q.get('fuzzRate'));
  return { fuzz: on('fuzz'), assert: on('assert'), seed, rate: Number.isFinite(rate) && rate > 0 ? Math.min(rate, 1000) : DEFAULT_FUZZ_RATE };
}
