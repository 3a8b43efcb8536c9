// Query parameters: each page declares its own once; reading, links and help come from that one
// declaration, and a link a page writes reads back as the same state.
import { describe, expect, it } from 'vitest';
import { queryHelp, queryNames, readQuery, writeQuery, wholeNumber, type QuerySpec } from '../../src/web/queryParams';
import { PLAYGROUND_QUERY, parseUrlState, urlFor } from '../../src/pages/playground/urlState';
import type { AppState } from '../../src/pages/playground/store/appState';
import { DEFAULT_MODELS, planQuerySpec, planQueryString, readPlanQuery, DEFAULT_TASK } from '../../src/pages/plan/planUrl';
import { formFromQuery, ignoredInQuery, queryOfForm, setupQuerySpec, type SetupForm } from '../../src/pages/experiment/setupForm';
import { DEFAULT_FORM, LEARN_QUERY, formFromQuery as learnForm } from '../../src/pages/learn/runForm';
import { FUZZ_QUERY, parseFuzzOptions } from '../../src/web/fuzz/fuzzOptions';
import { STUDIO_QUERY } from '../../src/pages/studio/studioQuery';
import { readRepoFile } from './support/trials';

interface Small { n: number; on: boolean; tag: string | null }
const SMALL: QuerySpec<Small> = {
  n: { name: 'num', type: 'whole number 0–9', help: 'a digit', default: 3, read: wholeNumber(0, 9), write: String },
  on: { type: 'switch', help: 'a switch', default: false, read: (t) => t !== 'false', write: (v) => (v ? '' : null) },
  tag: { label: 'the tag', type: 'text', help: 'a tag', default: null, read: (t, ignore) => (t.length <= 3 ? t : (ignore(t), undefined)), write: (v) => v },
};

describe('the query-parameter kit', () => {
  it('reads by the declaration: URL names, defaults, run-time defaults, and what it did not understand', () => {
    expect(readQuery(SMALL, '')).toEqual({ values: { n: 3, on: false, tag: null }, given: new Set(), ignored: [] });
    const r = readQuery(SMALL, '?num=12&on&tag=long-tag', { n: 5 });
    expect(r.values).toEqual({ n: 5, on: true, tag: null });
    expect(r.ignored).toEqual(['num “12”', 'the tag “long-tag”']);
    expect([...r.given]).toEqual(['on']);
  });

  it('writes in the declared order, with bare switches and left-out parameters, and reads its own links back', () => {
    expect(writeQuery(SMALL, { n: 7, on: true, tag: null })).toBe('?num=7&on');
    expect(writeQuery(SMALL, { n: 0, on: false, tag: 'ab' })).toBe('?num=0&tag=ab');
    expect(readQuery(SMALL, writeQuery(SMALL, { n: 9, on: true, tag: 'x' })).values).toEqual({ n: 9, on: true, tag: 'x' });
  });

  it('gives one help line per parameter, with its URL name, type and default', () => {
    expect(queryHelp(SMALL)).toEqual(['num — whole number 0–9 (default 3): a digit', 'on — switch (default false): a switch', 'tag — text: a tag']);
    expect(queryNames(SMALL)).toEqual(['num', 'on', 'tag']);
  });
});

