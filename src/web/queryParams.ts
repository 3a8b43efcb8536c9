// A page's query parameters declared once — URL name, type, default, meaning — from which reading
// the address, writing a link and the help text all come (PhET's QueryStringMachine, small).

export interface QueryParam<T> {
  /** The name in the address when it differs from the field's (e.g. `fam` for familiarization). */
  name?: string;
  /** How an ignored value is named to a person ("basket position"); the URL name otherwise. */
  label?: string;
  /** The type in words, for the help text: "whole number 0–9999", "possible | impossible". */
  type: string;
  /** What it does, for the help text. */
  help: string;
  default: T;
  /** The value a text stands for; undefined (after calling `ignore` with what was not understood,
   * if the page should say so) to take the default. A value read but changed (a count clamped into
   * its range) calls `ignore` with what was given and what is used instead (`note`). */
  read(text: string, ignore: (what: string, note?: string) => void): T | undefined;
  /** The parameter's text in a link, already URL-encoded; '' for a bare switch (`&autoplay`); null
   * to leave it out. Omit `write` for a parameter links never carry. */
  write?(value: T, all: Record<string, unknown>): string | null;
}

export type QuerySpec<V> = { readonly [K in keyof V]: QueryParam<V[K]> };

export interface QueryReading<V> {
  values: V;
  /** Fields the address gave a readable value for. */
  given: Set<keyof V>;
  /** What was not understood, in words: `seed “x”`. */
  ignored: string[];
}

const urlName = <V>(spec: QuerySpec<V>, key: keyof V): string => spec[key].name ?? String(key);

/** Reads `search` by the spec; `defaults` replace the declared defaults (a page may know them only at run time). */
export function readQuery<V>(spec: QuerySpec<V>, search: string, defaults: Partial<V> = {}): QueryReading<V> {
  const q = new URLSearchParams(search);
  const values = {} as V;
  const given = new Set<keyof V>();
  const ignored: string[] = [];
  for (const key of Object.keys(spec) as (keyof V)[]) {
    const param = spec[key];
    const text = q.get(urlName(spec, key));
    const fallback = (key in defaults ? defaults[key] : param.default) as V[typeof key];
    const value = text === null ? undefined : param.read(text, (what, note) => ignored.push(`${param.label ?? urlName(spec, key)} “${what}”${note ? ` (${note})` : ''}`));
    if (value !== undefined) given.add(key);
    values[key] = value === undefined ? fallback : value;
  }
  return { values, given, ignored };
}

/** The query string for `values`, parameters in the spec's order (`?a=1&b&c=x,y`). */
export function writeQuery<V>(spec: QuerySpec<V>, values: V): string {
  const parts: string[] = [];
  for (const key of Object.keys(spec) as (keyof V)[]) {
    const text = spec[key].write?.(values[key], values as Record<string, unknown>);
    if (text === null || text === undefined) continue;
    parts.push(text === '' ? urlName(spec, key) : `${urlName(spec, key)}=${text}`);
  }
  return `?${parts.join('&')}`;
}

/** The names the spec reads from the address. */
export function queryNames<V>(spec: QuerySpec<V>): string[] {
  return (Object.keys(spec) as (keyof V)[]).map((key) => urlName(spec, key));
}

/** One line per parameter: `name — type (default …): what it does`. */
export function queryHelp<V>(spec: QuerySpec<V>): string[] {
  return (Object.keys(spec) as (keyof V)[]).map((key) => {
    const p = spec[key];
    const d = p.default;
    const shown = d === undefined || d === null || (Array.isArray(d) && d.length === 0) || d === '' ? '' : ` (default ${Array.isArray(d) ? d.join(',') : String(d)})`;
    return `${urlName(spec, key)} — ${p.type}${shown}: ${p.help}`;
  });
}

// Readers for the usual kinds, each a pure function of the text.

/** Digits only (at most `maxDigits`), within [lo, hi]; `clamp` pulls an out-of-range number in
 * instead of refusing it. Surrounding spaces are allowed when `trim` is set. */
export function wholeNumber(lo: number, hi: number, opts: { clamp?: boolean; trim?: boolean; maxDigits?: number } = {}): (text: string, ignore: (what: string, note?: string) => void) => number | undefined {
  const digits = opts.maxDigits === undefined ? /^\d+$/ : new RegExp(`^\\d{1,${opts.maxDigits}}$`);
  return (text, ignore) => {
    const t = opts.trim ? text.trim() : text;
    if (!digits.test(t)) { ignore(text); return undefined; }
    const n = Number(t);
    if (opts.clamp) {
      const kept = Math.min(hi, Math.max(lo, n));
      // Clamped, never silently: the page names what it changed.
      if (kept !== n) ignore(text, `${kept} used: ${lo}–${hi}`);
      return kept;
    }
    if (n < lo || n > hi) { ignore(text); return undefined; }
    return n;
  };
}

/** One of the listed values, compared as text. */
export function oneOf<T extends string | number>(values: readonly T[]): (text: string, ignore: (what: string, note?: string) => void) => T | undefined {
  return (text, ignore) => {
    const v = values.find((x) => String(x) === text);
    if (v === undefined) ignore(text);
    return v;
  };
}

/** A comma-separated list, items trimmed, empty items dropped. */
export const commaList = (text: string): string[] => text.split(',').map((s) => s.trim()).filter(Boolean);

/** A switch: present (bare, or any value but `off`) is on. */
export const switchOn = (off: string) => (text: string): boolean => text !== off;

/** URL-encodes like a form (URLSearchParams): spaces as +, commas as %2C. */
export const formEncoded = (text: string): string => new URLSearchParams({ v: text }).toString().slice(2);

/** A link parameter that was given but could not be used, and what was expected. */
export interface IgnoredParam { name: string; value: string; why: string }

/** A sentence for the page: which parameters of the link were ignored and why (empty for none). */
export function ignoredSentence(ignored: readonly IgnoredParam[]): string {
  if (ignored.length === 0) return '';
  const shown = (v: string): string => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return `This link's ${ignored.map((p) => `${p.name}=${shown(p.value)} (${p.why})`).join('; ')} ${ignored.length === 1 ? 'was' : 'were'} ignored; the defaults are used instead.`;
}

/** A scene shared from the Studio inside the link (src/web/sceneLink.ts: deflate-raw, base64url, at
 * most 8000 characters): declared once here, for every page that opens one. */
export const SHARED_SCENE_PARAM: QueryParam<string | undefined> = {
  name: 'shared',
  type: 'a scene, compressed (deflate-raw) in base64url, at most 8000 characters',
  help: 'a scene shared from the Studio, opened as if its file had been loaded',
  default: undefined,
  read: (t, ignore) => (/^[A-Za-z0-9_-]{1,8000}$/.test(t) ? t : (ignore(t), undefined)),
  write: (v) => v ?? null,
};
