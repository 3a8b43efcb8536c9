// The study charts drawn for a narrow box (a phone) and a wide one: one column when narrow, nothing
// past the SVG's edge, no two labels on top of each other, long labels wrapped or cut with "…".
import { describe, expect, it } from 'vitest';
import { designStudy } from '../../src/experiment/studyDesign';
import { studyResults, type StudyResults } from '../../src/experiment/studyResults';
import { alignedCurvesSvg, surpriseBarsSvg } from '../../src/experiment/studyCharts';
import { WIDE_LAYOUT, fitLines, layoutForWidth, type ChartLayout } from '../../src/experiment/studyChartsKit';
import { familiarizationSvg, proportionSvg, testLookingSvg } from '../../src/experiment/looking/lookingCharts';
import { lookingResults, type LookingResults } from '../../src/experiment/looking/lookingStudy';
import { fakeRecording, fakeScene } from './support/studyRecordings';

const LONG_NAME = 'saved:a-learner-with-a-name-far-too-long-for-any-panel-title-at-all';
const LONG_TITLE = 'A box is there when the screen lowers, though none was put there, and then it rolls away';
const MODELS = [LONG_NAME, 'learner-1k', 'learner-1k-s2', 'learner-100k', 'learner-100k-s2', 'constant-velocity'];

function results(): StudyResults {
  const scene = fakeScene('a', LONG_TITLE);
  const design = designStudy({ scenes: ['a'], models: MODELS, pairs: 3, familiarization: 2, seed: 1 });
  const recs = design.trials.map((t) => fakeRecording({
    sceneId: 'a', variant: t.variant, condition: t.condition, seed: 1, onset: 70, looking: 2 + t.variant,
    tracks: MODELS.map((model, i) => ({
      model, kind: model === 'constant-velocity' ? 'constant-velocity' as const : 'learned' as const,
      experience: model === 'constant-velocity' ? 0 : model.includes('100k') ? 100_000 : 1_000,
      score: t.condition === 'impossible' ? 5 + i + t.variant : 1 + t.variant,
      total: Array.from({ length: 150 }, (_, f) => (f < 10 ? null : f > 70 && t.condition === 'impossible' ? 3 + i : 0.5)),
    })),
  }));
  return studyResults(design, recs, [scene]);
}

function looking(): LookingResults {
  const r = results();
  const recs = r.design.trials.map((t) => fakeRecording({
    sceneId: 'a', variant: t.variant, condition: t.condition, seed: 1, onset: 70,
    tracks: MODELS.slice(1).map((model, i) => ({ model, kind: model === 'constant-velocity' ? 'constant-velocity' as const : 'learned' as const,
      experience: model === 'constant-velocity' ? 0 : model.includes('100k') ? 100_000 : 1_000, score: t.condition === 'impossible' ? 3 + i : 1 })),
  }));
  const design = designStudy({ scenes: ['a'], models: MODELS.slice(1), pairs: 3, familiarization: 2, seed: 1 });
  return lookingResults(design, recs.filter((x) => design.trials.some((t) => t.variant === x.meta.variant && t.condition === x.meta.condition)), 'hazard', false);
}

interface Label { text: string; x0: number; x1: number; y0: number; y1: number }

/** Each text's box, from its characters at widths measured in DejaVu Sans (the widest sans-serif the
 * charts meet: Chromium's on Debian): 5.8 px a character of 11-px text, 7 a digit; 600 weight
 * 14% wider; sized by its font-size. */
function labels(svg: string): Label[] {
  const out: Label[] = [];
  for (const m of svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)) {
    const attrs = m[1]!;
    const attr = (name: string): string | undefined => new RegExp(`(?:^| )${name}="([^"]*)"`).exec(attrs)?.[1];
    const text = m[2]!.replace(/&(lt|gt|amp|quot|apos);/g, '_');
    const size = Number(attr('font-size') ?? 11);
    const scale = (size / 11) * (attr('font-weight') === '600' ? 1.14 : 1);
    const width = [...text].reduce((w, c) => w + (/\d/.test(c) ? 7 : 5.8), 0) * scale;
    const x = Number(attr('x')), y = Number(attr('y'));
    const anchor = attr('text-anchor') ?? 'start';
    const x0 = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    out.push({ text: m[2]!, x0, x1: x0 + width, y0: y - 0.8 * size, y1: y + 0.2 * size });
  }
  return out;
}

/** Every text, rectangle, line and circle inside [0, width]; no two texts overlapping. */
function fits(svg: string, layout: ChartLayout): void {
  expect(svg).toContain(`width="${layout.width}" `);
  for (const l of labels(svg)) {
    expect(l.x0, `"${l.text}" starts inside`).toBeGreaterThanOrEqual(0);
    expect(l.x1, `"${l.text}" ends inside ${layout.width}`).toBeLessThanOrEqual(layout.width);
  }
  for (const m of svg.matchAll(/ (?:x|x1|x2|cx)="(-?[\d.]+)"/g)) {
    expect(Number(m[1])).toBeGreaterThanOrEqual(0);
    expect(Number(m[1])).toBeLessThanOrEqual(layout.width);
  }
  for (const m of svg.matchAll(/<rect x="([\d.]+)" y="[^"]*" width="([\d.]+)"/g)) expect(Number(m[1]) + Number(m[2])).toBeLessThanOrEqual(layout.width);
  const all = labels(svg);
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!, b = all[j]!;
      const apart = a.x1 <= b.x0 + 0.5 || b.x1 <= a.x0 + 0.5 || a.y1 <= b.y0 + 0.5 || b.y1 <= a.y0 + 0.5;
      expect(apart, `"${a.text}" and "${b.text}" overlap`).toBe(true);
    }
  }
}

