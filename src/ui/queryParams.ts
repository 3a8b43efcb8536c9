// Reading a page's query parameters without silent fallbacks: a value that cannot be used is left
// out and noted (name, value, why), so the page can tell the person the link was not followed.

export interface IgnoredParam { name: string; value: string; why: string }

/** Seeds and variants are 32-bit unsigned integers everywhere (CLI flags, recordings, links). */
export const MAX_UINT32 = 0xffffffff;

/** A whole number 0…4294967295 from `q`, or undefined (noted in `ignored` when present but unusable). */
export function uint32Param(q: URLSearchParams, name: string, ignored: IgnoredParam[]): number | undefined {
  const value = q.get(name);
  if (value === null) return undefined;
  if (/^\d{1,10}$/.test(value) && Number(value) <= MAX_UINT32) return Number(value);
  ignored.push({ name, value, why: `expected a whole number from 0 to ${MAX_UINT32}` });
  return undefined;
}

/** One of `choices` from `q`, or undefined (noted when present but not one of them). */
export function choiceParam<T extends string | number>(q: URLSearchParams, name: string, choices: readonly T[], ignored: IgnoredParam[]): T | undefined {
  const value = q.get(name);
  if (value === null) return undefined;
  const found = choices.find((c) => String(c) === value);
  if (found !== undefined) return found;
  ignored.push({ name, value, why: `expected one of ${choices.join(', ')}` });
  return undefined;
}

/** A sentence for the page: which parameters of the link were ignored and why (empty for none). */
export function ignoredSentence(ignored: readonly IgnoredParam[]): string {
  if (ignored.length === 0) return '';
  const shown = (v: string): string => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return `This link's ${ignored.map((p) => `${p.name}=${shown(p.value)} (${p.why})`).join('; ')} ${ignored.length === 1 ? 'was' : 'were'} ignored; the defaults are used instead.`;
}
