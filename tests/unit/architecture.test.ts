// The house's shape, enforced: the core (sim, scenes, predictor, experiment) stays pure — no view
// libraries, no DOM, no Node I/O, no shell; src/web, worker, storage, ui, render and cli import no
// page; the pages (src/pages/<page>) never import each other.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/trials';
import { coreProblems, houseProblems, pageProblems } from './support/houseRules';

const SRC = join(REPO_ROOT, 'src');
const BROKEN = join(REPO_ROOT, 'tests/unit/fixtures/brokenHouse/src');

describe('architecture', () => {
  it('keeps src/ to the house rules: a pure core, a kit and shells that import no page, sibling pages', () => {
    const { problems, scanned } = houseProblems(SRC);
    expect(scanned).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('has the five pages as siblings under src/pages, over the kit in src/web', () => {
    for (const page of ['playground', 'experiment', 'learn', 'plan', 'studio']) {
      expect(houseProblems(join(SRC, 'pages', page)).scanned, page).toBeGreaterThan(3);
    }
    expect(houseProblems(join(SRC, 'web')).scanned).toBeGreaterThan(5);
  });

  it('reports every broken rule in a deliberately broken tree (the fixture), and nothing else', () => {
    const { problems } = houseProblems(BROKEN);
    expect(problems).toEqual([
      { file: 'pages/plan/main.ts', problem: 'the page plan imports "../learn/title" from the page learn; pages are siblings (move what they share to src/web)' },
      { file: 'sim/step.ts', problem: 'imports "../pages/plan/main" from src/pages, which sim may not depend on' },
      { file: 'storage/store.ts', problem: 'src/storage imports "../pages/plan/main" from the page plan; only that page\'s own files may (move what is shared to src/web)' },
      { file: 'web/kit.ts', problem: 'src/web imports "../pages/learn/main" from the page learn; only that page\'s own files may (move what is shared to src/web)' },
      { file: 'worker/worker.ts', problem: 'src/worker imports "../pages/learn/main" from the page learn; only that page\'s own files may (move what is shared to src/web)' },
    ]);
  });

  it('catches each kind of core violation (the checker itself works)', () => {
    const at = (layer: string): string => join(SRC, layer, 'x.ts');
    const core = (layer: 'sim' | 'scenes' | 'predictor' | 'experiment', source: string): string[] => coreProblems(SRC, at(layer), source, layer);
    expect(core('sim', "import { Application } from 'pixi.js';")).toEqual(['imports the view library "pixi.js"']);
    expect(core('scenes', "import type { StoreApi } from 'zustand/vanilla';")).toHaveLength(1);
    expect(core('experiment', "export * from 'uplot';")).toHaveLength(1);
    expect(core('predictor', "const fs = await import('node:fs');")).toHaveLength(1);
    expect(core('predictor', "import { readFileSync } from 'fs';")).toHaveLength(1);
    expect(core('experiment', "import fs from 'node:fs/promises';")).toHaveLength(1);
    expect(core('sim', 'const w = window.innerWidth;')).toEqual(['uses the browser global "window"']);
    expect(core('sim', 'document.body.append(x);')).toHaveLength(1);
    expect(core('sim', 'const r = Math.random();')).toHaveLength(1);
    expect(core('sim', "import { x } from '../scenes/schema';")).toEqual(['imports "../scenes/schema" from src/scenes, which sim may not depend on']);
    expect(core('predictor', "import { x } from '../experiment/trial';")).toHaveLength(1);
    expect(core('experiment', "import { x } from '../web/sceneFiles';")).toHaveLength(1);
    expect(core('experiment', "import { x } from '../pages/playground/store/appStore';")).toHaveLength(1);
    // Words in comments and strings, and allowed imports, are not violations.
    expect(core('experiment', "// the window of time\nconst s = 'document';\nimport { a } from '../sim/rng';\nimport Matter from 'matter-js';")).toEqual([]);
  });

  it('catches each kind of page violation, in every form of import', () => {
    const page = (file: string, source: string): string[] => pageProblems(SRC, join(SRC, file), source);
    expect(page('pages/plan/main.ts', "import { x } from '../experiment/downloads';")).toHaveLength(1);
    expect(page('pages/plan/main.ts', "export { x } from '../learn/marks';")).toHaveLength(1);
    expect(page('pages/plan/main.ts', "const m = await import('../playground/main');")).toHaveLength(1);
    expect(page('pages/learn/client.ts', "new Worker(new URL('../plan/worker.ts', import.meta.url));")).toHaveLength(1);
    expect(page('web/kit.ts', "import type { X } from '../pages/plan/store';")).toHaveLength(1);
    expect(page('render/node.ts', "import '../pages/playground/playground.css';")).toHaveLength(1);
    // A page's own files, the kit, the shells and the core are all allowed.
    expect(page('pages/plan/main.ts', "import { a } from './store';\nimport { b } from '../../web/sceneFiles';\nimport { c } from '../../experiment/trial';\nimport { d } from '../../ui/dom';")).toEqual([]);
    expect(page('worker/w.ts', "import { a } from '../web/tfSetup';\n// import from '../pages/plan/main' in a comment")).toEqual([]);
  });
});
