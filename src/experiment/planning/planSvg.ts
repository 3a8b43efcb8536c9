// Draws planning success rates per task family and model (95% Wilson intervals, the random-push rate
// dashed) as a standalone SVG chart.
import { escapeXml, px } from '../studyChartsKit';
import type { PlanRate } from './planSuite';

const COLORS: Record<string, string> = { oracle: '#2a9d8f', 'constant-velocity': '#8d99ae', 'gravity-only': '#8a5a44' };
const LEARNER_COLORS = ['#e76f51', '#f4a261', '#264653', '#6a4c93', '#e9c46a'];

export function planSvg(rates: readonly PlanRate[], chance: readonly { family: string; rate: number }[] = []): string {
  const families = [...new Set(rates.map((r) => r.family))];
  const models = [...new Set(rates.map((r) => r.model))];
  const learners = models.filter((m) => !(m in COLORS));
  const color = (m: string): string => COLORS[m] ?? LEARNER_COLORS[learners.indexOf(m) % LEARNER_COLORS.length]!;
  const barW = 26, gap = 8, groupGap = 44, left = 60, top = 48, plotH = 220, bottom = 150;
  const groupW = models.length * (barW + gap);
  const width = Math.max(480, left + families.length * (groupW + groupGap) + 20);
  const height = top + plotH + bottom;
  const y = (v: number): number => top + plotH * (1 - v);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${left}" y="22" font-size="15" font-weight="600" fill="#222">Planning with a world model: tasks solved per family</text>`);
  parts.push(`<text x="${left}" y="38" fill="#555">bars: share of tasks where the planned push put the object in the basket (95% Wilson interval); dashed: a random push</text>`);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${left}" x2="${width - 10}" y1="${px(y(tick))}" y2="${px(y(tick))}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 8}" y="${px(y(tick) + 4)}" text-anchor="end" fill="#444">${tick.toFixed(2)}</text>`);
  }
  families.forEach((family, fi) => {
    const x0 = left + 10 + fi * (groupW + groupGap);
    const mine = rates.filter((r) => r.family === family);
    const n = mine[0]?.tasks ?? 0;
    parts.push(`<text x="${px(x0 + groupW / 2)}" y="${height - 12}" text-anchor="middle" font-weight="600" fill="#222">${escapeXml(`${family} (${n} tasks)`)}</text>`);
    const c = chance.find((q) => q.family === family);
    if (c) {
      parts.push(`<line x1="${px(x0 - 6)}" x2="${px(x0 + groupW - 2)}" y1="${px(y(c.rate))}" y2="${px(y(c.rate))}" stroke="#555" stroke-width="1.5" stroke-dasharray="5 4"><title>${escapeXml(`random push: ${c.rate.toFixed(3)}`)}</title></line>`);
    }
    models.forEach((model, mi) => {
      const r = mine.find((q) => q.model === model);
      if (!r) return;
      const x = x0 + mi * (barW + gap);
      const label = `${model}: ${r.successes}/${r.tasks} = ${r.rate.toFixed(3)} [${r.ci95[0].toFixed(3)}, ${r.ci95[1].toFixed(3)}]`;
      parts.push(`<rect x="${px(x)}" y="${px(y(r.rate))}" width="${barW}" height="${px(plotH * r.rate)}" fill="${color(model)}"><title>${escapeXml(label)}</title></rect>`);
      const cx = x + barW / 2;
      const [lo, hi] = r.ci95;
      parts.push(`<path d="M${px(cx)} ${px(y(hi))}V${px(y(lo))}M${px(cx - 5)} ${px(y(hi))}H${px(cx + 5)}M${px(cx - 5)} ${px(y(lo))}H${px(cx + 5)}" stroke="#222" stroke-width="1.5" fill="none"/>`);
      parts.push(`<text transform="translate(${px(cx + 4)},${top + plotH + 8}) rotate(60)" fill="#333">${escapeXml(model)}</text>`);
    });
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
