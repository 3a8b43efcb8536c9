// Recording files: export → import → export is byte-identical (one recording and a bundle), and every
// kind of bad file is refused with its file name, the JSON path and what is wrong.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src/experiment/recording';
import {
  RECORDINGS_BUNDLE_FORMAT, RecordingImportError, parseRecordingsJson, recordingsToJson,
} from '../../src/experiment/recordingJson';
import { ConstantVelocityPredictor } from '../../src/predictor/predictor';
import { ORACLE, recordTrial } from './support/recordings';

let impossible: Recording;
let possible: Recording;

beforeAll(() => {
  impossible = recordTrial({ condition: 'impossible', observers: [new ConstantVelocityPredictor(), ORACLE], run: { id: 'run-1', name: 'Run, "one"', index: 1, count: 4 } });
  possible = recordTrial({ condition: 'possible', variant: 2 });
});

/** The error a text raises, as its message. */
function importError(text: string, source = 'trial.json'): string {
  try {
    parseRecordingsJson(text, source);
  } catch (e) {
    expect(e).toBeInstanceOf(RecordingImportError);
    return (e as Error).message;
  }
  throw new Error('expected the import to fail');
}

/** The recording's JSON with one change made to the parsed value. */
function edited(rec: Recording, change: (value: any) => void): string {
  const value = JSON.parse(recordingsToJson([rec]));
  change(value);
  return JSON.stringify(value, null, 2);
}