/** Panel left edges: one per column. */
const columns = (svg: string): number => new Set([...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" text-anchor="middle" font-weight="600"/g)].map((m) => m[1])).size;

describe('layoutForWidth', () => {
  it('draws a chart as wide as its box (to 8 px below), one column on a phone; the wide layout from 720 px on', () => {
    expect(layoutForWidth(292)).toEqual({ width: 288, maxColumns: 1 });
    expect(layoutForWidth(349)).toEqual({ width: 344, maxColumns: 1 });
    expect(layoutForWidth(597)).toEqual({ width: 592, maxColumns: 2 });
    expect(layoutForWidth(712)).toEqual({ width: 712, maxColumns: 3 });
    expect(layoutForWidth(100).width).toBe(280);
    expect(layoutForWidth(720)).toBe(WIDE_LAYOUT);
    expect(layoutForWidth(1900)).toBe(WIDE_LAYOUT);
    for (let w = 280; w <= 1900; w += 7) expect(layoutForWidth(w).width).toBeLessThanOrEqual(w);
    expect(WIDE_LAYOUT).toEqual({ width: 720, maxColumns: 4 });
  });
});

describe('fitLines', () => {
  it('wraps at spaces and ends what does not fit with "…", escaping after the cut', () => {
    expect(fitLines('learners, 1,000 frames', 12, 2)).toEqual(['learners,', '1,000 frames']);
    expect(fitLines('one two three four five', 9, 2)).toEqual(['one two', 'three fo…']);
    expect(fitLines('a-very-long-single-word', 8, 2)).toEqual(['a-very-…']);
    expect(fitLines('x & <y>', 20, 1)).toEqual(['x &amp; &lt;y&gt;']);
  });
});

describe('narrow layouts', () => {
  const r = results();
  const l = looking();
  for (const width of [288, 344, 400]) {
    const layout = layoutForWidth(width);
    it(`${width} px: one column, every label inside and apart`, () => {
      const bars = surpriseBarsSvg(r, 'a', layout);
      const curves = alignedCurvesSvg(r, 'a', layout);
      // Six observers and the person's looking time: seven bar panels, six curve panels, one column.
      expect(bars.match(/text-anchor="middle" font-weight="600" fill="#222">/g)).toHaveLength(7);
      expect(curves.match(/text-anchor="middle" font-weight="600" fill="#222">/g)).toHaveLength(6);
      for (const svg of [bars, curves, familiarizationSvg(l, 'a', layout), testLookingSvg(l, 'a', layout), proportionSvg(l, 'a', layout)]) {
        expect(columns(svg)).toBeLessThanOrEqual(1);
        fits(svg, layout);
      }
    });
  }

  it('cuts a long observer name with "…" and wraps a long title and subtitle instead of cutting them', () => {
    const layout = layoutForWidth(320);
    const svg = surpriseBarsSvg(r, 'a', layout);
    expect(svg).not.toContain(LONG_NAME);
    expect(svg).toMatch(/>saved:a-learner-with-a-name-far-[a-z-]*…<\/text>/);
    // The title on two lines, the subtitle on several, every word of both still there.
    const header = [...svg.matchAll(/<text x="12" y="(\d+)"[^>]*>([^<]*)<\/text>/g)];
    expect(header.map((m) => m[2]).join(' ')).toContain(LONG_TITLE.split(' ').slice(0, 10).join(' '));
    expect(header.map((m) => m[2]).join(' ')).toMatch(/one scale for every observer\. \d+ of \d+ trials done\.$/);
    // The legend sits below the last header line.
    const legendY = Number(/<text x="[\d.]+" y="(\d+)" fill="#333">possible<\/text>/.exec(svg)![1]);
    expect(legendY).toBeGreaterThan(Math.max(...header.map((m) => Number(m[1]))));
    // Every text either ends in "…" or is a whole label: no word cut short silently.
    for (const t of labels(svg)) if (t.text.length > 3 && !t.text.endsWith('…')) expect(svg.replace(/\n/g, ' ')).toContain(t.text);
  });

  it('the share of learners: a row per group when the names do not fit under columns', () => {
    const narrow = proportionSvg(l, 'a', layoutForWidth(300));
    expect(narrow).toContain('>one half</text>');
    expect(narrow).toMatch(/>learners, 100,000 frames<\/text>/);
    const wide = proportionSvg(l, 'a');
    expect(wide).not.toContain('>one half</text>');
    fits(wide, WIDE_LAYOUT);
  });
});

describe('the wide layout', () => {
  it('is the default: four panels in a row, and the same labels inside 720 px', () => {
    const r = results();
    const svg = surpriseBarsSvg(r, 'a');
    expect(svg).toBe(surpriseBarsSvg(r, 'a', WIDE_LAYOUT));
    expect(columns(svg)).toBe(4);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="720"')).toBe(true);
  });
});
