// Occluders hide bodies from the observer (visible=false) and never touch the physics.
import { describe, expect, it } from 'vitest';
import { parseSceneValue } from '../../src/scenes/parse';
import { trajectoryCsv } from '../../src/experiment/trajectoryCsv';
import { runTrial, testScene, track } from './support/trials';

const SCREEN = { id: 'screen', x: 2.5, y: 1, width: 1, height: 2 };
/** Covers the top of the sliding box (0.3–0.7 m) as it passes, but never its centre. */
const VISOR = { id: 'visor', x: 4, y: 0.8, width: 1, height: 0.3 };

function scene(occluders: unknown[]) {
  return parseSceneValue(testScene({
    bodies: [
      { id: 'box', kind: 'box', x: 0.5, y: 0.5, width: 0.4, height: 0.4, friction: 0, velocity: { x: 2, y: 0 } },
      { id: 'ball', kind: 'ball', x: 5.5, y: 2.5, radius: 0.15 },
    ],
    occluders,
  }), 'occluder-test');
}

const inside = (s: { x: number; y: number }, o: typeof SCREEN): boolean =>
  Math.abs(s.x - o.x) <= o.width / 2 && Math.abs(s.y - o.y) <= o.height / 2;

describe('occluders', () => {
  const bare = runTrial(scene([]), 'possible');
  const screened = runTrial(scene([SCREEN, VISOR]), 'possible');

  it('leave every physical quantity of every body unchanged', () => {
    const strip = (csv: string): string => csv.split('\n').map((l) => l.split(',').slice(0, 9).join(',')).join('\n');
    expect(strip(trajectoryCsv(screened.snapshots))).toBe(strip(trajectoryCsv(bare.snapshots)));
    for (let f = 0; f < bare.snapshots.length; f++) {
      const a = bare.snapshots[f]!.bodies;
      const b = screened.snapshots[f]!.bodies;
      expect(b.map(({ visible: _v, ...rest }) => rest)).toEqual(a.map(({ visible: _v, ...rest }) => rest));
    }
  });

  it('mark a body not visible exactly while its centre is inside an occluder', () => {
    const box = track(screened, 'box');
    const hiddenFrames = box.filter((s) => !s.visible).length;
    expect(hiddenFrames).toBeGreaterThan(20); // it does pass behind the screen
    for (const s of box) expect(s.visible).toBe(!inside(s, SCREEN) && !inside(s, VISOR));
    for (const s of track(bare, 'box')) expect(s.visible).toBe(true);
  });

  it('do not hide a body whose outline they cover but whose centre is outside', () => {
    const box = track(screened, 'box');
    const grazed = box.filter((s) => Math.abs(s.x - VISOR.x) <= VISOR.width / 2);
    expect(grazed.length).toBeGreaterThan(20);
    for (const s of grazed) {
      expect(s.y + s.height / 2).toBeGreaterThan(VISOR.y - VISOR.height / 2); // the visor overlaps its top
      expect(s.visible).toBe(true);
    }
  });

  it('show up in the CSV visible column as 0 while hidden', () => {
    const rows = trajectoryCsv(screened.snapshots).trimEnd().split('\n').slice(1).map((l) => l.split(','));
    const boxRows = rows.filter((r) => r[2] === 'box');
    expect(boxRows.map((r) => r[9])).toEqual(track(screened, 'box').map((s) => (s.visible ? '1' : '0')));
  });
});
