// The live checks as the studio pins them: findSceneProblems gives each problem the place it
// happened (a body leaving the world where it was last seen, a reaches-x trigger at its line), and
// checkMarkers names the trigger; a sound scene gives none.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScene, findSceneProblems } from '../../src/experiment/sceneCheck';
import { parseSceneText } from '../../src/scenes/parse';
import { checkMarkers, pathKeys } from '../../src/pages/studio/model/checkMarkers';
import { resolveDraft } from '../../src/pages/studio/model/draftResolve';
import { blankScene } from '../../src/pages/studio/model/sceneDraft';

const car = parseSceneText(readFileSync('scenes/car-off-platform.json', 'utf8'));

describe('studio checks', () => {
  it('pins a car that leaves a narrow floor and a trigger beyond its path, where they happen', () => {
    const bad = { ...car, violation: { type: 'float' as const, body: 'car', trigger: { on: 'reaches-x' as const, x: 9 } },
      bodies: car.bodies.map((b) => (b.id === 'floor' ? { ...b, x: 1.2, width: 2.4 } : b)) };
    const problems = findSceneProblems(bad, { variants: 2 });
    expect(problems.map(({ path, message }) => ({ path, message }))).toEqual(checkScene(bad, { variants: 2 }));
    const left = problems.find((p) => p.path === 'bodies[2]')!;
    expect(left.place!.body).toBe('car');
    expect(left.place!.x).toBeGreaterThan(2.4);
    const trigger = problems.find((p) => p.path === 'violation.trigger')!;
    expect(trigger.place!.x).toBe(9);
    const markers = checkMarkers(problems, bad);
    expect(markers.find((m) => m.path === 'violation.trigger')!.text).toBe('trigger “reaches-x” never fires (on "car")');
    expect(markers.filter((m) => m.path === 'bodies[2]').map((m) => m.text)).toEqual(['"car" leaves the world (both twins)']);
    expect(checkMarkers(findSceneProblems(car, { variants: 2 }), car)).toEqual([]);
  });
  it('reads JSON paths into keys, and says why a blank stage does not resolve yet', () => {
    expect(pathKeys('violation[1].trigger')).toEqual(['violation', 1, 'trigger']);
    expect(pathKeys('bodies[2]')).toEqual(['bodies', 2]);
    const blank = resolveDraft(blankScene());
    expect(blank.ok).toBe(false);
    expect(!blank.ok && blank.issues[0]!.path).toBe('bodies');
    const r = resolveDraft({ ...blankScene(), bodies: [{ id: 'b', kind: 'box', x: 1, y: 'nope + 1' }] });
    expect(!r.ok && r.issues.map((i) => i.path)).toContain('bodies[0].y');
  });
});
