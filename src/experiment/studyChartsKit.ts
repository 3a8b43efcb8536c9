// Pieces shared by the study's SVG charts: escaping, nice axis ticks, number labels, a grid of panels.
import { groupThousands } from './studySentence';

export const WIDTH = 720;
export const POSSIBLE_COLOR = '#3d7dd8';
export const IMPOSSIBLE_COLOR = '#e4572e';
export const PANEL_HEIGHT = 250;
const HEADER = 64;
const FOOTER = 14;
const MAX_COLUMNS = 4;
/** Narrower panels cut their titles and crowd the condition labels at 11 px. */
const MIN_PANEL_WIDTH = 220;
/** A chart narrower than this has no room for a panel's axis and two bars. */
const MIN_LAYOUT_WIDTH = 280;

/** How wide a chart is drawn (SVG px) and how many panels may sit side by side. */
export interface ChartLayout { width: number; maxColumns: number }

/** The layout of `lab study`'s files and of the downloads: 720 px, up to four panels in a row. */
export const WIDE_LAYOUT: ChartLayout = { width: WIDTH, maxColumns: MAX_COLUMNS };

/** The layout for a box `available` CSS px wide. Narrower than the wide layout: the chart as wide
 * as the box (rounded down to 8 px, so it is redrawn less often while a window is dragged), so its
 * 11-px text shows at 11 px or a little more, with as many columns as fit panels of at least 220 px
 * (one on a phone). From 720 px on: the wide layout itself, shown larger (text above 11 px on a
 * projector, and the figure on screen is the one downloaded). */
export function layoutForWidth(available: number): ChartLayout {
  if (available >= WIDE_LAYOUT.width) return WIDE_LAYOUT;
  const width = Math.max(MIN_LAYOUT_WIDTH, Math.floor(available / 8) * 8);
  return { width, maxColumns: Math.max(1, Math.min(MAX_COLUMNS, Math.floor((width - 20) / MIN_PANEL_WIDTH))) };
}

/** Text and attribute values go through here: model names are user-chosen (e.g. `saved:<b>x</b>`). */
export const escapeXml = (s: string): string => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Cuts a label to `max` characters before escaping (cutting after would split an entity). */
export const clip = (s: string, max: number): string => escapeXml(s.length <= max ? s : `${s.slice(0, Math.max(1, max - 1))}…`);

/** Coordinates with one decimal: enough for a screen, and short. Never NaN in the output. */
export const px = (x: number): string => (Number.isFinite(x) ? String(Math.round(x * 10) / 10) : '0');

