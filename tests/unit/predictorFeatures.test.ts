// The learner's inputs: contact geometry per pair, padding, and the nearest-senders cap.
import { describe, expect, it } from 'vitest';
import { buildFeatures, MAX_SENDERS, PAIR_FEATURES } from '../../src/predictor/features';
import type { ObjectState } from '../../src/predictor/observation';

const body = (id: string, x: number, y: number, w: number, h: number, isStatic = false, kind: ObjectState['kind'] = 'box'): ObjectState =>
  ({ id, kind, x, y, vx: 0, vy: 0, angle: 0, angularVelocity: 0, width: w, height: h, isStatic });

describe('features', () => {
  it('describes a box resting on a floor: touching, overlapping, centre over it, floor below', () => {
    const frame = [body('floor', 0, -0.5, 10, 1, true, 'ground'), body('box', 1, 0.25, 0.5, 0.5)];
    const f = buildFeatures([frame], { contactFeatures: true });
    expect(f.r).toBe(1);
    expect(f.receiverIndex[0]).toBe(1);
    expect(f.pairMask[0]).toBe(1);
    const p = f.pairs.subarray(0, PAIR_FEATURES);
    expect(p[12]).toBeCloseTo(0, 6); // vertical gap
    expect(p[11]).toBeGreaterThan(0); // horizontal overlap
    expect(p[13]).toBeGreaterThan(0); // centre over the floor
    expect(p[14]).toBe(1); // the floor is below
  });

  it('a box past the edge of a table: no horizontal overlap, centre not over it', () => {
    const frame = [body('table', 0, 0.5, 1, 1, true, 'platform'), body('box', 1.2, 1.25, 0.3, 0.5)];
    const p = buildFeatures([frame], { contactFeatures: true }).pairs.subarray(0, PAIR_FEATURES);
    expect(p[11]).toBeLessThan(0);
    expect(p[13]).toBeLessThan(0);
  });

  it('without contact features those inputs stay zero', () => {
    const frame = [body('floor', 0, -0.5, 10, 1, true, 'ground'), body('box', 1, 0.25, 0.5, 0.5)];
    const p = buildFeatures([frame], { contactFeatures: false }).pairs.subarray(0, PAIR_FEATURES);
    expect(Array.from(p.subarray(11))).toEqual([0, 0, 0, 0]);
  });

  it('in a crowd each object hears only its nearest MAX_SENDERS neighbours, the floor under it among them', () => {
    const frame: ObjectState[] = [];
    for (let k = 0; k < 30; k++) frame.push(body(`b${k}`, k * 0.6, 3 + (k % 3), 0.3, 0.3));
    frame.push(body('floor', 10, -0.5, 40, 1, true, 'ground'));
    frame.push(body('low', 0, 0.15, 0.3, 0.3));
    const f = buildFeatures([frame], { contactFeatures: true });
    expect(f.n).toBe(MAX_SENDERS + 1);
    const lowSlot = Array.from(f.receiverIndex).indexOf(frame.length - 1);
    const heard = Array.from(f.pairMask.subarray(lowSlot * f.n, (lowSlot + 1) * f.n)).filter((x) => x === 1).length;
    expect(heard).toBe(MAX_SENDERS);
    // The floor touches "low": its pair has a zero vertical gap and the floor below.
    let floorSeen = false;
    for (let s = 0; s < f.n; s++) {
      const p = f.pairs.subarray((lowSlot * f.n + s) * PAIR_FEATURES, (lowSlot * f.n + s + 1) * PAIR_FEATURES);
      if (Math.abs(p[12]!) < 1e-6 && p[14] === 1 && p[6] === 1) floorSeen = true;
    }
    expect(floorSeen).toBe(true);
  });
});
