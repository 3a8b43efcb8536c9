// The Learn screen's pure settings: experience marks, the run form (checked, never thrown), the
// diets it offers (the no-falls diet really has nothing fall), episode thumbnails, frame statistics.
import { describe, expect, it } from 'vitest';
import { checkpointNameAt, everyMarks, markLabel, minutesOf, parseMarks } from '../../src/web/experienceMarks';
import { buildConfig, DEFAULT_FORM, formFromQuery } from '../../src/pages/learn/runForm';
import { dietHasFalls, dietProblems, NO_FALLS_DIET } from '../../src/pages/learn/dietPresets';
import { frameStats } from '../../src/pages/learn/frameStats';
import { episodeThumb } from '../../src/worker/episodeThumb';
import { DEFAULT_DIET, generateEpisode, watchEpisode } from '../../src/predictor/experience';
import type { Observation } from '../../src/predictor/observation';
import { createRng } from '../../src/sim/rng';

const SCENES = ['car-off-platform', 'box-released-beyond-platform'];

describe('marks', () => {
  it('parses, labels and names experience marks', () => {
    expect(parseMarks('3k, 1k 6000,3k', 10_000)).toEqual([1000, 3000, 6000]);
    expect(() => parseMarks('2k, 20k', 10_000)).toThrow(/"20k" is beyond the budget of 10k/);
    expect(() => parseMarks('soon', 10_000)).toThrow(/"soon" is not a number/);
    expect(() => parseMarks('0', 10)).toThrow(/more than 0/);
    expect(markLabel(1500)).toBe('1.5k');
    expect(markLabel(768)).toBe('768');
    expect(checkpointNameAt('me', 6000)).toBe('me-6k');
    expect(everyMarks(0, 2500, 1000)).toEqual([0, 1000, 2000, 2500]);
    expect(everyMarks(3000, 5000, 1000)).toEqual([3000, 4000, 5000]);
    expect(everyMarks(1500, 3000, 1000)).toEqual([1500, 2000, 3000]);
    expect(minutesOf(6000)).toBe('1.7 min');
    expect(minutesOf(100_000)).toBe('28 min');
  });
});

describe('run form', () => {
  it('turns the default form into the worker config', () => {
    const { config, problems } = buildConfig(DEFAULT_FORM, DEFAULT_DIET, 0, SCENES);
    expect(problems).toEqual([]);
    expect(config).toEqual({ frames: 10_000, seed: 1, diet: DEFAULT_DIET, saveAt: [3000, 6000, 10_000], namePrefix: 'my-learner', measureEvery: 1000, pairs: 4, probeScenes: SCENES });
  });

  it('reads the address bar and collects every problem in words', () => {
    const form = formFromQuery('?frames=768&chunk=256&save=768&scenes=car-off-platform&name=t&heldout=256');
    expect(buildConfig(form, DEFAULT_DIET, 0, SCENES).config).toMatchObject({ frames: 768, chunkFrames: 256, validationFrames: 256, saveAt: [768], probeScenes: ['car-off-platform'], namePrefix: 't' });
    const bad = buildConfig({ ...DEFAULT_FORM, frames: 'lots', pairs: '0', probeScenes: ['nope'] }, { ...DEFAULT_DIET, drops: 0.8, tosses: 0.5 }, 0, SCENES);
    expect(bad.config).toBeNull();
    expect(bad.problems.join('\n')).toMatch(/frames to watch must be/);
    expect(bad.problems.join('\n')).toMatch(/pairs per scene/);
    expect(bad.problems.join('\n')).toMatch(/probe scenes not found: nope/);
    expect(bad.problems.join('\n')).toMatch(/diet: drops and tosses/);
  });

  it('continuing a learner: marks must come after the experience it has', () => {
    const { problems } = buildConfig({ ...DEFAULT_FORM, frames: '5k', saveAt: '3k, 8k' }, DEFAULT_DIET, 6000, SCENES);
    expect(problems).toEqual(['save at: 3k is not after the 6k frames the learner already has']);
    expect(buildConfig({ ...DEFAULT_FORM, frames: '5k', saveAt: '8k, 11k' }, DEFAULT_DIET, 6000, SCENES).config?.saveAt).toEqual([8000, 11_000]);
  });
});

