// The study's charts as standalone SVG: surprise bars (possible vs impossible) and surprise aligned at onset.
import type { ConditionBars, ConditionStat, SceneStudyResults, StudyResults } from './studyResults';
import { PRIMARY_SCORE } from './suite';
import {
  IMPOSSIBLE_COLOR, POSSIBLE_COLOR, WIDE_LAYOUT, clip, escapeXml, experienceLabel, niceTicks, panelGrid, px, shortNumber, tickLabel, yAxis,
  type ChartLayout, type Panel,
} from './studyChartsKit';

function sceneOf(results: StudyResults, sceneId: string): SceneStudyResults {
  const scene = results.scenes.find((s) => s.sceneId === sceneId);
  if (!scene) throw new Error(`no results for scene "${sceneId}" (the study has ${results.scenes.map((s) => s.sceneId).join(', ')})`);
  return scene;
}

export interface BarPanel { title: string; subtitle: string; bars: ConditionBars; unit: string }

/** The top of a panel's own data (mean + SEM, every trial). */
const panelTop = (panel: BarPanel): number => Math.max(top(panel.bars.possible), top(panel.bars.impossible));

const top = (s: ConditionStat): number => Math.max(
  Number.isFinite(s.mean) ? s.mean + (Number.isFinite(s.sem) ? s.sem : 0) : 0,
  ...s.values.filter(Number.isFinite),
);

/** Two bars (mean ± 1 SEM) with the trials as dots; columns are possible then impossible. */
/** One panel of bars; `scaleTop` is the shared top of the scale (panels of one unit share it, so
 * their bars can be compared by eye). */
export function drawBars(parts: string[], p: Panel, panel: BarPanel, scaleTop: number): void {
  const left = p.x + 44, right = p.x + p.w - 8, plotTop = p.y + 40, plotBottom = p.y + p.h - 44;
  parts.push(`<text x="${px(p.x + p.w / 2)}" y="${px(p.y + 14)}" text-anchor="middle" font-weight="600" fill="#222">${clip(panel.title, Math.floor(p.w / 7))}</text>`);
  parts.push(`<text x="${px(p.x + p.w / 2)}" y="${px(p.y + 28)}" text-anchor="middle" fill="#666">${clip(panel.subtitle, Math.floor(p.w / 6))}</text>`);
  const y = yAxis(parts, left, right, plotTop, plotBottom, 0, scaleTop > 0 ? scaleTop : 1);
  const slot = (right - left) / 2;
  const barW = Math.min(44, slot * 0.55);
  (['possible', 'impossible'] as const).forEach((condition, k) => {
    const s = panel.bars[condition];
    const cx = left + slot * (k + 0.5);
    const color = condition === 'possible' ? POSSIBLE_COLOR : IMPOSSIBLE_COLOR;
    if (s.n > 0 && Number.isFinite(s.mean)) {
      const tip = `${condition}: mean ${shortNumber(s.mean)}${Number.isFinite(s.sem) ? ` ± ${shortNumber(s.sem)} (SEM)` : ''}${panel.unit}, n = ${s.n}`;
      parts.push(`<rect x="${px(cx - barW / 2)}" y="${px(Math.min(y(s.mean), y(0)))}" width="${px(barW)}" height="${px(Math.abs(y(0) - y(s.mean)))}" fill="${color}" fill-opacity="0.75"><title>${escapeXml(tip)}</title></rect>`);
      if (Number.isFinite(s.sem)) {
        const a = y(s.mean + s.sem), b = y(s.mean - s.sem);
        parts.push(`<path d="M${px(cx)} ${px(a)}V${px(b)}M${px(cx - 6)} ${px(a)}H${px(cx + 6)}M${px(cx - 6)} ${px(b)}H${px(cx + 6)}" stroke="#222" stroke-width="1.5" fill="none"/>`);
      }
      // Trials as dots, spread sideways by their order (no randomness: the chart is reproducible).
      s.values.forEach((v, i) => {
        if (!Number.isFinite(v)) return;
        const dx = ((i % 7) - 3) * (barW / 9);
        parts.push(`<circle cx="${px(cx + dx)}" cy="${px(y(v))}" r="2.6" fill="#ffffff" stroke="#222" stroke-width="1"/>`);
      });
    } else {
      parts.push(`<text x="${px(cx)}" y="${px(plotBottom - 6)}" text-anchor="middle" fill="#999">no trials yet</text>`);
    }
    parts.push(`<text x="${px(cx)}" y="${px(plotBottom + 15)}" text-anchor="middle" fill="${color}" font-weight="600">${condition}</text>`);
    parts.push(`<text x="${px(cx)}" y="${px(plotBottom + 29)}" text-anchor="middle" fill="#555">n = ${s.n}</text>`);
  });
}

/** One panel per model (and one for the person's looking time when there is any): mean primary
 * surprise per condition with ±1 SEM error bars, each test trial a dot. `layout`: how wide, how
 * many panels in a row (default: the wide layout of the files and downloads). */
