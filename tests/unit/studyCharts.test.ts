// The study's SVG charts: self-contained, well formed, every user-chosen text escaped, never a NaN.
import { describe, expect, it } from 'vitest';
import { designStudy } from '../../src/experiment/studyDesign';
import { studyResults, type StudyResults } from '../../src/experiment/studyResults';
import { alignedCurvesSvg, surpriseBarsSvg } from '../../src/experiment/studyCharts';
import { niceTicks, tickLabel } from '../../src/experiment/studyChartsKit';
import { fakeRecording, fakeScene } from './support/studyRecordings';

const NASTY = 'saved:<b>x</b> & "y"';

/** Tags open and close in order, every `&` starts an entity, and no raw `<` hides in text. */
function wellFormed(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([A-Za-z]+)((?:[^>"]|"[^"]*")*?)(\/?)>/g)) {
    const [, close, name, , selfClose] = m;
    if (close) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else if (!selfClose) stack.push(name!);
  }
  expect(stack).toEqual([]);
  expect(svg.replace(/&(lt|gt|amp|quot|apos);/g, '')).not.toContain('&');
  const text = svg.replace(/<(?:[^>"]|"[^"]*")*>/g, '');
  expect(text).not.toMatch(/[<>]/);
}

function results(opts: { looking: boolean; empty?: boolean }): StudyResults {
  const scene = fakeScene('a', 'Car <off> the "platform" & more');
  const design = designStudy({ scenes: ['a'], models: [NASTY, 'oracle'], pairs: 4, familiarization: 0, seed: 1 });
  const recs = opts.empty ? [] : design.trials.map((t) => fakeRecording({
    sceneId: 'a', variant: t.variant, condition: t.condition, seed: 1, onset: 70,
    looking: opts.looking ? 2 + t.variant + (t.condition === 'impossible' ? 3 : 0) : null,
    tracks: [
      { model: NASTY, score: t.condition === 'impossible' ? 5 + t.variant : 1 + t.variant * 0.5, total: Array.from({ length: 240 }, (_, f) => (f < 30 ? null : f > 70 && t.condition === 'impossible' ? 3 + t.variant : 0.5)) },
      { model: 'oracle', kind: 'oracle', experience: null, score: t.condition === 'impossible' ? 120_000 : 0, total: Array.from({ length: 240 }, (_, f) => (f > 70 && t.condition === 'impossible' ? 2e5 : 0)) },
    ],
  }));
  return studyResults(design, recs, [scene]);
}

describe('surpriseBarsSvg', () => {
  it('draws a panel per model and one for looking time, escaping every text', () => {
    const svg = surpriseBarsSvg(results({ looking: true }), 'a');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="720"')).toBe(true);
    expect(svg).toContain('<rect width="720"');
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).toContain('font-family=');
    expect(svg).toContain('saved:&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;');
    expect(svg).toContain('Car &lt;off&gt; the &quot;platform&quot; &amp; more');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('you: looking time (s)');
    expect(svg).toContain('#3d7dd8');
    expect(svg).toContain('#e4572e');
    expect(svg).toContain('the simulator');
    // 8 test trials per model and 8 looking times: a dot each.
    expect(svg.match(/<circle /g)).toHaveLength(24);
    expect(svg).toContain('>100k</text>');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    wellFormed(svg);
  });

  it('puts every observer on one scale (the oracle\'s 120,000 tops both panels); looking time keeps its own', () => {
    const svg = surpriseBarsSvg(results({ looking: true }), 'a');
    // The top tick of both surprise panels is 100k; the looking panel (seconds) never reaches it.
    expect(svg.match(/>100k<\/text>/g)).toHaveLength(2);
    expect(svg).toContain('one scale for every observer');
  });

  it('has no looking panel without looking data, and draws an empty study without NaN', () => {
    expect(surpriseBarsSvg(results({ looking: false }), 'a')).not.toContain('looking time');
    const empty = surpriseBarsSvg(results({ looking: false, empty: true }), 'a');
    expect(empty).toContain('no trials yet');
    expect(empty).not.toMatch(/NaN|undefined|Infinity/);
    wellFormed(empty);
  });

  it('refuses a scene the study does not have', () => {
    expect(() => surpriseBarsSvg(results({ looking: false }), 'b')).toThrow(/no results for scene "b"/);
  });
});

describe('alignedCurvesSvg', () => {
  it('draws both conditions per model with a dashed onset line', () => {
    const svg = alignedCurvesSvg(results({ looking: true }), 'a');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="720"')).toBe(true);
    expect(svg).toContain('saved:&lt;b&gt;x&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('stroke-dasharray="4 3"');
    expect(svg).toContain('>onset</text>');
    expect(svg).toContain('seconds from onset');
    expect(svg.match(/<path d="M[^"]*" fill="none" stroke="#3d7dd8"/g)).toHaveLength(2);
    expect(svg.match(/<path d="M[^"]*" fill="none" stroke="#e4572e"/g)).toHaveLength(2);
    expect(svg).not.toContain('looking');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    wellFormed(svg);
  });

  it('draws an empty study without NaN', () => {
    const svg = alignedCurvesSvg(results({ looking: false, empty: true }), 'a');
    expect(svg).toContain('no trials yet');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    wellFormed(svg);
  });
});

describe('axis ticks', () => {
  it('are 1, 2 or 5 × 10^k and labelled compactly', () => {
    expect(niceTicks(0, 7.3).ticks).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(-1, 3).ticks).toEqual([-1, 0, 1, 2, 3]);
    expect(niceTicks(0, 0).ticks).toEqual([0, 0.5, 1]);
    expect(tickLabel(0.05, 0.05)).toBe('0.05');
    expect(tickLabel(200_000, 50_000)).toBe('200k');
    expect(tickLabel(3e6, 1e6)).toBe('3M');
  });
});
