// Draws measured on-track share against (1 − e)^n for each model, as a standalone SVG chart.
import type { DivergenceResult } from './divergence';

const PALETTE = ['#e76f51', '#264653', '#2a9d8f', '#e9c46a', '#8d99ae', '#6a4c93'];
const esc = (s: string): string => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

export function divergenceSvg(results: readonly DivergenceResult[]): string {
  const width = 720, height = 420, left = 60, right = 190, top = 46, bottom = 50;
  const plotW = width - left - right, plotH = height - top - bottom;
  const maxN = Math.max(1, ...results.map((r) => r.onTrack.length - 1));
  const x = (n: number): number => left + (plotW * n) / maxN;
  const y = (v: number): number => top + plotH * (1 - v);
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${left}" y="24" font-size="15" font-weight="600" fill="#222">Share of rollouts still on track (within ${results[0]?.tolerance ?? 0} m) after n steps</text>`];
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#e3e3e3"/>`, `<text x="${left - 8}" y="${y(v) + 4}" text-anchor="end" fill="#444">${v.toFixed(2)}</text>`);
  }
  for (let n = 0; n <= maxN; n += Math.max(1, Math.round(maxN / 6 / 10) * 10)) {
    parts.push(`<text x="${x(n)}" y="${top + plotH + 18}" text-anchor="middle" fill="#444">${n}</text>`);
  }
  parts.push(`<text x="${left + plotW / 2}" y="${height - 12}" text-anchor="middle" fill="#222">steps n (1/60 s each)</text>`);
  results.forEach((r, k) => {
    const color = PALETTE[k % PALETTE.length]!;
    const line = (vals: number[]): string => vals.map((v, n) => `${n === 0 ? 'M' : 'L'}${x(n).toFixed(1)} ${y(v).toFixed(1)}`).join('');
    parts.push(`<path d="${line(r.onTrack)}" stroke="${color}" stroke-width="2.2" fill="none"/>`);
    parts.push(`<path d="${line(r.geometric)}" stroke="${color}" stroke-width="1.4" stroke-dasharray="5 4" fill="none"/>`);
    const ly = top + 8 + k * 34;
    parts.push(`<line x1="${left + plotW + 14}" x2="${left + plotW + 34}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2.2"/>`,
      `<text x="${left + plotW + 40}" y="${ly + 4}" fill="#222">${esc(r.model)}</text>`,
      `<text x="${left + plotW + 40}" y="${ly + 18}" fill="#555">e = ${r.exitRate.toFixed(4)} per step</text>`);
  });
  const noteY = top + 8 + results.length * 34 + 6;
  parts.push(`<line x1="${left + plotW + 14}" x2="${left + plotW + 34}" y1="${noteY}" y2="${noteY}" stroke="#555" stroke-width="1.4" stroke-dasharray="5 4"/>`,
    `<text x="${left + plotW + 40}" y="${noteY + 4}" fill="#555">(1 − e)ⁿ</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
