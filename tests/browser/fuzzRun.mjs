// Drives a page already open in fuzz mode (?fuzz&assert&seed&fuzzRate) until it has done a number
// of events, stopping early at the first console error, page error or failed assertion.

export const fuzzQuery = (seed, rate) => `?fuzz&assert&autoplay&seed=${seed}&fuzzRate=${rate}`;

/** Records the page's console errors and uncaught errors into `problems`. */
export function watchProblems(page, problems) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
}

/** Resolves to { events, problems, recent } (problems: those seen, plus "too few events"). */
export async function runFuzz(page, problems, { events = 300, timeoutMs = 80_000 }) {
  const deadline = Date.now() + timeoutMs;
  let done = 0;
  while (problems.length === 0 && Date.now() < deadline) {
    done = await page.evaluate(() => window.__surpriseLabFuzz?.events ?? 0);
    if (done >= events) break;
    await page.waitForTimeout(250);
  }
  done = await page.evaluate(() => window.__surpriseLabFuzz?.events ?? 0).catch(() => done);
  const recent = await page.evaluate(() => window.__surpriseLabFuzz?.recent ?? []).catch(() => []);
  const all = [...problems];
  if (all.length === 0 && done < events) all.push(`only ${done} of ${events} fuzz events ran in ${timeoutMs / 1000} s`);
  return { events: done, problems: all, recent };
}

export function describeFailure(seed, rate, { events, problems, recent }) {
  return [`fuzz seed ${seed} failed after ${events} events (replay: ${fuzzQuery(seed, rate)})`,
    ...problems.slice(0, 10), 'last events:', ...recent].join('\n  ');
}
