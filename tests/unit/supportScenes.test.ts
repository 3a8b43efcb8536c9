// The two support scenes: possible ⇒ the body ends on the floor; impossible ⇒ it floats from the onset.
import { describe, expect, it } from 'vitest';
import { trajectoryCsv } from '../../src/experiment/trajectoryCsv';
import { loadRepoScene, runTrial, track, type Trial } from './support/trials';
import type { VariantChoice } from '../../src/scenes/resolve';

const FLOOR_TOP = 0.3;
/** The canonical scene and a few seeded variants: the claims hold across the variation ranges. */
const CHOICES: VariantChoice[] = [{}, { variant: 0, seed: 1 }, { variant: 1, seed: 1 }, { variant: 2, seed: 7 }, { variant: 3, seed: 42 }];

function platformTop(trial: Trial): number {
  const p = trial.snapshots[0]!.bodies.find((b) => b.id === 'platform')!;
  return p.y + p.height / 2;
}

/** CSV lines of the frames up to and including the onset: both twins must agree on all of them. */
function rowsUpTo(trial: Trial, frame: number): string {
  return trajectoryCsv(trial.snapshots.slice(0, frame + 1));
}

/** Half the vertical extent of a body's outline (width × height) at its angle. */
function halfExtentY(b: { width: number; height: number; angle: number }): number {
  return Math.abs((b.width / 2) * Math.sin(b.angle)) + Math.abs((b.height / 2) * Math.cos(b.angle));
}

const label = (c: VariantChoice): string => (c.variant === undefined ? 'canonical' : `variant ${c.variant}, seed ${c.seed}`);

describe.each([
  { scene: 'car-off-platform', body: 'car', movesOn: true },
  { scene: 'box-released-beyond-platform', body: 'box', movesOn: false },
])('$scene', ({ scene: name, body, movesOn }) => {
  const scene = loadRepoScene(name);

  it('possible (canonical): the body falls and is at rest on the floor at the end of the trial', () => {
    const trial = runTrial(scene, 'possible');
    const last = track(trial, body).at(-1)!;
    expect(trial.onsetFrame).not.toBeNull();
    expect(last.present).toBe(true);
    expect(Math.abs(last.y - (FLOOR_TOP + halfExtentY(last)))).toBeLessThan(0.02);
    expect(Math.abs(last.vy)).toBeLessThan(0.05);
    expect(trial.events.some((e) => e.kind === 'violation-onset')).toBe(false);
  });

  it.each(CHOICES.map((c) => [label(c), c] as const))('possible (%s): after losing support the body lands on the floor and stays there a while', (_, choice) => {
    const trial = runTrial(scene, 'possible', choice);
    const onset = trial.onsetFrame!;
    const states = track(trial, body);
    const onFloor = (i: number): boolean => Math.abs(states[i]!.y - (FLOOR_TOP + halfExtentY(states[i]!))) < 0.02;
    const landed = states.findIndex((_s, i) => i > onset && onFloor(i) && Math.abs(states[i]!.vy) < 0.1);
    expect(landed).toBeGreaterThan(onset);
    expect(landed - onset).toBeLessThan(90);
    // Resting, not bouncing through: it is still on the floor half a second after it settled.
    for (let i = landed; i < Math.min(landed + 30, states.length); i++) expect(onFloor(i)).toBe(true);
    expect(trial.events.some((e) => e.kind === 'violation-onset')).toBe(false);
  });

  it.each(CHOICES.map((c) => [label(c), c] as const))('impossible (%s): from the onset the body stays at platform height', (_, choice) => {
    const possible = runTrial(scene, 'possible', choice);
    const trial = runTrial(scene, 'impossible', choice);
    const onset = trial.onsetFrame!;
    expect(onset).toBe(possible.onsetFrame);
    expect(trial.events).toContainEqual({ frame: onset, kind: 'violation-onset', body });
    expect(rowsUpTo(trial, onset)).toBe(rowsUpTo(possible, onset));

    const states = track(trial, body);
    const atOnset = states[onset]!;
    expect(Math.abs(atOnset.y - (platformTop(trial) + atOnset.height / 2))).toBeLessThan(0.01);
    const after = states.slice(onset + 1);
    expect(after.length).toBeGreaterThan(60);
    for (const s of after) {
      expect(s.present).toBe(true);
      expect(Math.abs(s.y - atOnset.y)).toBeLessThan(0.01);
    }
    if (movesOn) {
      after.forEach((s, i) => expect(s.x).toBeGreaterThan((i === 0 ? atOnset : after[i - 1]!).x));
      expect(after.at(-1)!.x - atOnset.x).toBeGreaterThan(1);
    } else {
      for (const s of after) expect(Math.abs(s.x - atOnset.x)).toBeLessThan(0.001);
    }
    // The possible twin really falls: by the end it is far below the floating one.
    expect(track(possible, body).at(-1)!.y).toBeLessThan(atOnset.y - 0.3);
  });
});
