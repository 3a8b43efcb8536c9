// Reads TypeScript sources for the architecture test: import specifiers and code without comments or strings.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts file under `dir` (recursively), or none if it does not exist. */
export function tsFilesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const name of entries.sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...tsFilesUnder(path));
    else if (/\.(ts|mts|cts|tsx)$/.test(name) && !name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/** Blanks out comments and the contents of string and template literals, keeping positions. */
export function codeOnly(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') { out += ' '; i++; }
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      out += ch;
      i++;
      while (i < source.length && source[i] !== ch) {
        if (source[i] === '\\') { out += ' '; i++; }
        out += source[i] === '\n' ? '\n' : ' ';
        i++;
      }
      out += ch;
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Module specifiers a file imports: static and type imports, re-exports, dynamic import(), require(),
 * and module workers' `new URL('…', import.meta.url)`. */
export function importSpecifiers(source: string): string[] {
  const code = codeOnly(source);
  const specs: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?(['"])/g,
    /\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s+from\s+(['"])/g,
    /\bimport\s*\(\s*(['"`])/g,
    /\brequire\s*\(\s*(['"`])/g,
    /\bnew\s+URL\s*\(\s*(['"`])(?=[^'"`]*['"`]\s*,\s*import\.meta\.url)/g,
  ];
  for (const re of patterns) {
    for (const m of code.matchAll(re)) {
      // The literal's text is blanked in `code`; read it from the source at the same offset.
      const start = m.index! + m[0].length;
      const end = source.indexOf(m[1]!, start);
      specs.push(source.slice(start, end));
    }
  }
  return specs;
}