export function surpriseBarsSvg(results: StudyResults, sceneId: string, layout: ChartLayout = WIDE_LAYOUT): string {
  const scene = sceneOf(results, sceneId);
  const panels: BarPanel[] = scene.models.map((m) => ({ title: m.model, subtitle: experienceLabel(m.kind, m.experience_frames), bars: m.bars, unit: '' }));
  // Every observer's surprise on one scale, so a small bar is a small surprise; looking time (seconds) has its own.
  const surpriseTop = Math.max(0, ...panels.map(panelTop));
  if (scene.looking) panels.push({ title: 'you: looking time (s)', subtitle: 'while the key was held', bars: scene.looking.bars, unit: ' s' });
  const { head, panels: rects } = panelGrid(panels.length, scene.title, `Surprise per test trial (${PRIMARY_SCORE}): mean ± 1 SEM, dots are trials, one scale for every observer. ${scene.finished} of ${scene.planned} trials done.`, layout);
  const parts = [...head];
  panels.forEach((panel, i) => drawBars(parts, rects[i]!, panel, panel.unit === '' ? surpriseTop : panelTop(panel)));
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** A series as path data, broken where it is undefined (null). */
function seriesPath(xs: readonly number[], ys: readonly (number | null)[], x: (s: number) => number, y: (v: number) => number): string {
  let d = '', pen = false;
  xs.forEach((s, i) => {
    const v = ys[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) { pen = false; return; }
    d += `${pen ? 'L' : 'M'}${px(x(s))} ${px(y(v))}`;
    pen = true;
  });
  return d;
}

/** One panel per model: mean surprise against seconds from the violation onset, both conditions,
 * a dashed line at the onset. */
export function alignedCurvesSvg(results: StudyResults, sceneId: string, layout: ChartLayout = WIDE_LAYOUT): string {
  const scene = sceneOf(results, sceneId);
  const { head, panels } = panelGrid(scene.models.length, scene.title, `Mean surprise per frame over test trials, aligned at the violation onset (0 s). ${scene.finished} of ${scene.planned} trials done.`, layout);
  const parts = [...head];
  scene.models.forEach((m, i) => {
    const p = panels[i]!;
    const left = p.x + 44, right = p.x + p.w - 8, plotTop = p.y + 40, plotBottom = p.y + p.h - 44;
    parts.push(`<text x="${px(p.x + p.w / 2)}" y="${px(p.y + 14)}" text-anchor="middle" font-weight="600" fill="#222">${clip(m.model, Math.floor(p.w / 7))}</text>`);
    parts.push(`<text x="${px(p.x + p.w / 2)}" y="${px(p.y + 28)}" text-anchor="middle" fill="#666">${clip(experienceLabel(m.kind, m.experience_frames), Math.floor(p.w / 6))}</text>`);
    const { seconds, possible, impossible } = m.curves;
    const values = [...possible, ...impossible].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const lo = Math.min(0, ...values), hi = Math.max(0, ...values);
    const y = yAxis(parts, left, right, plotTop, plotBottom, lo, hi > lo ? hi : lo + 1);
    const s0 = seconds[0] ?? -1, s1 = seconds[seconds.length - 1] ?? 1;
    const span = s1 > s0 ? s1 - s0 : 1;
    const x = (s: number): number => left + ((s - s0) / span) * (right - left);
    const xt = niceTicks(s0, s0 + span, 4);
    for (const t of xt.ticks) {
      if (t < s0 - 1e-9 || t > s0 + span + 1e-9) continue;
      parts.push(`<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${px(plotBottom)}" y2="${px(plotBottom + 4)}" stroke="#888"/>`);
      parts.push(`<text x="${px(x(t))}" y="${px(plotBottom + 15)}" text-anchor="middle" fill="#555">${tickLabel(t, xt.step)}</text>`);
    }
    parts.push(`<text x="${px((left + right) / 2)}" y="${px(plotBottom + 30)}" text-anchor="middle" fill="#555">seconds from onset</text>`);
    if (values.length === 0) {
      parts.push(`<text x="${px((left + right) / 2)}" y="${px((plotTop + plotBottom) / 2)}" text-anchor="middle" fill="#999">no trials yet</text>`);
      return;
    }
    if (0 >= s0 && 0 <= s0 + span) {
      parts.push(`<line x1="${px(x(0))}" x2="${px(x(0))}" y1="${px(plotTop)}" y2="${px(plotBottom)}" stroke="#444" stroke-dasharray="4 3"/>`);
      parts.push(`<text x="${px(x(0) + 3)}" y="${px(plotTop + 9)}" fill="#444">onset</text>`);
    }
    for (const [series, color] of [[possible, POSSIBLE_COLOR], [impossible, IMPOSSIBLE_COLOR]] as const) {
      const d = seriesPath(seconds, series, x, y);
      if (d) parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.8" stroke-linejoin="round"/>`);
    }
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
