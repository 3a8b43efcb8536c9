// Checkpoint files in and out of the browser (pure part): bundles round-trip byte for byte, the
// three files are recognised by content, and bad picks are refused with the reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleCheckpoint, cleanName, fromBase64, ImportError, NAME_PATTERN, readImportFiles, toBase64, uniqueName, type PickedFile } from '../../src/storage/checkpointFiles';
import { REPO_ROOT } from './support/trials';

const dir = `${REPO_ROOT}public/models/learner-6k`;
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(`${dir}/${name}`));
const text = (name: string): string => readFileSync(`${dir}/${name}`, 'utf8');
const three = (): PickedFile[] => [
  { name: 'model.json', bytes: bytes('model.json') }, { name: 'weights.bin', bytes: bytes('weights.bin') }, { name: 'meta.json', bytes: bytes('meta.json') },
];

describe('checkpoint files', () => {
  it('base64 round-trips any bytes', () => {
    const all = new Uint8Array(70_000).map((_, i) => (i * 7919) % 256);
    expect(fromBase64(toBase64(all))).toEqual(all);
    expect(toBase64(new Uint8Array())).toBe('');
  });

  it('reads the three files of public/models/ in any order and under any names', () => {
    const [m, w, t] = three();
    const got = readImportFiles([{ ...t!, name: 'x-meta.json' }, { ...w!, name: 'learner-weights.bin' }, { ...m!, name: 'a.json' }]);
    expect(got.name).toBe('learner-6k');
    expect(got.files.modelJson).toBe(text('model.json'));
    expect(got.files.metaJson).toBe(text('meta.json'));
    expect(got.files.weights).toEqual(bytes('weights.bin'));
  });

  it('a bundle holds the same three files exactly', () => {
    const files = { modelJson: text('model.json'), metaJson: text('meta.json'), weights: bytes('weights.bin') };
    const bundle = bundleCheckpoint('my learner', files);
    const got = readImportFiles([{ name: 'b.checkpoint.json', bytes: new TextEncoder().encode(bundle) }]);
    expect(got.files).toEqual(files);
    expect(got.name).toBe('my-learner');
  });

  it('refuses with the reason: truncated bundle, wrong count, missing parts, future bundle version', () => {
    const bundle = new TextEncoder().encode(bundleCheckpoint('b', { modelJson: text('model.json'), metaJson: text('meta.json'), weights: bytes('weights.bin') }));
    const refuse = (picked: PickedFile[]): string => {
      try {
        readImportFiles(picked);
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refuse([{ name: 'cut.json', bytes: bundle.subarray(0, 500) }])).toMatch(/^cut\.json: not valid JSON .*truncated/);
    expect(refuse([])).toMatch(/no files/);
    expect(refuse(three().slice(0, 2))).toMatch(/got 2 file\(s\)/);
    expect(refuse([{ name: 'model.json', bytes: bytes('model.json') }])).toMatch(/not a checkpoint bundle/);
    const [m, w] = three();
    expect(refuse([m!, w!, { ...m!, name: 'model2.json' }])).toMatch(/two model files/);
    expect(refuse([m!, w!, { name: 'notes.json', bytes: new TextEncoder().encode('{"hello": 1}') }])).toMatch(/notes\.json: neither a model\.json/);
    const future = JSON.stringify({ ...JSON.parse(new TextDecoder().decode(bundle)), formatVersion: 2 });
    expect(refuse([{ name: 'f.json', bytes: new TextEncoder().encode(future) }])).toMatch(/bundle format version 2 is not supported/);
  });

  it('makes names usable as ids and unique', () => {
    expect(cleanName('  my learner #1 ')).toBe('my-learner-1');
    expect(cleanName('///')).toBe('checkpoint');
    expect(NAME_PATTERN.test(cleanName('é'.repeat(100)))).toBe(true);
    expect(uniqueName('a', new Set(['a', 'a-2']))).toBe('a-3');
    expect(uniqueName('b', new Set(['a']))).toBe('b');
  });
});
