// A study's design is balanced, seeded and validated: every pair once per condition, sides counterbalanced.
import { describe, expect, it } from 'vitest';
import { designStudy, studyPlace, studySettingsSchema, type StudySettings } from '../../src/experiment/studyDesign';
import { studyPlaceSchema } from '../../src/experiment/recording';

const base: StudySettings = { scenes: ['car-off-platform', 'box-released-beyond-platform', 'ball-reverses-by-itself'], models: ['learner-100k', 'oracle'], pairs: 10, familiarization: 2, seed: 7 };

describe('designStudy', () => {
  for (const pairs of [1, 2, 7, 10, 31]) {
    it(`balances ${pairs} pairs per scene: each pair once per condition, back to back, ⌊n/2⌋ or ⌈n/2⌉ impossible-first`, () => {
      for (const seed of [0, 1, 2, 3, 99, 0xffffffff]) {
        const d = designStudy({ ...base, pairs, seed });
        expect(d.trials.map((t) => t.index)).toEqual(d.trials.map((_, i) => i));
        expect(d.trials).toHaveLength(base.scenes.length * (base.familiarization + 2 * pairs));
        base.scenes.forEach((scene, s) => {
          const mine = d.trials.filter((t) => t.sceneId === scene);
          // Scenes come in the given order, each in one block: familiarization first.
          const first = s * (base.familiarization + 2 * pairs);
          expect(mine.map((t) => t.index)).toEqual(mine.map((_, i) => first + i));
          const fam = mine.slice(0, base.familiarization);
          expect(fam.every((t) => t.phase === 'familiarization' && t.condition === 'possible' && t.pair === null && t.variant >= pairs)).toBe(true);
          expect(fam.map((t) => t.variant)).toEqual([pairs, pairs + 1]);
          const test = mine.slice(base.familiarization);
          expect(test.every((t) => t.phase === 'test' && t.pair === t.variant)).toBe(true);
          let impossibleFirst = 0;
          for (let k = 0; k < test.length; k += 2) {
            const [a, b] = [test[k]!, test[k + 1]!];
            expect(a.pair).toBe(b.pair);
            expect(new Set([a.condition, b.condition])).toEqual(new Set(['possible', 'impossible']));
            if (a.condition === 'impossible') impossibleFirst++;
          }
          expect([Math.floor(pairs / 2), Math.ceil(pairs / 2)]).toContain(impossibleFirst);
          for (const condition of ['possible', 'impossible']) {
            const variants = test.filter((t) => t.condition === condition).map((t) => t.variant).sort((x, y) => x - y);
            expect(variants).toEqual(Array.from({ length: pairs }, (_, i) => i));
          }
        });
      }
    });
  }

  it('gives the extra pair of an odd n to either side, depending on the seed', () => {
    const counts = new Set<number>();
    for (let seed = 0; seed < 40; seed++) {
      const d = designStudy({ ...base, scenes: ['car-off-platform'], pairs: 5, seed });
      counts.add(d.trials.filter((t, i, all) => t.phase === 'test' && t.condition === 'impossible' && all[i + 1]?.pair === t.pair).length);
    }
    expect(counts).toEqual(new Set([2, 3]));
  });

  it('is seeded: same settings, same design; another seed, another order', () => {
    expect(designStudy(base)).toEqual(designStudy(structuredClone(base)));
    const order = (seed: number): string => designStudy({ ...base, seed }).trials.map((t) => `${t.variant}${t.condition[0]}`).join(' ');
    expect(order(8)).not.toBe(order(7));
    expect(order(7)).toBe(order(7));
  });

  it("keeps a scene's order whichever scenes come with it", () => {
    const alone = designStudy({ ...base, scenes: ['ball-reverses-by-itself'] }).trials;
    const among = designStudy(base).trials.filter((t) => t.sceneId === 'ball-reverses-by-itself');
    expect(among.map(({ variant, condition, phase }) => ({ variant, condition, phase }))).toEqual(alone.map(({ variant, condition, phase }) => ({ variant, condition, phase })));
  });

  it('describes itself in plain words', () => {
    expect(designStudy({ ...base, scenes: ['car-off-platform'] }).description).toBe(
      '2 familiarization trials (possible, variants 10–11, never a test variant) per scene, then 10 matched pairs per scene in a shuffled order (seed 7); within a pair, 5 show the impossible trial first and 5 the possible one. Scenes in order: car-off-platform.',
    );
    const odd = designStudy({ ...base, pairs: 5, familiarization: 0 }).description;
    expect(odd).toMatch(/^No familiarization; 5 matched pairs per scene in a shuffled order \(seed 7\); within a pair, /);
    for (const s of base.scenes) expect(odd).toContain(s);
  });

  it('fits the largest settings into a recording (the description and places validate)', () => {
    const scenes = Array.from({ length: 40 }, (_, i) => `s${i}-${'x'.repeat(58)}`);
    const d = designStudy({ scenes, models: ['m'], pairs: 3, familiarization: 10, seed: 1 });
    expect(d.description.length).toBeLessThanOrEqual(5000);
    const last = d.trials[d.trials.length - 1]!;
    expect(studyPlaceSchema.parse(studyPlace(d, last, { id: 'run-1', name: 'Run 1' }))).toMatchObject({ trial_index: d.trials.length - 1, trial_count: d.trials.length, phase: 'test', pair: last.pair });
  });
});

describe('studySettingsSchema', () => {
  it('accepts good settings and rejects bad ones', () => {
    expect(studySettingsSchema.parse(base)).toEqual(base);
    const bad: unknown[] = [
      { ...base, pairs: 0 }, { ...base, pairs: 501 }, { ...base, pairs: 2.5 },
      { ...base, familiarization: -1 }, { ...base, familiarization: 11 },
      { ...base, seed: -1 }, { ...base, seed: 2 ** 32 }, { ...base, seed: 1.5 },
      { ...base, scenes: [] }, { ...base, scenes: ['car-off-platform', 'car-off-platform'] }, { ...base, scenes: ['../etc'] },
      { ...base, models: [] }, { ...base, models: [''] }, { ...base, models: ['a', 'a'] },
      { ...base, extra: 1 }, { ...base, pairs: '10' }, null,
    ];
    for (const b of bad) expect(studySettingsSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
    expect(() => designStudy({ ...base, pairs: 0 })).toThrow();
  });
});
