// The core (sim, scenes, predictor, experiment) stays pure: no view libraries, no DOM, no Node I/O.
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, readRepoFile } from './support/trials';
import { codeOnly, importSpecifiers, tsFilesUnder } from './support/sourceScan';

/** Import direction: each layer may import only the layers before it. */
const CORE_LAYERS = ['sim', 'scenes', 'predictor', 'experiment'] as const;
const SRC = join(REPO_ROOT, 'src');

const VIEW_PACKAGES = /^(pixi\.js|@pixi\/|zustand|uplot)(\/|$)/;
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const BROWSER_GLOBALS = /\b(window|document)\b/;

interface Problem { file: string; problem: string }

/** What is wrong with one core source file, judged by its layer. */
function coreProblems(file: string, source: string, layer: (typeof CORE_LAYERS)[number]): string[] {
  const problems: string[] = [];
  for (const spec of importSpecifiers(source)) {
    if (VIEW_PACKAGES.test(spec)) problems.push(`imports the view library "${spec}"`);
    if (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]!)) problems.push(`imports the Node module "${spec}" (fs and friends do not exist in the browser)`);
    if (spec.startsWith('.')) {
      const target = relative(SRC, resolve(dirname(file), spec)).split(sep)[0]!;
      const allowed = CORE_LAYERS.slice(0, CORE_LAYERS.indexOf(layer) + 1) as readonly string[];
      if (!allowed.includes(target)) problems.push(`imports "${spec}" from src/${target}, which ${layer} may not depend on`);
    }
  }
  const code = codeOnly(source);
  const global = BROWSER_GLOBALS.exec(code);
  if (global) problems.push(`uses the browser global "${global[1]}"`);
  if (/\bMath\s*\.\s*random\b/.test(code)) problems.push('calls Math.random (use the seeded generator in sim/rng.ts)');
  return problems;
}

describe('architecture', () => {
  it('keeps the core free of view libraries, the DOM, Node I/O, Math.random and upward imports', () => {
    const problems: Problem[] = [];
    let scanned = 0;
    for (const layer of CORE_LAYERS) {
      for (const file of tsFilesUnder(join(SRC, layer))) {
        scanned++;
        for (const problem of coreProblems(file, readRepoFile(relative(REPO_ROOT, file)), layer)) {
          problems.push({ file: relative(REPO_ROOT, file), problem });
        }
      }
    }
    expect(scanned).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  it('catches each kind of violation (the checker itself works)', () => {
    const at = (layer: string): string => join(SRC, layer, 'x.ts');
    expect(coreProblems(at('sim'), "import { Application } from 'pixi.js';", 'sim')).toEqual(['imports the view library "pixi.js"']);
    expect(coreProblems(at('scenes'), "import type { StoreApi } from 'zustand/vanilla';", 'scenes')).toHaveLength(1);
    expect(coreProblems(at('experiment'), "export * from 'uplot';", 'experiment')).toHaveLength(1);
    expect(coreProblems(at('predictor'), "const fs = await import('node:fs');", 'predictor')).toHaveLength(1);
    expect(coreProblems(at('predictor'), "import { readFileSync } from 'fs';", 'predictor')).toHaveLength(1);
    expect(coreProblems(at('experiment'), "import fs from 'node:fs/promises';", 'experiment')).toHaveLength(1);
    expect(coreProblems(at('sim'), 'const w = window.innerWidth;', 'sim')).toEqual(['uses the browser global "window"']);
    expect(coreProblems(at('sim'), 'document.body.append(x);', 'sim')).toHaveLength(1);
    expect(coreProblems(at('sim'), 'const r = Math.random();', 'sim')).toHaveLength(1);
    expect(coreProblems(at('sim'), "import { x } from '../scenes/schema';", 'sim')).toEqual(['imports "../scenes/schema" from src/scenes, which sim may not depend on']);
    expect(coreProblems(at('predictor'), "import { x } from '../experiment/trial';", 'predictor')).toHaveLength(1);
    expect(coreProblems(at('experiment'), "import { x } from '../store/app';", 'experiment')).toHaveLength(1);
    // Words in comments and strings, and allowed imports, are not violations.
    expect(coreProblems(at('experiment'), "// the window of time\nconst s = 'document';\nimport { a } from '../sim/rng';\nimport Matter from 'matter-js';", 'experiment')).toEqual([]);
  });
});
