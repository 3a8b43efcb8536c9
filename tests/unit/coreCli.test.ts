// `lab train --core` records the switches in every checkpoint; `lab models --json` lists them (old
// checkpoints as all on); the older --no-contact-features still means no contact geometry.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lab } from './support/lab';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-core-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const TRAIN = ['train', '--frames', '64', '--checkpoints', '0,64', '--seed', '2'];
const featuresOf = (dir: string, ck: string): unknown => JSON.parse(readFileSync(join(dir, ck, 'meta.json'), 'utf8')).features;

describe('lab train --core', () => {
  it('writes the chosen switches into meta.json and model.json, and lab models --json lists them', async () => {
    const out = join(tmp, 'none');
    const r = await lab(...TRAIN, '--core', 'none', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const none = { contactFeatures: false, objectFiles: false, integrator: false };
    expect(featuresOf(out, 'learner-64')).toEqual(none);
    expect(JSON.parse(readFileSync(join(out, 'learner-64', 'model.json'), 'utf8')).architecture.features).toEqual(none);
    const listed = await lab('models', '--json', '--dir', out);
    expect(listed.code).toBe(0);
    const doc = JSON.parse(listed.stdout) as { models: { name: string; core: unknown; core_label: string }[] };
    expect(doc.models.map((m) => [m.name, m.core, m.core_label])).toEqual([['newborn', none, 'none'], ['learner-64', none, 'none']]);
    const plain = await lab('models', '--dir', out);
    expect(plain.stdout).toMatch(/learner-64\tlearned: 64 frames .*, core none/);
  }, 300_000);

  it('keeps --no-contact-features as --core no-contact-geometry', async () => {
    const [a, b] = [join(tmp, 'alias'), join(tmp, 'core')];
    expect((await lab(...TRAIN, '--no-contact-features', '--out', a)).code).toBe(0);
    expect((await lab(...TRAIN, '--core', 'no-contact-geometry', '--out', b)).code).toBe(0);
    expect(featuresOf(a, 'learner-64')).toEqual({ contactFeatures: false, objectFiles: true, integrator: true });
    expect(readFileSync(join(a, 'learner-64', 'weights.bin')).equals(readFileSync(join(b, 'learner-64', 'weights.bin')))).toBe(true);
  }, 300_000);

  it('object files change how surprise is scored, not what is learned: the same weights as all on', async () => {
    const [a, b] = [join(tmp, 'files-off'), join(tmp, 'all')];
    expect((await lab(...TRAIN, '--core', 'no-object-files', '--out', a)).code).toBe(0);
    expect((await lab(...TRAIN, '--out', b)).code).toBe(0);
    expect(featuresOf(a, 'learner-64')).toEqual({ contactFeatures: true, objectFiles: false, integrator: true });
    expect(readFileSync(join(a, 'learner-64', 'weights.bin')).equals(readFileSync(join(b, 'learner-64', 'weights.bin')))).toBe(true);
    // The integrator changes what is learned.
    const c = join(tmp, 'no-integrator');
    expect((await lab(...TRAIN, '--core', 'no-integrator', '--out', c)).code).toBe(0);
    expect(readFileSync(join(c, 'learner-64', 'weights.bin')).equals(readFileSync(join(b, 'learner-64', 'weights.bin')))).toBe(false);
  }, 300_000);

  it('refuses an unknown switch or a contradiction, writing nothing', async () => {
    const bad = await lab(...TRAIN, '--core', 'gravity', '--out', join(tmp, 'bad'));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--core: unknown switch "gravity"/);
    const both = await lab(...TRAIN, '--core', 'all', '--no-contact-features', '--out', join(tmp, 'both'));
    expect(both.code).not.toBe(0);
    expect(both.stderr).toMatch(/--no-contact-features contradicts --core all/);
  });

  it('lists the shipped checkpoints (written before the switchboard) as all on', async () => {
    const r = await lab('models', '--json');
    const doc = JSON.parse(r.stdout) as { models: { core: unknown; core_label: string }[] };
    expect(doc.models.length).toBeGreaterThan(0);
    for (const m of doc.models) expect([m.core, m.core_label]).toEqual([{ contactFeatures: true, objectFiles: true, integrator: true }, 'all']);
  });
});
