// The lecture keys and the demo's choice of learners.
import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../src/ui/keyboard';
import { youngAndOld } from '../../src/pages/playground/demoPresets';

const key = (k: string) => commandForKey({ key: k, ctrlKey: false, metaKey: false, altKey: false });

describe('lecture keys', () => {
  it('P toggles presentation and Y starts the demo; with Ctrl they are left to the browser', () => {
    expect(key('p')).toEqual({ name: 'present' });
    expect(key('Y')).toEqual({ name: 'demo' });
    expect(commandForKey({ key: 'p', ctrlKey: true, metaKey: false, altKey: false })).toBeNull();
  });
});

describe('youngAndOld', () => {
  const m = (id: string, kind: string, experienceFrames: number) => ({ id, kind, experienceFrames });
  it('picks the least and the most experienced learners with some experience, ignoring baselines', () => {
    const models = [m('newborn', 'learned', 0), m('learner-30k', 'learned', 30000), m('learner-1k', 'learned', 1000),
      m('oracle', 'oracle', Infinity), m('constant-velocity', 'constant-velocity', 0), m('learner-100k', 'learned', 100000)];
    expect(youngAndOld(models)).toEqual(['learner-1k', 'learner-100k']);
  });
  it('takes the main series, not another seed of the cohort listed first, nor a cohort', () => {
    const models = [{ ...m('learner-1k-s2', 'learned', 1000), cohortSeed: 2 }, { ...m('cohort:learner-1k', 'learned', 1000), members: ['learner-1k', 'learner-1k-s2'] },
      m('learner-1k', 'learned', 1000), m('learner-100k', 'learned', 100000)];
    expect(youngAndOld(models)).toEqual(['learner-1k', 'learner-100k']);
  });
  it('gives one learner when only one has experience, none when there is none', () => {
    expect(youngAndOld([m('a', 'learned', 5)])).toEqual(['a']);
    expect(youngAndOld([m('oracle', 'oracle', Infinity)])).toEqual([]);
  });
});