describe('recording JSON', () => {
  it('exports one recording as itself, and export → import → export is byte-identical', () => {
    const json = recordingsToJson([impossible]);
    const value = JSON.parse(json);
    expect(value.format).toBe('surprise-lab-recording');
    expect(Object.keys(value)).toEqual(['format', 'version', 'id', 'name', 'kind', 'meta', 'place', 'snapshots', 'events', 'observers', 'looking']);
    expect(json.startsWith('{\n  "format": "surprise-lab-recording",\n  "version": 1,\n')).toBe(true);
    const back = parseRecordingsJson(json, 'trial.json');
    expect(back).toHaveLength(1);
    expect(recordingsToJson(back)).toBe(json);
    expect(back[0]!.snapshots).toHaveLength(impossible.snapshots.length);
    expect(back[0]!.snapshots[100]!.bodies[2]!.x).toBe(impossible.snapshots[100]!.bodies[2]!.x);
    expect(back[0]!.observers.map((o) => o.model)).toEqual(['constant-velocity', 'oracle']);
  });

  it('writes keys in the schema order whatever order the object was built in', () => {
    const shuffled = Object.fromEntries(Object.entries(impossible).reverse()) as Recording;
    expect(recordingsToJson([shuffled])).toBe(recordingsToJson([impossible]));
  });

  it('bundles several recordings, and the bundle round-trips byte-identically', () => {
    const json = recordingsToJson([impossible, possible]);
    const value = JSON.parse(json);
    expect(Object.keys(value)).toEqual(['format', 'version', 'recordings']);
    expect(value.format).toBe(RECORDINGS_BUNDLE_FORMAT);
    const back = parseRecordingsJson(json, 'bundle.json');
    expect(back.map((r) => r.id)).toEqual([impossible.id, possible.id]);
    expect(recordingsToJson(back)).toBe(json);
  });

  it('refuses JSON that is not a recording', () => {
    expect(importError('{"hello": "world"}', 'notes.json')).toBe('notes.json: format: not a Surprise Lab recording: expected "format": "surprise-lab-recording"');
    expect(importError('[1, 2, 3]', 'list.json')).toBe('list.json: (top level): not a Surprise Lab recording: expected "format": "surprise-lab-recording"');
    expect(importError('{"format": "surprise-lab-recordings", "version": 1, "recordings": [{"format": "x"}]}', 'b.json'))
      .toBe('b.json: recordings[0].format: not a Surprise Lab recording: expected "format": "surprise-lab-recording"');
  });

  it('refuses text that is not JSON, with where it broke', () => {
    const json = recordingsToJson([impossible]);
    expect(importError(json.slice(0, Math.floor(json.length / 2)))).toBe('trial.json: end of file: not valid JSON: the text stops in the middle (a truncated file?)');
    expect(importError(json.slice(0, 40))).toMatch(/^trial\.json: end of file: /);
    expect(importError('{\n  "format": "surprise-lab-recording",\n  "version": 1 x\n}')).toMatch(/^trial\.json: line 3, column 16: not valid JSON \(Expected ',' or '}' after property value\)$/);
    expect(importError('  ')).toBe('trial.json: whole file: the file is empty');
  });

  it('refuses a newer or unknown version, naming it', () => {
    expect(importError(edited(impossible, (v) => { v.version = 2; }))).toBe('trial.json: version: recording format version 2 was written by a newer Surprise Lab; this one reads version 1');
    expect(importError(edited(impossible, (v) => { v.version = '1'; }))).toBe('trial.json: version: unknown recording format version "1" (expected 1)');
    expect(importError(JSON.stringify({ format: RECORDINGS_BUNDLE_FORMAT, version: 3, recordings: [] }))).toMatch(/^trial\.json: version: bundle format version 3 was written by a newer/);
  });

  it('names the JSON path of a NaN-like string or an infinite number in a number field', () => {
    expect(importError(edited(impossible, (v) => { v.snapshots[14].bodies[0].x = 'NaN'; })))
      .toBe('trial.json: snapshots[14].bodies[0].x: must be a finite number, not the text "NaN"');
    const bundle = recordingsToJson([impossible, possible]);
    const at = bundle.indexOf('"y": ', bundle.indexOf(`"id": "${possible.id}"`));
    const broken = `${bundle.slice(0, at)}"y": 1e999${bundle.slice(bundle.indexOf(',', at))}`;
    expect(importError(broken, 'bundle.json')).toMatch(/^bundle\.json: recordings\[1\]\.snapshots\[0\]\.bodies\[0\]\.y: must be a finite number, not Infinity/);
    expect(importError(edited(impossible, (v) => { v.observers[1].total[3] = 'NaN'; })))
      .toBe('trial.json: observers[1].total[3]: must be a finite number or null, not the text "NaN"');
  });

  it('names schema problems in plain words: a missing key, an unknown key, a bad enum', () => {
    expect(importError(edited(impossible, (v) => { delete v.meta.seed; }))).toBe('trial.json: meta.seed: must be a finite number, not nothing (the key is missing)');
    expect(importError(edited(impossible, (v) => { v.meta.colour = 'red'; }))).toBe('trial.json: meta: unknown key "colour"');
    expect(importError(edited(impossible, (v) => { v.meta.condition = 'maybe'; }))).toBe('trial.json: meta.condition: must be "possible" or "impossible", not the text "maybe"');
    expect(importError(edited(impossible, (v) => { v.observers[0].per_body['my car'] = [1]; })))
      .toBe(`trial.json: observers[0].per_body["my car"]: has 1 entries, but there are ${impossible.snapshots.length} snapshots (one entry per snapshot)`);
  });

  it('checks what the schema cannot: series lengths, frame numbers, events and looks in range', () => {
    const n = impossible.snapshots.length;
    expect(importError(edited(impossible, (v) => { v.observers[0].total.pop(); })))
      .toBe(`trial.json: observers[0].total: has ${n - 1} entries, but there are ${n} snapshots (one entry per snapshot)`);
    expect(importError(edited(impossible, (v) => { v.observers[1].per_body.car.push(null); })))
      .toBe(`trial.json: observers[1].per_body.car: has ${n + 1} entries, but there are ${n} snapshots (one entry per snapshot)`);
    expect(importError(edited(impossible, (v) => { v.snapshots[5].frame = 6; })))
      .toBe('trial.json: snapshots[5].frame: expected frame 5 (frames count 0, 1, 2, … in order, without gaps), not 6');
    expect(importError(edited(impossible, (v) => { v.events[0].frame = n + 10; })))
      .toBe(`trial.json: events[0].frame: frame ${n + 10} is past the last snapshot (frame ${n - 1})`);
    expect(importError(edited(impossible, (v) => { v.looking = { key: 'L', seconds: 1, looks: [[10, n]] }; })))
      .toBe(`trial.json: looking.looks[0][1]: frame ${n} is past the last snapshot (frame ${n - 1})`);
    expect(importError(edited(impossible, (v) => { v.snapshots[3].bodies[1].id = v.snapshots[3].bodies[0].id; })))
      .toBe('trial.json: snapshots[3].bodies[1].id: "floor" appears twice in this snapshot');
  });

  it('refuses duplicate ids in a bundle, naming both', () => {
    const twin = { ...possible, id: impossible.id };
    const json = JSON.stringify({ format: RECORDINGS_BUNDLE_FORMAT, version: 1, recordings: [JSON.parse(recordingsToJson([impossible])), JSON.parse(recordingsToJson([twin]))] });
    expect(importError(json, 'both.json')).toBe(`both.json: recordings[1].id: "${impossible.id}" is also the id of recordings[0]; ids must be unique in a bundle`);
    expect(() => recordingsToJson([impossible, twin])).toThrow(/ids must be unique/);
  });

  it('refuses a file over the size limit before parsing it', () => {
    expect(() => parseRecordingsJson('x'.repeat(2000), 'big.json', { maxChars: 1024 })).toThrow('big.json: whole file: 0.002 MB is more than the 0.001 MB that can be read at once; export fewer recordings per file');
  });

  it('refuses to export a recording that could not be read back', () => {
    const bad = { ...impossible, snapshots: [{ ...impossible.snapshots[0]!, t: Number.NaN }, ...impossible.snapshots.slice(1)] };
    expect(() => recordingsToJson([bad])).toThrow('export: snapshots[0].t: must be a finite number, not NaN');
  });
});