describe("each page's parameters", () => {
  it('playground: reads what it always read, and names what it cannot use', () => {
    expect(parseUrlState('?scene=car-off-platform&condition=impossible&variant=7&seed=3&speed=0.25&models=a,%20b,&ghost=5&autoplay'))
      .toEqual({ scene: 'car-off-platform', condition: 'impossible', variant: 7, seed: 3, speed: 0.25, models: ['a', 'b'], ghost: 5, autoplay: true, ignored: [] });
    const odd = parseUrlState('?variant=canonical&autoplay=false&speed=3&ghost=4&condition=maybe&seed=-1');
    expect({ ...odd, ignored: odd.ignored.map((i) => i.name) }).toEqual({ variant: null, autoplay: false, ignored: ['condition', 'seed', 'speed', 'ghost'] });
    expect(parseUrlState('?models=')).toEqual({ models: [], autoplay: false, ignored: [] });
  });

  it('playground: the link written for a state carries every declared parameter and reads back the same', () => {
    const state = { sceneId: 'car-off-platform', condition: 'impossible', variant: 7, seed: 3, speed: 0.25, selectedModels: ['a', 'b'], ghostSeconds: 5, running: true, presenting: true, rendererChoice: 'webgl' } as unknown as AppState;
    const link = urlFor(state);
    expect(link).toBe('?scene=car-off-platform&condition=impossible&variant=7&seed=3&speed=0.25&models=a,b&ghost=5&present&renderer=webgl&autoplay');
    const { ignored, ...read } = parseUrlState(link);
    expect(ignored).toEqual([]);
    expect(Object.keys(read).sort()).toEqual(queryNames(PLAYGROUND_QUERY).sort());
  });

  it('plan: names each thing it left out, in order, and a written link reads back the same', () => {
    const known = ['learner-100k', 'constant-velocity', 'oracle', 'learner-1k'];
    const { query, ignored } = readPlanQuery('?family=nope&task=x&seed=5&models=oracle,ghost&x=far', known);
    // An unreadable task falls back to the default task, where the observers differ.
    expect(query).toEqual({ family: 'basket', task: DEFAULT_TASK, seed: 5, models: ['oracle'], x: null });
    expect(DEFAULT_TASK).toBe(4);
    expect(ignored).toEqual(['family “nope”', 'task “x”', 'planner “ghost”', 'basket position “far”']);
    const q = { family: 'lob' as const, task: 12, seed: 9, models: ['learner-1k', 'oracle'], x: 3.14159 };
    const link = planQueryString(q);
    expect(link).toBe('?family=lob&task=12&seed=9&models=learner-1k,oracle&x=3.14');
    expect(readPlanQuery(link, known).query).toEqual({ ...q, x: 3.14 });
    expect(readPlanQuery('', ['oracle']).query.models).toEqual(['oracle']);
  });

  it('experiment: clamps counts, drops unknown names, and writes a form-encoded link that reads back', () => {
    const known = { scenes: ['s1', 's2'], models: ['m1', 'm2'] };
    const defaults: SetupForm = { scenes: ['s1'], models: ['m1'], pairs: 10, familiarization: 2, seed: 1, speed: 2, looking: false, lookingModel: 'none', habituate: false, infants: 1, orders: 'shared' };
    expect(formFromQuery('?scenes=s2,zz,s2&models=zz&pairs=999&fam=3&seed=x&speed=instant&looking', known, defaults))
      .toEqual({ ...defaults, scenes: ['s2'], pairs: 200, familiarization: 3, speed: 'instant', looking: true });
    const form: SetupForm = { scenes: ['s1', 's2'], models: ['m2'], pairs: 4, familiarization: 0, seed: 77, speed: 0.5, looking: true, lookingModel: 'goldilocks', habituate: true, infants: 3, orders: 'counterbalanced' };
    expect(queryOfForm(form)).toBe('?scenes=s1%2Cs2&models=m2&pairs=4&fam=0&seed=77&speed=0.5&looking=1&look=goldilocks&habituate=1&infants=3&orders=counterbalanced');
    // One infant per learner and shared orders (the defaults) leave the address as it was; a count out of range is clamped.
    expect(queryOfForm({ ...form, infants: 1, orders: 'shared' })).toBe('?scenes=s1%2Cs2&models=m2&pairs=4&fam=0&seed=77&speed=0.5&looking=1&look=goldilocks&habituate=1');
    expect(formFromQuery('?infants=99', known, defaults).infants).toBe(16);
    expect(formFromQuery('?orders=counterbalanced', known, defaults).orders).toBe('counterbalanced');
    expect(formFromQuery('?orders=mixed', known, defaults).orders).toBe('shared');
    expect(formFromQuery('?look=nope&habituate=0', known, defaults)).toEqual(defaults);
    expect(formFromQuery(queryOfForm(form), known, defaults)).toEqual(form);
  });

  it('experiment: names every unknown name, clamped count and unknown choice it met, instead of dropping or changing it silently', () => {
    const known = { scenes: ['s1', 's2'], models: ['m1', 'm2'] };
    const defaults: SetupForm = { scenes: ['s1'], models: ['m1'], pairs: 10, familiarization: 2, seed: 1, speed: 2, looking: false, lookingModel: 'none', habituate: false, infants: 1, orders: 'shared' };
    expect(ignoredInQuery('?scenes=../../etc,s2,s2&models=m1,zz&pairs=0&fam=99&seed=1e999&speed=9&look=nope&infants=99&orders=mixed', known, defaults)).toEqual([
      'scenes “../../etc”', 'models “zz”', 'pairs “0” (1 used: 1–200)', 'fam “99” (10 used: 0–10)', 'seed “1e999”', 'speed “9”', 'look “nope”', 'infants “99” (16 used: 1–16)', 'orders “mixed”',
    ]);
    expect(ignoredInQuery('?scenes=s2,s1&models=m2&pairs=200&fam=0&seed=4294967295&speed=instant&look=ranch&orders=counterbalanced', known, defaults)).toEqual([]);
  });

  it('learn and fuzz: read as typed, defaults where absent', () => {
    expect(learnForm('?frames=2k&scenes=a,b&every=')).toEqual({ ...DEFAULT_FORM, frames: '2k', probeScenes: ['a', 'b'], measureEvery: '' });
    expect(parseFuzzOptions('?fuzz&seed=12&fuzzRate=5000')).toEqual({ fuzz: true, assert: false, seed: 12, rate: 1000 });
    expect(parseFuzzOptions('?fuzz=false&assert&fuzzRate=-1')).toEqual({ fuzz: false, assert: true, seed: 1, rate: 30 });
  });

  it('every page declares every parameter it reads with a type and words for the help text', () => {
    const specs = { playground: PLAYGROUND_QUERY, plan: planQuerySpec([]), experiment: setupQuerySpec({ scenes: [], models: [] }), learn: LEARN_QUERY, fuzz: FUZZ_QUERY };
    for (const [page, spec] of Object.entries(specs)) {
      const lines = queryHelp(spec as QuerySpec<Record<string, unknown>>);
      expect(lines.length, page).toBeGreaterThan(3);
      for (const line of lines) expect(line, page).toMatch(/^[a-zA-Z]+ — \S.*: \S/);
    }
    expect(queryNames(setupQuerySpec({ scenes: [], models: [] }))).toEqual(['scenes', 'models', 'pairs', 'fam', 'seed', 'speed', 'looking', 'look', 'habituate', 'infants', 'orders']);
  });

  it("docs/pages.md lists each page's parameters exactly as its declaration's help text says", () => {
    const docs = readRepoFile('docs/pages.md');
    const section = docs.slice(docs.indexOf("## Every page's query parameters"), docs.indexOf('## One store per page'));
    const listed = section.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
    const specs = [PLAYGROUND_QUERY, setupQuerySpec({ scenes: [], models: [] }), LEARN_QUERY, planQuerySpec(DEFAULT_MODELS), STUDIO_QUERY, FUZZ_QUERY];
    expect(listed).toEqual(specs.flatMap((spec) => queryHelp(spec as QuerySpec<Record<string, unknown>>)));
  });
});
