// A scene whose trigger never fires scores 0.50 for every observer (both twins are the same trial);
// `lab suite`, `lab develop` and `lab study` say so on stderr, naming the file and how many pairs, instead of
// reporting the 0.50 silently. A scene whose violation starts gets no such note.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lab } from './support/lab';
import { testScene } from './support/trials';
import { pairsWithoutOnset } from '../../src/experiment/pairsWithoutOnset';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-onset-gaps-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The ball rolls right and stops long before x = 5.5: its reaches-x trigger never fires.
const neverFires = testScene({
  id: 'never-fires', concept: 'continuity',
  params: { speed: { default: 0.5, min: 0.4, max: 0.6 } },
  bodies: [{ id: 'ball', kind: 'ball', x: 1, y: 0.4, radius: 0.1, velocity: { x: 'speed', y: 0 } }],
  violation: { type: 'vanish', body: 'ball', trigger: { on: 'reaches-x', x: 5.5 } },
});
const fires = { ...neverFires, id: 'fires', violation: { type: 'vanish', body: 'ball', trigger: { on: 'time', at: 1 } } };
const NEVER = join(tmp, 'never-fires.json');
const FIRES = join(tmp, 'fires.json');
writeFileSync(NEVER, JSON.stringify(neverFires));
writeFileSync(FIRES, JSON.stringify(fires));

describe('pairs whose violation never started', () => {
  it('are counted per scene and side', () => {
    const unit = (scene: number, variant: number, onset: number | null) => ({ scene, variant, onset, scores: [] });
    const gaps = pairsWithoutOnset([{ id: 'a' }, { id: 'b' }], 'both',
      [unit(0, 0, 10), unit(0, 1, null), unit(1, 0, 12), unit(1, 1, 12), unit(2, 0, null), unit(2, 1, null), unit(3, 0, 5)]);
    expect(gaps).toEqual([{ scene: 'a', mirrored: false, without: 1, pairs: 2 }, { scene: 'b', mirrored: false, without: 2, pairs: 2 }]);
  });

  it('suite and develop name the file and the count on stderr; a scene that fires gets no note', async () => {
    const note = `note: ${NEVER}: the violation never started in 2 of 2 pairs (its trigger never fired`;
    const suite = await lab('suite', '--scenes', `${NEVER},${FIRES}`, '--models', 'constant-velocity', '--pairs', '2', '--out', join(tmp, 'suite'));
    expect(suite.code).toBe(0);
    expect(suite.stderr).toContain(note);
    expect(suite.stderr).not.toContain(FIRES);
    const develop = await lab('develop', '--scenes', NEVER, '--models', 'constant-velocity', '--pairs', '2', '--out', join(tmp, 'develop'));
    expect(develop.code).toBe(0);
    expect(develop.stderr).toContain(note);
    const study = await lab('study', '--scenes', `${NEVER},${FIRES}`, '--models', 'constant-velocity', '--looking', 'hazard', '--pairs', '2', '--fam', '1', '--out', join(tmp, 'study'));
    expect(study.code).toBe(0);
    expect(study.stderr).toContain(note);
    expect(study.stderr).not.toContain(FIRES);
  }, 60_000);
});
