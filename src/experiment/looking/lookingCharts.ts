// The looking study's charts as standalone SVG: the familiarization curve with the test trials after
// it, test looking (s) possible vs impossible per age, and the share of learners looking longer at the impossible event.
import type { ConditionStat } from '../studyResults';
import { drawBars, type BarPanel } from '../studyCharts';
import {
  IMPOSSIBLE_COLOR, PANEL_HEIGHT, POSSIBLE_COLOR, WIDE_LAYOUT, clip, escapeXml, experienceLabel, fitLines, panelGrid, px, shortNumber, wrapWords, yAxis,
  type ChartLayout, type Panel,
} from '../studyChartsKit';
import type { LookingResults, LookingScene } from './lookingStudy';

function sceneOf(results: LookingResults, sceneId: string): LookingScene {
  const scene = results.scenes.find((s) => s.sceneId === sceneId);
  if (!scene) throw new Error(`no looking results for scene "${sceneId}" (the study has ${results.scenes.map((s) => s.sceneId).join(', ')})`);
  return scene;
}

const statTop = (s: ConditionStat): number => (Number.isFinite(s.mean) ? s.mean + (Number.isFinite(s.sem) ? s.sem : 0) : 0);

interface CurvePanel { title: string; subtitle: string; members: number[][]; familiarization: ConditionStat[]; possible: ConditionStat; impossible: ConditionStat }

function curvePanels(scene: LookingScene): CurvePanel[] {
  const panels: CurvePanel[] = scene.groups.map((g) => ({
    title: g.label, subtitle: g.infantsPerLearner ? `n = ${g.models.length * g.infantsPerLearner} infants; thin lines: each` : g.models.length > 1 ? `n = ${g.models.length}; thin lines: each` : experienceLabel(g.kind, g.experience_frames),
    members: g.models.length > 1 || g.infantsPerLearner ? scene.observers.filter((o) => o.group === g.label).map((o) => o.familiarization) : [],
    familiarization: g.familiarization, possible: g.test.possible, impossible: g.test.impossible,
  }));
  if (scene.person) {
    const p = scene.person;
    panels.push({ title: 'you (key L)', subtitle: 'your looking, same axes', members: [], familiarization: p.familiarization.map((s) => ({ mean: s, sem: NaN, n: 1, values: [s] })), possible: p.test.possible, impossible: p.test.impossible });
  }
  return panels;
}

function errorBar(parts: string[], x: number, y: (v: number) => number, s: ConditionStat): void {
  if (!Number.isFinite(s.sem)) return;
  const a = y(s.mean + s.sem), b = y(Math.max(0, s.mean - s.sem));
  parts.push(`<path d="M${px(x)} ${px(a)}V${px(b)}M${px(x - 4)} ${px(a)}H${px(x + 4)}M${px(x - 4)} ${px(b)}H${px(x + 4)}" stroke="#222" stroke-width="1.2" fill="none"/>`);
}

