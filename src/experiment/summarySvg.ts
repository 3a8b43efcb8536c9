// Draws a suite's pairwise accuracy per model (with exact 95% intervals) as a standalone SVG chart.
import type { SuiteResult } from './suite';

import { escapeXml } from './studyChartsKit';

const COLORS: Record<string, string> = { oracle: '#2a9d8f', 'constant-velocity': '#8d99ae', 'gravity-only': '#8a5a44' };
const learnerColor = '#e76f51';

export function summarySvg(results: readonly SuiteResult[]): string {
  const scenes = [...new Set(results.map((r) => r.scene))];
  const models = [...new Set(results.map((r) => r.model))];
  const barW = 26, gap = 8, groupGap = 40, left = 60, top = 62, plotH = 220, bottom = 150;
  const groupW = models.length * (barW + gap);
  // At least wide enough for the title and the note, however few scenes.
  const width = Math.max(880, left + scenes.length * (groupW + groupGap) + 20);
  const height = top + plotH + bottom;
  const y = (acc: number): number => top + plotH * (1 - acc);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${left}" y="22" font-size="15" font-weight="600" fill="#222">Pairwise accuracy: share of matched pairs where the impossible trial is more surprising</text>`);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${left}" x2="${width - 10}" y1="${y(tick)}" y2="${y(tick)}" stroke="${tick === 0.5 ? '#555' : '#ddd'}" stroke-dasharray="${tick === 0.5 ? '5 4' : ''}"/>`);
    parts.push(`<text x="${left - 8}" y="${y(tick) + 4}" text-anchor="end" fill="#444">${tick.toFixed(2)}</text>`);
  }
  parts.push(`<text x="${left}" y="42" fill="#555">ties count half; whiskers: exact 95% interval (Clopper–Pearson; ties as losses below, as wins above)</text>`);
  parts.push(`<text x="${width - 12}" y="${y(0.5) - 5}" text-anchor="end" fill="#555">chance</text>`);
  scenes.forEach((scene, si) => {
    const x0 = left + 10 + si * (groupW + groupGap);
    parts.push(`<text x="${x0 + groupW / 2}" y="${height - 12}" text-anchor="middle" font-weight="600" fill="#222">${escapeXml(scene)}</text>`);
    models.forEach((model, mi) => {
      const r = results.find((q) => q.scene === scene && q.model === model);
      if (!r) return;
      const x = x0 + mi * (barW + gap);
      const color = COLORS[model] ?? learnerColor;
      parts.push(`<rect x="${x}" y="${y(r.pairwise_accuracy)}" width="${barW}" height="${plotH * r.pairwise_accuracy}" fill="${color}"><title>${escapeXml(`${model}: ${r.pairwise_accuracy.toFixed(3)} [${r.pairwise_ci95[0].toFixed(3)}, ${r.pairwise_ci95[1].toFixed(3)}]; ${r.wins} won, ${r.ties} tied, ${r.losses} lost of ${r.pairs}; d_z ${r.d_z === null ? 'undefined' : r.d_z.toFixed(2)}`)}</title></rect>`);
      const [lo, hi] = r.pairwise_ci95;
      if (Number.isFinite(lo) && Number.isFinite(hi)) {
        const cx = x + barW / 2;
        parts.push(`<path d="M${cx} ${y(hi)}V${y(lo)}M${cx - 5} ${y(hi)}H${cx + 5}M${cx - 5} ${y(lo)}H${cx + 5}" stroke="#222" stroke-width="1.5" fill="none"/>`);
      }
      parts.push(`<text transform="translate(${x + barW / 2 + 4},${top + plotH + 8}) rotate(60)" fill="#333">${escapeXml(model)}</text>`);
    });
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