describe('diets', () => {
  it('the default diet has falls; the no-falls diet is valid and nothing in its episodes ever falls', () => {
    expect(dietHasFalls(DEFAULT_DIET)).toBe(true);
    expect(dietHasFalls(NO_FALLS_DIET)).toBe(false);
    expect(dietProblems(NO_FALLS_DIET)).toEqual([]);
    // Free fall: three or more frames in a row in which an object gains exactly one step of g downwards.
    const freeFalls = (diet: typeof DEFAULT_DIET): number => {
      const rng = createRng(42);
      let stretches = 0;
      for (let e = 0; e < 40; e++) {
        watchEpisode(rng, diet, (frames) => {
          for (const id of frames[0]!.filter((o) => !o.isStatic).map((o) => o.id)) {
            let run = 0;
            for (let t = 1; t < frames.length; t++) {
              const a = frames[t - 1]!.find((o) => o.id === id);
              const b = frames[t]!.find((o) => o.id === id);
              run = a && b && Math.abs(b.vy - a.vy + 9.81 / 60) < 0.01 ? run + 1 : 0;
              if (run === 3) stretches++;
            }
          }
        });
      }
      return stretches;
    };
    // A tall box may still topple in a collision, but it is supported all the way down.
    expect(freeFalls(NO_FALLS_DIET)).toBe(0);
    expect(freeFalls(DEFAULT_DIET)).toBeGreaterThan(10);
  });
});

describe('the training-option knobs in the diet', () => {
  it('each optional share is checked by name; a diet held just above a surface has falls even with nothing on a platform', () => {
    for (const [key, name] of [['mirror', 'seen in a mirror'], ['lowSteps', 'low steps'], ['lowerShelves', 'lower shelves'], ['edgeRests', 'set down on an edge'], ['lowDrops', 'held just above and let go'], ['carries', 'carried to an edge and let go'], ['ballPlay', 'ball play']] as const) {
      expect(dietProblems({ ...DEFAULT_DIET, [key]: 0.5 })).toEqual([]);
      expect(dietProblems({ ...DEFAULT_DIET, [key]: 1.5 })).toEqual([`${name} must be between 0 and 1`]);
      expect(dietProblems({ ...DEFAULT_DIET, [key]: Number.NaN })).toEqual([`${name} must be between 0 and 1`]);
    }
    expect(dietHasFalls({ ...NO_FALLS_DIET, lowDrops: 0.3 })).toBe(true);
    // Carried boxes tip off half the time; ball play tosses balls and rolls them off thin shelves.
    expect(dietHasFalls({ ...NO_FALLS_DIET, carries: 0.2 })).toBe(true);
    expect(dietHasFalls({ ...NO_FALLS_DIET, ballPlay: 0.3 })).toBe(true);
  });
});

describe('occlusion in the diet', () => {
  it('with no occlusion an episode is exactly what it was (same world, same random numbers used)', () => {
    const a = createRng(7), b = createRng(7);
    expect(generateEpisode(a, DEFAULT_DIET)).toEqual(generateEpisode(b, { ...DEFAULT_DIET, occlusion: 0 }));
    expect(a.next()).toBe(b.next());
  });

  it('with occlusion a screen stands in front and hides what passes behind it', () => {
    const rng = createRng(8);
    const diet = { ...DEFAULT_DIET, occlusion: 1 };
    let hiddenFrames = 0;
    let screens = 0;
    for (let e = 0; e < 20; e++) {
      watchEpisode(rng, diet, (frames, spec) => {
        screens += spec.occluders.length;
        const moving = new Set(frames.flatMap((f) => f.filter((o) => !o.isStatic).map((o) => o.id)));
        for (const f of frames) if (f.filter((o) => !o.isStatic).length < moving.size) hiddenFrames++;
        expect(episodeThumb(frames, spec).screens).toHaveLength(1);
      });
    }
    expect(screens).toBe(20);
    expect(hiddenFrames).toBeGreaterThan(0);
    expect(dietProblems(diet)).toEqual([]);
    expect(dietProblems({ ...diet, occlusion: 2 })).toEqual(['occlusion must be between 0 and 1']);
  });
});

describe('thumbnails and frame statistics', () => {
  it('packs every other frame of an episode with the bodies in their first order', () => {
    const o = (id: string, x: number): Observation[number] => ({ id, kind: 'box', x, y: 1, vx: 0, vy: 0, angle: 0.5, angularVelocity: 0, width: 0.2, height: 0.3, isStatic: false });
    const frames: Observation[] = [0, 1, 2, 3, 4].map((t) => [o('a', t), o('b', 10 + t)]);
    const thumb = episodeThumb(frames, { width: 8, height: 4 });
    expect(thumb.frames).toBe(3);
    expect(thumb.bodies).toEqual([{ kind: 'box', width: 0.2, height: 0.3, isStatic: false }, { kind: 'box', width: 0.2, height: 0.3, isStatic: false }]);
    expect([...thumb.poses.subarray(6, 12)]).toEqual([2, 1, 0.5, 12, 1, 0.5].map((v) => Math.fround(v)));
  });

  it('summarises frame intervals', () => {
    expect(frameStats([16, 17, 16, 100, 16])).toEqual({ frames: 5, medianMs: 16, p95Ms: 100, maxMs: 100, over50Ms: 1 });
    expect(frameStats([]).frames).toBe(0);
  });
});
