// The house's import rules, as a checker over a source tree: a pure core, a shared web kit, and
// pages that are siblings. Used by the architecture test on src/ and on a deliberately broken fixture.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { codeOnly, importSpecifiers, tsFilesUnder } from './sourceScan';

/** Import direction in the core: each layer may import only the layers before it. */
export const CORE_LAYERS = ['sim', 'scenes', 'predictor', 'experiment'] as const;
export type CoreLayer = (typeof CORE_LAYERS)[number];

/** Where the screens live: src/pages/<page>/, one folder each. */
const PAGES = 'pages';

const VIEW_PACKAGES = /^(pixi\.js|@pixi\/|zustand|uplot)(\/|$)/;
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const BROWSER_GLOBALS = /\b(window|document)\b/;

export interface Problem { file: string; problem: string }

/** The top folder under `srcRoot` a relative import from `file` lands in, and the folder below it. */
function target(srcRoot: string, file: string, spec: string): string[] {
  return relative(srcRoot, resolve(dirname(file), spec)).split(sep);
}

/** What is wrong with one core source file, judged by its layer. */
export function coreProblems(srcRoot: string, file: string, source: string, layer: CoreLayer): string[] {
  const problems: string[] = [];
  for (const spec of importSpecifiers(source)) {
    if (VIEW_PACKAGES.test(spec)) problems.push(`imports the view library "${spec}"`);
    if (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]!)) problems.push(`imports the Node module "${spec}" (fs and friends do not exist in the browser)`);
    if (spec.startsWith('.')) {
      const to = target(srcRoot, file, spec)[0]!;
      const allowed = CORE_LAYERS.slice(0, CORE_LAYERS.indexOf(layer) + 1) as readonly string[];
      if (!allowed.includes(to)) problems.push(`imports "${spec}" from src/${to}, which ${layer} may not depend on`);
    }
  }
  const code = codeOnly(source);
  const global = BROWSER_GLOBALS.exec(code);
  if (global) problems.push(`uses the browser global "${global[1]}"`);
  if (/\bMath\s*\.\s*random\b/.test(code)) problems.push('calls Math.random (use the seeded generator in sim/rng.ts)');
  return problems;
}

/** What is wrong with one shell source file: a page may import only itself among the pages;
 * everything outside src/pages (web, worker, storage, ui, render, cli, offline) imports no page. */
export function pageProblems(srcRoot: string, file: string, source: string): string[] {
  const [area, page] = relative(srcRoot, file).split(sep);
  const problems: string[] = [];
  for (const spec of importSpecifiers(source)) {
    if (!spec.startsWith('.')) continue;
    const [toArea, toPage] = target(srcRoot, file, spec);
    if (toArea !== PAGES) continue;
    if (area !== PAGES) problems.push(`src/${area} imports "${spec}" from the page ${toPage}; only that page's own files may (move what is shared to src/web)`);
    else if (toPage !== page) problems.push(`the page ${page} imports "${spec}" from the page ${toPage}; pages are siblings (move what they share to src/web)`);
  }
  return problems;
}

/** Every problem in a source tree, each with its file relative to `srcRoot`. */
export function houseProblems(srcRoot: string): { problems: Problem[]; scanned: number } {
  const problems: Problem[] = [];
  const files = tsFilesUnder(srcRoot);
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const area = relative(srcRoot, file).split(sep)[0]!;
    const found = (CORE_LAYERS as readonly string[]).includes(area)
      ? coreProblems(srcRoot, file, source, area as CoreLayer)
      : pageProblems(srcRoot, file, source);
    for (const problem of found) problems.push({ file: relative(srcRoot, file).split(sep).join('/'), problem });
  }
  return { problems, scanned: files.length };
}
