// Starts fuzz mode on a page: a seeded stream of random events at ?fuzzRate per second, counted
// on window.__surpriseLabFuzz (with the last events, so a failure can be read and replayed).
import { createRng, type Rng } from '../../sim/rng';
import type { FuzzOptions } from './fuzzOptions';

/** A page's random events: each call does one and says what it did. */
export interface FuzzEventSource { next(): string }

export interface FuzzStatus {
  readonly seed: number;
  readonly rate: number;
  /** Events done so far. */
  readonly events: number;
  /** The most recent events, oldest first. */
  readonly recent: readonly string[];
}

declare global {
  interface Window {
    __surpriseLabFuzz?: FuzzStatus;
  }
}

const RECENT = 20;

export function startFuzz(options: FuzzOptions, makeEvents: (rng: Rng) => FuzzEventSource): () => void {
  const actions = makeEvents(createRng(options.seed));
  let events = 0;
  const recent: string[] = [];
  const status: FuzzStatus = {
    seed: options.seed,
    rate: options.rate,
    get events() { return events; },
    get recent() { return [...recent]; },
  };
  Object.defineProperty(window, '__surpriseLabFuzz', { value: Object.freeze(status), configurable: true });
  console.info(`fuzz: seed ${options.seed}, ${options.rate} events/s`);
  const timer = setInterval(() => {
    events++;
    const what = actions.next();
    recent.push(`#${events} ${what}`);
    if (recent.length > RECENT) recent.shift();
  }, 1000 / options.rate);
  return () => clearInterval(timer);
}
