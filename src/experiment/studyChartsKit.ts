// Pieces shared by the study's SVG charts: escaping, nice axis ticks, number labels, a grid of panels.
import { groupThousands } from './studySentence';

export const WIDTH = 720;
export const POSSIBLE_COLOR = '#3d7dd8';
export const IMPOSSIBLE_COLOR = '#e4572e';
const PANEL_HEIGHT = 250;
const HEADER = 64;
const FOOTER = 14;
const MAX_COLUMNS = 4;

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

/** The chart's frame (white background, title, subtitle, legend) and one panel rectangle per model. */
export function panelGrid(count: number, title: string, subtitle: string): { head: string[]; panels: Panel[]; height: number } {
  const cols = Math.max(1, Math.min(MAX_COLUMNS, count));
  const rows = Math.max(1, Math.ceil(count / cols));
  const height = HEADER + rows * PANEL_HEIGHT + FOOTER;
  const w = (WIDTH - 20) / cols;
  const panels = Array.from({ length: count }, (_, i) => ({ x: 10 + (i % cols) * w, y: HEADER + Math.floor(i / cols) * PANEL_HEIGHT, w, h: PANEL_HEIGHT }));
  const head = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="11">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="22" font-size="15" font-weight="600" fill="#222">${clip(title, 90)}</text>`,
    `<text x="12" y="40" fill="#555">${clip(subtitle, 120)}</text>`,
    legend(WIDTH - 190, 54),
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