function drawCurve(parts: string[], p: Panel, panel: CurvePanel, top: number): void {
  const left = p.x + 44, right = p.x + p.w - 8, plotTop = p.y + 40, plotBottom = p.y + p.h - 44;
  parts.push(`<text x="${px(p.x + p.w / 2)}" y="${px(p.y + 14)}" text-anchor="middle" font-weight="600" fill="#222">${clip(panel.title, Math.floor(p.w / 7))}</text>`);
  parts.push(`<text x="${px(p.x + p.w / 2)}" y="${px(p.y + 28)}" text-anchor="middle" fill="#666">${clip(panel.subtitle, Math.floor(p.w / 6))}</text>`);
  const y = yAxis(parts, left, right, plotTop, plotBottom, 0, top > 0 ? top : 1);
  const f = panel.familiarization.length;
  // Familiarization trials 1…F, a gap, then the two test conditions.
  const slots = f + 3;
  const x = (k: number): number => left + ((k + 0.5) / slots) * (right - left);
  const testX = { possible: x(f + 1), impossible: x(f + 2) };
  for (const member of panel.members) {
    const d = member.map((v, k) => `${k === 0 ? 'M' : 'L'}${px(x(k))} ${px(y(v))}`).join('');
    if (d) parts.push(`<path d="${d}" fill="none" stroke="#bbb" stroke-width="1"/>`);
  }
  const d = panel.familiarization.map((s, k) => `${k === 0 ? 'M' : 'L'}${px(x(k))} ${px(y(s.mean))}`).join('');
  if (d) parts.push(`<path d="${d}" fill="none" stroke="#222" stroke-width="2"/>`);
  panel.familiarization.forEach((s, k) => {
    errorBar(parts, x(k), y, s);
    parts.push(`<circle cx="${px(x(k))}" cy="${px(y(s.mean))}" r="3.2" fill="#222"><title>${escapeXml(`familiarization ${k + 1}: ${shortNumber(s.mean)} s`)}</title></circle>`);
    parts.push(`<text x="${px(x(k))}" y="${px(plotBottom + 14)}" text-anchor="middle" fill="#555">${k + 1}</text>`);
  });
  for (const c of ['possible', 'impossible'] as const) {
    const s = panel[c];
    const color = c === 'possible' ? POSSIBLE_COLOR : IMPOSSIBLE_COLOR;
    if (s.n > 0 && Number.isFinite(s.mean)) {
      errorBar(parts, testX[c], y, s);
      parts.push(`<rect x="${px(testX[c] - 5)}" y="${px(y(s.mean) - 5)}" width="10" height="10" fill="${color}"><title>${escapeXml(`test, ${c}: ${shortNumber(s.mean)} s`)}</title></rect>`);
    }
    parts.push(`<text x="${px(testX[c])}" y="${px(plotBottom + 14)}" text-anchor="middle" fill="${color}" font-weight="600">${c === 'possible' ? 'P' : 'I'}</text>`);
  }
  // The axis label on one line where it fits, else on two (a narrow panel of four ages cut it to
  // "familiarization trial, then …").
  const width = Math.floor(p.w / 6);
  const label = f > 0 ? 'familiarization trial, then test (P, I)' : 'test trials (P, I)';
  const lines = label.length <= width || f === 0 ? [label] : ['familiarization trial,', 'then test (P, I)'];
  lines.forEach((line, k) => {
    const at = lines.length === 1 ? 30 : 27 + 12 * k;
    parts.push(`<text x="${px((left + right) / 2)}" y="${px(plotBottom + at)}" text-anchor="middle" fill="#555">${clip(line, width)}</text>`);
  });
}

/** The familiarization curve per age group (mean ± 1 SEM; thin lines: each learner), the test
 * trials' means after it; the person's own looking on the same axes when recorded. */
