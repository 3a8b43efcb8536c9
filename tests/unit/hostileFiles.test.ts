// The seeded mutants of the hostile scene tests, grown to checkpoints and recordings (issue 18): 400
// mutants each of a real model.json, meta.json and recording, each read or refused with an error of
// the reader's own kind naming the file and a JSON path; no TypeError, no hang, no polluted prototype.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { useWasmBackend } from '../../src/predictor/backend';
import { CheckpointError, parseCheckpoint } from '../../src/predictor/checkpoint';
import { RecordingImportError, parseRecordingsJson } from '../../src/experiment/recordingJson';
import { hostileScenes } from '../support/hostileScenes';
import { recordTrial } from './support/recordings';

const DIR = 'public/models/newborn';
const model = readFileSync(`${DIR}/model.json`, 'utf8');
const meta = readFileSync(`${DIR}/meta.json`, 'utf8');
const weights = new Uint8Array(readFileSync(`${DIR}/weights.bin`));
const MUTANTS = 400;

beforeAll(async () => { await useWasmBackend(); });

const textOf = (h: { text?: string; value?: unknown }): string => h.text ?? JSON.stringify(h.value);

describe('hostile checkpoint files', () => {
  for (const [file, source] of [['model.json', model], ['meta.json', meta]] as const) {
    it(`${MUTANTS} mutants of ${file}: loaded, or refused naming ck/${file} (and nothing left behind)`, () => {
      const outcomes = { loaded: 0, refused: 0 };
      const tensorsBefore = tf.memory().numTensors;
      for (const h of hostileScenes([source], MUTANTS, file === 'model.json' ? 18_001 : 18_002)) {
        const text = textOf(h);
        try {
          const ck = file === 'model.json' ? parseCheckpoint(text, weights, meta, 'ck') : parseCheckpoint(model, weights, text, 'ck');
          ck.network.dispose();
          outcomes.loaded++;
        } catch (e) {
          if (!(e instanceof CheckpointError)) throw new Error(`${h.label}: not a CheckpointError: ${String(e)}`);
          expect(e.message, h.label).toMatch(new RegExp(`^ck/(${file.replace('.', '\\.')}|weights\\.bin): `));
          outcomes.refused++;
        }
      }
      expect(tf.memory().numTensors).toBe(tensorsBefore);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(outcomes.refused).toBeGreaterThan(MUTANTS / 2);
      expect(outcomes.loaded).toBeGreaterThan(0);
    }, 300_000);
  }
});

describe('hostile recording files', () => {
  it(`${MUTANTS} mutants of a real recording: imported, or refused naming the file and where`, () => {
    const source = JSON.stringify(recordTrial({ condition: 'impossible', frames: 40 }));
    const outcomes = { imported: 0, refused: 0 };
    for (const h of hostileScenes([source], MUTANTS, 18_003)) {
      try {
        parseRecordingsJson(textOf(h), 'rec.json');
        outcomes.imported++;
      } catch (e) {
        if (!(e instanceof RecordingImportError)) throw new Error(`${h.label}: not a RecordingImportError: ${String(e)}`);
        expect(e.message, h.label).toMatch(/^rec\.json: \S/);
        outcomes.refused++;
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(outcomes.refused).toBeGreaterThan(MUTANTS / 2);
    expect(outcomes.imported).toBeGreaterThan(0);
  }, 300_000);
});
