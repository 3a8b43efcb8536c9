// Named diets for `train --diet`: the edges diet holds objects a little above their surface and lets
// them go (short falls and landings); the default diet's episodes do not change with the new knob.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIET, generateEpisode } from '../../src/predictor/experience';
import { EDGES_DIET, NAMED_DIETS } from '../../src/predictor/namedDiets';
import { DIET_RANGES } from '../../src/scenes/dietRanges';
import { createRng } from '../../src/sim/rng';
import { lab } from './support/lab';

describe('named diets', () => {
  it('edges: about lowDrops of the objects on a surface are held low-drop-height above it, then let go', () => {
    let low = 0, placed = 0;
    const rng = createRng(9);
    for (let e = 0; e < 300; e++) {
      const spec = generateEpisode(rng, EDGES_DIET);
      const tops = spec.bodies.filter((b) => b.isStatic).map((b) => ({ top: b.y + b.height / 2, x0: b.x - b.width / 2, x1: b.x + b.width / 2 }));
      for (const b of spec.bodies) {
        if (b.isStatic || !b.held) continue;
        const under = tops.filter((t) => b.x > t.x0 && b.x < t.x1 && t.top <= b.y - b.height / 2 + 1e-9).sort((a, c) => c.top - a.top)[0]!;
        const gap = b.y - b.height / 2 - under.top;
        if (gap <= DIET_RANGES['low-drop-height'].max + 1e-9) {
          low++;
          expect(gap).toBeGreaterThanOrEqual(DIET_RANGES['low-drop-height'].min - 1e-9);
          expect(spec.actions.some((a) => a.type === 'release' && a.body === b.id)).toBe(true);
        }
      }
      placed += spec.bodies.filter((b) => !b.isStatic).length;
    }
    expect(low / placed).toBeGreaterThan(0.15);
    expect(low / placed).toBeLessThan(0.35);
  });

  it('the default diet has no low drops, and draws the same episodes whether the knob is absent or 0', () => {
    expect(DEFAULT_DIET.lowDrops).toBeUndefined();
    expect(NAMED_DIETS.default).toBe(DEFAULT_DIET);
    const a = generateEpisode(createRng(4), DEFAULT_DIET);
    const b = generateEpisode(createRng(4), { ...DEFAULT_DIET, lowDrops: 0 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('train --diet refuses an unknown name, naming the known ones', async () => {
    const r = await lab('train', '--frames', '64', '--diet', 'candy', '--out', '/nonexistent/never-written');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--diet: unknown diet "candy" \(known: default, edges\)/);
  });
});