export function familiarizationSvg(results: LookingResults, sceneId: string, layout: ChartLayout = WIDE_LAYOUT): string {
  const scene = sceneOf(results, sceneId);
  const panels = curvePanels(scene);
  const top = Math.max(1, ...panels.flatMap((p) => [...p.familiarization, p.possible, p.impossible].map(statTop)), ...panels.flatMap((p) => p.members.flat()));
  // The conditions spelled out where the line has room (120 characters wide), else as the panels' letters.
  const conditions = (long: boolean): string => `Looking time (s) per trial, model “${results.model}”${results.habituate ? ', learners habituating' : ''}: familiarization, then test (${long ? 'P possible, I impossible' : 'P, I'}); mean ± 1 SEM.`;
  const { head, panels: rects } = panelGrid(Math.max(1, panels.length), scene.title, conditions(conditions(true).length <= 120), layout);
  const parts = [...head];
  panels.forEach((panel, i) => drawCurve(parts, rects[i]!, panel, top));
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Test looking time (s), possible vs impossible, one panel per age group (dots: each learner's
 * mean, or each trial for a single observer); the person's looking as its own panel. One scale. */
export function testLookingSvg(results: LookingResults, sceneId: string, layout: ChartLayout = WIDE_LAYOUT): string {
  const scene = sceneOf(results, sceneId);
  const panels: BarPanel[] = scene.groups.map((g) => ({ title: g.label, subtitle: g.infantsPerLearner ? `n = ${g.models.length * g.infantsPerLearner} infants (${g.models.length} × ${g.infantsPerLearner}); dots: each` : g.models.length > 1 ? `n = ${g.models.length} learners; dots: each` : `${experienceLabel(g.kind, g.experience_frames)}; dots: trials`, bars: g.test, unit: ' s' }));
  if (scene.person) panels.push({ title: 'you (key L)', subtitle: 'your looking time', bars: scene.person.test, unit: ' s' });
  const top = Math.max(1, ...panels.flatMap((p) => [p.bars.possible, p.bars.impossible].flatMap((s) => [statTop(s), ...s.values.filter(Number.isFinite)])));
  const { head, panels: rects } = panelGrid(Math.max(1, panels.length), scene.title, `Test looking time (s) ${results.model === 'ranch-moment' ? 'from the event\'s start' : 'at the paused display'}, model “${results.model}”: mean ± 1 SEM, one scale.`, layout);
  const parts = [...head];
  panels.forEach((panel, i) => drawBars(parts, rects[i]!, panel, top));
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Per age group: the share of observers who looked longer at the impossible event, with its exact
 * (Clopper–Pearson) 95% interval and a dashed line at one half. Columns where every group's name
 * fits under its column in two lines; else (a narrow layout, many groups) a row per group. */
export function proportionSvg(results: LookingResults, sceneId: string, layout: ChartLayout = WIDE_LAYOUT): string {
  const scene = sceneOf(results, sceneId);
  const subtitle = 'Share of learners who looked longer at the impossible event (exact 95% interval); dashed: one half.';
  const n = Math.max(1, scene.groups.length);
  // The plot's width in a one-panel grid (panel less its 44-px axis and 8-px margin), split per group.
  const slot = (layout.width - 20 - 52) / n;
  // 6.5 px a character: DejaVu Sans (Chromium's sans-serif on Debian) is among the widest at 11 px.
  const chars = Math.floor((slot - 6) / 6.5);
  if (scene.groups.every((g) => wrapWords(g.label, chars).length <= 2 && wrapWords(g.label, chars).every((line) => line.length <= chars))) {
    return proportionColumns(scene, panelGrid(1, scene.title, subtitle, layout, { legend: false }), chars);
  }
  const below = Math.max(0, 32 + n * SHARE_ROW - PANEL_HEIGHT);
  return proportionRows(scene, panelGrid(1, scene.title, subtitle, layout, { legend: false, below }));
}

type Grid = ReturnType<typeof panelGrid>;

function proportionColumns(scene: LookingScene, { head, panels }: Grid, chars: number): string {
  const parts = [...head];
  const p = panels[0]!;
  const left = p.x + 44, right = p.x + p.w - 8, plotTop = p.y + 20, plotBottom = p.y + p.h - 44;
  const y = yAxis(parts, left, right, plotTop, plotBottom, 0, 1);
  parts.push(`<line x1="${px(left)}" x2="${px(right)}" y1="${px(y(0.5))}" y2="${px(y(0.5))}" stroke="#444" stroke-dasharray="4 3"/>`);
  const slot = (right - left) / Math.max(1, scene.groups.length);
  scene.groups.forEach((g, i) => {
    const cx = left + slot * (i + 0.5);
    const w = Math.min(50, slot * 0.5);
    if (g.n > 0) {
      const share = g.longerAtImpossible / g.n;
      parts.push(`<rect x="${px(cx - w / 2)}" y="${px(y(share))}" width="${px(w)}" height="${px(y(0) - y(share))}" fill="${IMPOSSIBLE_COLOR}" fill-opacity="0.75"><title>${escapeXml(`${g.label}: ${g.longerAtImpossible} of ${g.n}`)}</title></rect>`);
      const [lo, hi] = g.ci95;
      parts.push(`<path d="M${px(cx)} ${px(y(hi))}V${px(y(lo))}M${px(cx - 6)} ${px(y(hi))}H${px(cx + 6)}M${px(cx - 6)} ${px(y(lo))}H${px(cx + 6)}" stroke="#222" stroke-width="1.5" fill="none"/>`);
    }
    // A name too long for its column goes on two lines ("learners," over "1,000 frames").
    const label = fitLines(g.label, chars, 2);
    label.forEach((line, k) => parts.push(`<text x="${px(cx)}" y="${px(plotBottom + 15 + 14 * k)}" text-anchor="middle" fill="#222">${line}</text>`));
    parts.push(`<text x="${px(cx)}" y="${px(plotBottom + 15 + 14 * label.length)}" text-anchor="middle" fill="#555">${g.longerAtImpossible} of ${g.n}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Height of a group's row: its name over its bar. */
const SHARE_ROW = 42;

/** A row per group: the name and "k of n" on a line, under it a bar from 0 to the share with its
 * interval as a whisker; the share axis (0, one half, 1) along the bottom. */
function proportionRows(scene: LookingScene, { head, panels }: Grid): string {
  const parts = [...head];
  const p = panels[0]!;
  const left = p.x + 8, right = p.x + p.w - 8, top = p.y + 8;
  const x = (v: number): number => left + v * (right - left);
  const bottom = top + scene.groups.length * SHARE_ROW;
  for (const v of [0, 0.5, 1]) {
    // The gridlines run beside the bars only, never through a row's name.
    const d = scene.groups.map((_, i) => `M${px(x(v))} ${px(top + i * SHARE_ROW + 15)}V${px(top + i * SHARE_ROW + (i === scene.groups.length - 1 ? SHARE_ROW + 4 : 33))}`).join('');
    if (d) parts.push(`<path d="${d}" stroke="${v === 0.5 ? '#444' : '#e4e4e4'}"${v === 0.5 ? ' stroke-dasharray="4 3"' : ''} fill="none"/>`);
    parts.push(`<text x="${px(x(v))}" y="${px(bottom + 18)}" text-anchor="${v === 0 ? 'start' : v === 1 ? 'end' : 'middle'}" fill="#555">${v === 0.5 ? 'one half' : String(v)}</text>`);
  }
  scene.groups.forEach((g, i) => {
    const rowTop = top + i * SHARE_ROW;
    const count = `${g.longerAtImpossible} of ${g.n}`;
    // The name gets the line less the count and a gap (6.5 px a character, as for the columns).
    parts.push(`<text x="${px(left)}" y="${px(rowTop + 12)}" fill="#222">${clip(g.label, Math.floor((right - left) / 6.5) - count.length - 2)}</text>`);
    parts.push(`<text x="${px(right)}" y="${px(rowTop + 12)}" text-anchor="end" fill="#555">${count}</text>`);
    if (g.n === 0) return;
    const share = g.longerAtImpossible / g.n;
    const barTop = rowTop + 17, mid = barTop + 7;
    parts.push(`<rect x="${px(x(0))}" y="${px(barTop)}" width="${px(x(share) - x(0))}" height="14" fill="${IMPOSSIBLE_COLOR}" fill-opacity="0.75"><title>${escapeXml(`${g.label}: ${count}`)}</title></rect>`);
    const [lo, hi] = g.ci95;
    parts.push(`<path d="M${px(x(lo))} ${px(mid)}H${px(x(hi))}M${px(x(lo))} ${px(mid - 6)}V${px(mid + 6)}M${px(x(hi))} ${px(mid - 6)}V${px(mid + 6)}" stroke="#222" stroke-width="1.5" fill="none"/>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Test looking (s) against age: each cohort of learners (by experience) a point per condition,
 * mean ± 1 SEM across its learners; under it, what infants did in the study the scene copies
 * (`infants`, the scene file's own words) — set beside, not on the same scale. */
export function agesSvg(results: LookingResults, sceneId: string, infants: readonly string[], layout: ChartLayout = WIDE_LAYOUT): string {
  const scene = sceneOf(results, sceneId);
  const groups = scene.groups.filter((g) => g.kind === 'learned' && g.experience_frames !== null).sort((a, b) => a.experience_frames! - b.experience_frames!);
  // 112 characters of 11-px text in the wide layout's 720 px.
  const notes = infants.flatMap((t) => wrapWords(t, Math.floor((layout.width - 24) / 6.2)));
  const { head, panels, height } = panelGrid(1, scene.title, `Test looking time (s) by age: each age a cohort of learners (mean ± 1 SEM across learners), model “${results.model}”.`, layout, { below: notes.length * 14 + 10 });
  const parts = [...head];
  const p = panels[0]!;
  const left = p.x + 44, right = p.x + p.w - 8, plotTop = p.y + 20, plotBottom = p.y + p.h - 44;
  const top = Math.max(1, ...groups.flatMap((g) => [statTop(g.test.possible), statTop(g.test.impossible)]));
  const y = yAxis(parts, left, right, plotTop, plotBottom, 0, top);
  const x = (i: number): number => left + ((i + 0.5) / Math.max(1, groups.length)) * (right - left);
  for (const [c, color, dx] of [['possible', POSSIBLE_COLOR, -4], ['impossible', IMPOSSIBLE_COLOR, 4]] as const) {
    const pts = groups.map((g, i) => ({ s: g.test[c], x: x(i) + dx })).filter((q) => q.s.n > 0 && Number.isFinite(q.s.mean));
    if (pts.length > 1) parts.push(`<path d="${pts.map((q, k) => `${k === 0 ? 'M' : 'L'}${px(q.x)} ${px(y(q.s.mean))}`).join('')}" fill="none" stroke="${color}" stroke-width="1.8"/>`);
    for (const q of pts) {
      errorBar(parts, q.x, y, q.s);
      parts.push(`<circle cx="${px(q.x)}" cy="${px(y(q.s.mean))}" r="4" fill="${color}"><title>${escapeXml(`${c}: ${shortNumber(q.s.mean)} s, n = ${q.s.n}`)}</title></circle>`);
    }
  }
  groups.forEach((g, i) => {
    parts.push(`<text x="${px(x(i))}" y="${px(plotBottom + 15)}" text-anchor="middle" fill="#222">${clip(g.label.replace(/^learners, /, ''), 18)}</text>`);
    parts.push(`<text x="${px(x(i))}" y="${px(plotBottom + 29)}" text-anchor="middle" fill="#555">${g.longerAtImpossible} of ${g.n} longer at impossible</text>`);
  });
  notes.forEach((line, k) => parts.push(`<text x="12" y="${px(height + 6 + k * 14)}" fill="#333">${escapeXml(line)}</text>`));
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
