// Imported recordings with finite but absurd numbers (issue 18): refused by JSON path with the allowed
// range before anything is drawn; the drawing helpers stay cheap on the largest numbers allowed; an
// imported copy's id stays within bounds so that it can be exported again.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src/experiment/recording';
import { MAX_ANGLE_RAD, MAX_ID_LENGTH, MAX_SIZE_M } from '../../src/experiment/recordingBounds';
import { RecordingImportError, parseRecordingsJson, recordingsToJson, validRecording } from '../../src/experiment/recordingJson';
import { lerpAngle } from '../../src/render/interpolate';
import { importedCopy, withSuffix } from '../../src/storage/recordingImport';
import { recordTrial } from './support/recordings';

let base: Recording;
beforeAll(() => { base = recordTrial({ condition: 'possible' }); });

function refusal(edit: (r: Recording) => void): string {
  const r = structuredClone(base);
  edit(r);
  try {
    parseRecordingsJson(JSON.stringify(r), 'absurd.json');
  } catch (e) {
    expect(e).toBeInstanceOf(RecordingImportError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('recording bounds on import', () => {
  it('refuses a box 1e308 wide, an angle of 1e17, a ground 1e20 high, naming the JSON path and the range', () => {
    const ground = base.snapshots[0]!.bodies.findIndex((b) => b.kind === 'ground');
    const mover = base.snapshots[0]!.bodies.findIndex((b) => !b.isStatic);
    expect(refusal((r) => { r.snapshots[3]!.bodies[mover]!.width = 1e308; }))
      .toBe(`absurd.json: snapshots[3].bodies[${mover}].width: must be from 0 to 1e+6 m, not 1e+308`);
    expect(refusal((r) => { r.snapshots.forEach((s, k) => { s.bodies[mover]!.angle = k % 2 ? 1e17 : 0; }); }))
      .toBe(`absurd.json: snapshots[1].bodies[${mover}].angle: must be within ±1e+6 rad, not 100000000000000000`);
    expect(refusal((r) => { r.snapshots[0]!.bodies[ground]!.height = 1e20; }))
      .toBe(`absurd.json: snapshots[0].bodies[${ground}].height: must be from 0 to 1e+6 m, not 100000000000000000000`);
    expect(refusal((r) => { r.snapshots[5]!.bodies[mover]!.vx = -1e9; })).toMatch(/snapshots\[5\]\.bodies\[\d+\]\.vx: must be within ±1e\+5 m\/s, not -1000000000$/);
    expect(refusal((r) => { r.snapshots[2]!.t = -1; })).toMatch(/snapshots\[2\]\.t: must be from 0 to 1e\+6 s, not -1$/);
  });
  it('accepts the largest numbers allowed (the browser test draws them)', () => {
    const r = structuredClone(base);
    r.snapshots.forEach((s, k) => { s.bodies[0]!.height = MAX_SIZE_M; s.bodies.at(-1)!.angle = k % 2 ? MAX_ANGLE_RAD : -MAX_ANGLE_RAD; });
    expect(parseRecordingsJson(JSON.stringify(r), 'edge.json')).toHaveLength(1);
  });
});

describe('drawing helpers do no work proportional to a value', () => {
  it('lerpAngle wraps a jump of 1e17 (or 1e308, or Infinity) at once, and equals the shortest-way blend for ordinary turns', () => {
    for (const b of [1e17, -1e17, 1e308, Number.POSITIVE_INFINITY]) expect(Number.isNaN(lerpAngle(0, b, 0.5))).toBe(false);
    expect(lerpAngle(0, 1e17, 0)).toBe(0);
    expect(lerpAngle(0, 3, 0.5)).toBe(1.5);
    expect(lerpAngle(3, -3, 0.5)).toBeCloseTo(Math.PI, 12);
    // 7 rad is 0.7168… rad past a full turn: blend the short way.
    expect(lerpAngle(0, 7, 1)).toBeCloseTo(7 - 2 * Math.PI, 12);
    expect(lerpAngle(0, -7, 1)).toBeCloseTo(-7 + 2 * Math.PI, 12);
  });
});

describe('an imported copy keeps its id and name within bounds', () => {
  it('a 200-character id gets "-2" by replacing its end, and the copy exports', () => {
    const long = { ...structuredClone(base), id: 'i'.repeat(MAX_ID_LENGTH), name: 'n'.repeat(MAX_ID_LENGTH) };
    const copy = importedCopy(long, 2);
    expect(copy.id).toHaveLength(MAX_ID_LENGTH);
    expect(copy.id.endsWith('i-2')).toBe(true);
    expect(copy.name.endsWith(' (imported 2)')).toBe(true);
    expect(copy.name.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(() => validRecording(copy, 'copy')).not.toThrow();
    expect(recordingsToJson([long, copy])).toContain('"id": "iii');
    expect(importedCopy(long, 1234).id).toHaveLength(MAX_ID_LENGTH);
  });
  it('never cuts an emoji in half', () => {
    expect(withSuffix('ab🚗', '-2', 4)).toBe('ab-2');
    expect(withSuffix('short', '-2')).toBe('short-2');
  });
});
