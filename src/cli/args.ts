// A small command-line parser: --flag value, --flag=value, boolean switches, positionals, clear errors.
import { UsageError } from './errors';

export interface FlagSpec {
  /** Name without the dashes: `scene` for `--scene`. */
  name: string;
  /** A string flag takes a value; a switch takes none. */
  kind: 'string' | 'switch';
  /** Placeholder shown in usage, e.g. FILE. */
  valueName?: string;
  required?: boolean;
  description: string;
}

export interface PositionalSpec {
  /** Placeholder shown in usage, e.g. FILE. */
  name: string;
  min: number;
  max: number;
}

export interface ArgsSpec {
  command: string;
  flags: readonly FlagSpec[];
  positionals?: PositionalSpec;
}

export interface ParsedArgs {
  /** Values of string flags given; switches map to "true". */
  readonly values: ReadonlyMap<string, string>;
  readonly positionals: readonly string[];
  readonly help: boolean;
}

export function parseArgs(argv: readonly string[], spec: ArgsSpec): ParsedArgs {
  const values = new Map<string, string>();
  const positionals: string[] = [];
  let help = false;
  let flagsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (flagsEnded || token === '-' || !token.startsWith('-')) {
      positionals.push(token);
      continue;
    }
    if (token === '--') { flagsEnded = true; continue; }
    if (token === '-h' || token === '--help') { help = true; continue; }
    if (!token.startsWith('--')) throw new UsageError(`unknown option ${token}${suggest(token, spec)}`, spec.command);
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    const flag = spec.flags.find((f) => f.name === name);
    if (!flag) throw new UsageError(`unknown flag --${name} for "${spec.command}"${suggest(name, spec)}`, spec.command);
    if (values.has(name)) throw new UsageError(`--${name} is given more than once`, spec.command);
    if (flag.kind === 'switch') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`, spec.command);
      values.set(name, 'true');
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = token.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) { value = next; i++; }
    }
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value${flag.valueName ? ` (${flag.valueName})` : ''}`, spec.command);
    values.set(name, value);
  }
  if (!help) {
    for (const flag of spec.flags) {
      if (flag.required && !values.has(flag.name)) throw new UsageError(`--${flag.name} is required`, spec.command);
    }
    const p = spec.positionals ?? { name: '', min: 0, max: 0 };
    if (positionals.length > p.max) {
      throw new UsageError(p.max === 0 ? `unexpected argument ${JSON.stringify(positionals[0])}` : `too many arguments (at most ${p.max})`, spec.command);
    }
    if (positionals.length < p.min) throw new UsageError(`expected at least ${p.min} ${p.name} argument${p.min > 1 ? 's' : ''}`, spec.command);
  }
  return { values, positionals, help };
}

/** A whole number within [min, max], from a flag's text; undefined if the flag is absent. */
export function integerFlag(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const text = args.values.get(name);
  if (text === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(text.trim())) throw new UsageError(`--${name} expects a whole number, got ${JSON.stringify(text)}`);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} expects a whole number from ${min} to ${max}, got ${text}`);
  }
  return value;
}

/** A comma-separated list from a flag's text (trimmed, empties dropped); a name given twice is a
 * usage error (it would make duplicate rows, not more data). Empty if the flag is absent. */
export function listFlag(args: ParsedArgs, name: string): string[] {
  const items = (args.values.get(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const twice = items.find((item, i) => items.indexOf(item) !== i);
  if (twice !== undefined) throw new UsageError(`--${name} names ${JSON.stringify(twice)} twice`);
  return items;
}

/** One of a fixed set of words, from a flag's text; undefined if the flag is absent. */
export function choiceFlag<T extends string>(args: ParsedArgs, name: string, choices: readonly T[]): T | undefined {
  const text = args.values.get(name);
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) {
    throw new UsageError(`--${name} expects one of ${choices.join(', ')}, got ${JSON.stringify(text)}`);
  }
  return text as T;
}

/** The usage text of a command: one line of synopsis, then one line per flag. */
export function formatUsage(spec: ArgsSpec, summary: string): string {
  const synopsis = spec.flags.map((f) => {
    const part = f.kind === 'switch' ? `--${f.name}` : `--${f.name} ${f.valueName ?? 'VALUE'}`;
    return f.required ? part : `[${part}]`;
  });
  const p = spec.positionals;
  if (p && p.max > 0) synopsis.push(p.min > 0 ? `${p.name}${p.max > 1 ? '...' : ''}` : `[${p.name}${p.max > 1 ? '...' : ''}]`);
  const width = Math.max(0, ...spec.flags.map((f) => f.name.length + (f.kind === 'switch' ? 2 : 3 + (f.valueName ?? 'VALUE').length)));
  const lines = [`usage: surprise-lab ${spec.command} ${synopsis.join(' ')}`.trimEnd(), '', summary];
  if (spec.flags.length > 0) lines.push('');
  for (const f of spec.flags) {
    const left = f.kind === 'switch' ? `--${f.name}` : `--${f.name} ${f.valueName ?? 'VALUE'}`;
    lines.push(`  ${left.padEnd(width + 2)}  ${f.description}`);
  }
  return `${lines.join('\n')}\n`;
}

function suggest(word: string, spec: ArgsSpec): string {
  const bare = word.replace(/^-+/, '');
  const close = closest(bare, spec.flags.map((f) => f.name));
  if (close) return `; did you mean --${close}?`;
  const known = spec.flags.map((f) => `--${f.name}`).join(', ');
  return known ? ` (known: ${known})` : ' (it takes no flags)';
}

/** The candidate nearest to `word` if it is within two edits, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(c, word);
    if (d < bestDistance) { best = c; bestDistance = d; }
  }
  return best;
}

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours (optimal
 * string alignment), for "did you mean" hints: "--sede" is one swap from "--seed". */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
