// Draws one planning task as an SVG: platform, basket, and for each observer the path it predicted for
// its chosen push (dashed) beside the path the object really took (solid).
import { escapeXml, px } from '../studyChartsKit';
import type { PlanOutcome } from './planAndExecute';
import type { PlanProblem, Point } from './planProblem';

const COLORS: Record<string, string> = { oracle: '#2a9d8f', 'constant-velocity': '#8d99ae', 'gravity-only': '#8a5a44' };
const LEARNER_COLORS = ['#e76f51', '#f4a261', '#264653', '#6a4c93', '#e9c46a'];

export function planPathsSvg(problem: PlanProblem, outcomes: readonly PlanOutcome[], title: string): string {
  const scale = 90;
  const { world } = problem;
  const width = Math.round(world.width * scale);
  const legendH = 22 + outcomes.length * 18;
  const plotH = Math.round(Math.min(world.height, 3) * scale);
  const height = 34 + plotH + legendH;
  const top = 34;
  const sx = (x: number): number => x * scale;
  const sy = (y: number): number => top + plotH - y * scale;
  const learners = outcomes.map((o) => o.observer).filter((m) => !(m in COLORS));
  const color = (m: string): string => COLORS[m] ?? LEARNER_COLORS[learners.indexOf(m) % LEARNER_COLORS.length]!;
  const line = (path: readonly Point[]): string => path.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(sx(p.x))} ${px(sy(p.y))}`).join('');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="10" y="22" font-size="14" font-weight="600" fill="#222">${escapeXml(title)}</text>`,
    `<svg x="0" y="0" width="${width}" height="${top + plotH}" overflow="hidden">`,
  ];
  for (const b of world.bodies) {
    const fill = b.isStatic ? (b.kind === 'wall' ? '#6d597a' : '#c9c9c9') : '#f2cc8f';
    const w = b.kind === 'ball' ? b.radius * 2 : b.width;
    const h = b.kind === 'ball' ? b.radius * 2 : b.height;
    const shape = b.kind === 'ball'
      ? `<circle cx="${px(sx(b.x))}" cy="${px(sy(b.y))}" r="${px(b.radius * scale)}"`
      : `<rect x="${px(sx(b.x - w / 2))}" y="${px(sy(b.y + h / 2))}" width="${px(w * scale)}" height="${px(h * scale)}"`;
    parts.push(`${shape} fill="${fill}" stroke="#555" stroke-width="0.8"><title>${escapeXml(b.id)}</title></${b.kind === 'ball' ? 'circle' : 'rect'}>`);
  }
  const { zone } = problem;
  parts.push(`<rect x="${px(sx(zone.xMin))}" y="${px(sy(zone.y + zone.height))}" width="${px((zone.xMax - zone.xMin) * scale)}" height="${px(zone.height * scale)}" fill="#2a9d8f" fill-opacity="0.15"><title>target zone</title></rect>`);
  for (const o of outcomes) {
    const c = color(o.observer);
    parts.push(`<path d="${line(o.realPath)}" stroke="${c}" stroke-width="2" fill="none"/>`);
    parts.push(`<path d="${line(o.predictedPath)}" stroke="${c}" stroke-width="2" stroke-dasharray="6 4" fill="none" opacity="0.9"/>`);
  }
  parts.push('</svg>');
  const ly = top + plotH + 18;
  parts.push(`<text x="10" y="${ly}" fill="#555">dashed: predicted for the chosen push; solid: what really happened</text>`);
  outcomes.forEach((o, i) => {
    const y = ly + 18 * (i + 1);
    const verdict = o.success ? 'in the basket' : 'missed';
    const push = `push ${o.action.vx.toFixed(2)}, ${o.action.vy.toFixed(2)} m/s`;
    parts.push(`<line x1="10" x2="34" y1="${y - 4}" y2="${y - 4}" stroke="${color(o.observer)}" stroke-width="2"/>`);
    parts.push(`<text x="40" y="${y}" fill="#222">${escapeXml(`${o.observer}: ${push}, ${verdict}`)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