/** Ticks at 1, 2 or 5 × 10^k covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, target = 4): { ticks: number[]; step: number; lo: number; hi: number } {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi <= lo) { lo = Number.isFinite(lo) ? lo : 0; hi = lo + 1; }
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let i = 0; start + i * step <= end + step * 1e-9; i++) ticks.push(start + i * step);
  return { ticks, step, lo: start, hi: end };
}

/** A tick label: 0.05, 2.5, 300, 12k, 3M (surprise spans from tenths to millions). */
export function tickLabel(v: number, step: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${Number((v / 1e6).toPrecision(3))}M`;
  if (a >= 1e4) return `${Number((v / 1e3).toPrecision(3))}k`;
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  return v.toFixed(decimals);
}

/** A value for a tooltip or label: three significant digits. */
export const shortNumber = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '–');

export interface Panel { x: number; y: number; w: number; h: number }

/** Words in lines of at most `width` characters (a longer word stays whole on its own line). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A label in at most `maxLines` lines of `width` characters, escaped; what does not fit ends in
 * "…" (never a word cut without one). */
export function fitLines(text: string, width: number, maxLines: number): string[] {
  const lines = wrapWords(text, width);
  if (lines.length === 0) return [''];
  const kept = lines.length <= maxLines ? lines : [...lines.slice(0, maxLines - 1), lines.slice(maxLines - 1).join(' ')];
  return kept.map((line) => clip(line, width));
}

export interface GridOptions {
  /** The possible/impossible key under the subtitle (default on). */
  legend?: boolean;
  /** Room under the panels for lines of text (px). */
  below?: number;
}

/** The chart's frame (white background, title, subtitle, legend) and one panel rectangle per model.
 * A title or subtitle too long for the width goes on more lines (the header grows); `height` is
 * the bottom of the panels and footer, above any room asked for `below`. */
export function panelGrid(count: number, title: string, subtitle: string, layout: ChartLayout = WIDE_LAYOUT, options: GridOptions = {}): { head: string[]; panels: Panel[]; height: number } {
  const width = layout.width;
  // Measured in DejaVu Sans (Chromium's sans-serif on Debian, a wide one): about 8.9 px a character
  // of the 15-px bold title, 5.4–5.8 of 11-px text; 12 px of margin.
  const titleLines = fitLines(title, Math.floor((width - 12) / 9), 2);
  const subtitleLines = fitLines(subtitle, Math.floor((width - 12) / 5.8), 4);
  const extra = 18 * (titleLines.length - 1) + 14 * (subtitleLines.length - 1);
  const cols = Math.max(1, Math.min(layout.maxColumns, MAX_COLUMNS, count));
  const rows = Math.max(1, Math.ceil(count / cols));
  const height = HEADER + extra + rows * PANEL_HEIGHT + FOOTER;
  const total = height + (options.below ?? 0);
  const w = (width - 20) / cols;
  const panels = Array.from({ length: count }, (_, i) => ({ x: 10 + (i % cols) * w, y: HEADER + extra + Math.floor(i / cols) * PANEL_HEIGHT, w, h: PANEL_HEIGHT }));
  const head = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="11">`,
    `<rect width="${width}" height="${total}" fill="#ffffff"/>`,
    ...titleLines.map((line, k) => `<text x="12" y="${22 + 18 * k}" font-size="15" font-weight="600" fill="#222">${line}</text>`),
    ...subtitleLines.map((line, k) => `<text x="12" y="${40 + 18 * (titleLines.length - 1) + 14 * k}" fill="#555">${line}</text>`),
    ...(options.legend === false ? [] : [legend(width - 190, 54 + extra)]),
  ];
  return { head, panels, height };
}

function legend(x: number, y: number): string {
  return [
    `<rect x="${x}" y="${y - 9}" width="12" height="10" fill="${POSSIBLE_COLOR}"/>`,
    `<text x="${x + 16}" y="${y}" fill="#333">possible</text>`,
    `<rect x="${x + 80}" y="${y - 9}" width="12" height="10" fill="${IMPOSSIBLE_COLOR}"/>`,
    `<text x="${x + 96}" y="${y}" fill="#333">impossible</text>`,
  ].join('');
}

/** A y axis with gridlines and tick labels, for a plot area; returns the value → y mapping. */
export function yAxis(parts: string[], left: number, right: number, top: number, bottom: number, lo: number, hi: number): (v: number) => number {
  const t = niceTicks(lo, hi);
  const y = (v: number): number => bottom - ((v - t.lo) / (t.hi - t.lo)) * (bottom - top);
  for (const tick of t.ticks) {
    parts.push(`<line x1="${px(left)}" x2="${px(right)}" y1="${px(y(tick))}" y2="${px(y(tick))}" stroke="${tick === 0 ? '#888' : '#e4e4e4'}"/>`);
    parts.push(`<text x="${px(left - 4)}" y="${px(y(tick) + 4)}" text-anchor="end" fill="#555">${tickLabel(tick, t.step)}</text>`);
  }
  return y;
}

/** How a model's experience is said under its name. */
export function experienceLabel(kind: string | null, frames: number | null): string {
  if (kind === 'oracle') return 'the simulator itself';
  if (kind === 'constant-velocity') return 'baseline: constant velocity';
  if (kind === 'gravity-only') return 'baseline: gravity only';
  if (frames === null) return kind === null ? 'no trials yet' : '';
  return `${groupThousands(frames)} frames of experience`;
}
