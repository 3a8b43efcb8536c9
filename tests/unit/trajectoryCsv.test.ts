// The trajectory CSV: exact header, fixed decimals, no "-0", absent bodies, the surprise column.
import { describe, expect, it } from 'vitest';
import { TRAJECTORY_CSV_HEADER, formatFixed, trajectoryCsv } from '../../src/experiment/trajectoryCsv';
import type { BodyState, WorldSnapshot } from '../../src/sim/snapshot';

const body = (over: Partial<BodyState>): BodyState => ({
  id: 'box', kind: 'box', x: 1, y: 2, vx: 0, vy: 0, angle: 0, angularVelocity: 0,
  width: 0.4, height: 0.4, isStatic: false, visible: true, present: true, ...over,
});
const snap = (frame: number, bodies: BodyState[]): WorldSnapshot => ({ frame, t: frame / 60, bodies });

describe('trajectoryCsv', () => {
  it('writes the exact header, then one row per frame and body in scene order', () => {
    const csv = trajectoryCsv([snap(0, [body({ id: 'a' }), body({ id: 'b' })]), snap(1, [body({ id: 'a' }), body({ id: 'b' })])]);
    const lines = csv.split('\n');
    expect(lines[0]).toBe('frame,t,body,x,y,vx,vy,angle,angular_velocity,visible,surprise');
    expect(TRAJECTORY_CSV_HEADER).toBe(lines[0]);
    expect(lines.slice(1, 5).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      '0,0.000000,a', '0,0.000000,b', '1,0.016667,a', '1,0.016667,b',
    ]);
    expect(csv.endsWith('\n')).toBe(true);
    expect(lines).toHaveLength(6);
  });

  it('formats every number with six decimals and never writes "-0"', () => {
    const row = trajectoryCsv([snap(3, [body({ x: 1 / 3, y: -2.5, vx: -1e-9, vy: -0, angle: Math.PI, angularVelocity: -1234.56789 })])]).split('\n')[1];
    expect(row).toBe('3,0.050000,box,0.333333,-2.500000,0.000000,0.000000,3.141593,-1234.567890,1,');
    expect(formatFixed(-0.0000004)).toBe('0.000000');
    expect(formatFixed(-0.0000006)).toBe('-0.000001');
    expect(formatFixed(Number.NaN)).toBe('');
    expect(formatFixed(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('writes visible as 1/0 and leaves the state of an absent body empty', () => {
    const rows = trajectoryCsv([snap(0, [body({ id: 'hidden', visible: false }), body({ id: 'gone', visible: false, present: false })])]).split('\n');
    expect(rows[1]).toBe('0,0.000000,hidden,1.000000,2.000000,0.000000,0.000000,0.000000,0.000000,0,');
    expect(rows[2]).toBe('0,0.000000,gone,,,,,,,0,');
  });

  it('fills the surprise column from a per-frame, per-body lookup and leaves unknown cells empty', () => {
    const snaps = [snap(0, [body({ id: 'a' }), body({ id: 'b' })]), snap(1, [body({ id: 'a' }), body({ id: 'b' })])];
    const csv = trajectoryCsv(snaps, (frame, id) => (id === 'a' ? frame + 0.25 : undefined));
    expect(csv.split('\n').slice(1, 5).map((l) => l.split(',')[10])).toEqual(['0.250000', '', '1.250000', '']);
  });

  it('quotes a body id that holds a comma or a quote', () => {
    const row = trajectoryCsv([snap(0, [body({ id: 'a,"b"' })])]).split('\n')[1]!;
    expect(row.startsWith('0,0.000000,"a,""b""",')).toBe(true);
  });
});
