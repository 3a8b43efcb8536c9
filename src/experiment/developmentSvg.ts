// Draws the developmental curve as a standalone SVG: pairwise accuracy vs experience, one line per concept
// (dots filled where the concept is passed on every scene; whiskers: the concept's 95% interval).
import { PASS_ACCURACY, type ConceptResult } from './development';

import { escapeXml } from './studyChartsKit';

/** Colour-blind-safe palette (Okabe–Ito, then two greys). */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#000000', '#F0E442', '#777777', '#BBBBBB'];

const shortFrames = (n: number): string => (n === 0 ? '0' : n >= 1000 ? `${Number((n / 1000).toPrecision(3))}k` : String(n));

export function developmentSvg(results: readonly ConceptResult[], title = 'Pairwise accuracy per concept vs experience'): string {
  const learned = results.filter((r) => r.experience_frames !== null);
  const concepts = [...new Set(results.map((r) => r.concept))];
  const marks = [...new Set(learned.map((r) => r.experience_frames!))].sort((a, b) => a - b);
  const positive = marks.filter((m) => m > 0);
  const lo = Math.log10(positive[0] ?? 1000) - 0.5;
  const hi = Math.log10(positive[positive.length - 1] ?? 100_000);
  const left = 64, top = 46, plotW = 560, plotH = 300, legendW = 440, bottom = 64;
  const width = left + plotW + 30 + legendW;
  const height = top + plotH + bottom;
  const xOf = (frames: number): number => left + 20 + (plotW - 40) * ((frames > 0 ? Math.log10(frames) : lo) - lo) / Math.max(1e-9, hi - lo);
  const yOf = (acc: number): number => top + plotH * (1 - acc);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${left}" y="24" font-size="15" font-weight="600" fill="#222">${escapeXml(title)}</text>`);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${yOf(tick)}" y2="${yOf(tick)}" stroke="${tick === 0.5 ? '#555' : '#e3e3e3'}"${tick === 0.5 ? ' stroke-dasharray="5 4"' : ''}/>`);
    parts.push(`<text x="${left - 8}" y="${yOf(tick) + 4}" text-anchor="end" fill="#444">${tick.toFixed(2)}</text>`);
  }
  parts.push(`<text x="${left + 4}" y="${yOf(0.5) - 5}" fill="#555">chance</text>`);
  for (const m of marks) {
    const x = xOf(m);
    parts.push(`<line x1="${x}" x2="${x}" y1="${top + plotH}" y2="${top + plotH + 5}" stroke="#444"/>`);
    parts.push(`<text x="${x}" y="${top + plotH + 18}" text-anchor="middle" fill="#444">${shortFrames(m)}</text>`);
  }
  parts.push(`<text x="${left + plotW / 2}" y="${top + plotH + 40}" text-anchor="middle" fill="#222">experience (frames watched, log scale; 0 = newborn; 3,600 frames = 1 minute)</text>`);
  parts.push(`<text transform="translate(18,${top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#222">pairwise accuracy</text>`);
  concepts.forEach((concept, ci) => {
    const color = PALETTE[ci % PALETTE.length]!;
    const dx = (ci - (concepts.length - 1) / 2) * 3; // spread whiskers so they do not hide each other
    const pts = learned.filter((r) => r.concept === concept).sort((a, b) => a.experience_frames! - b.experience_frames!);
    if (pts.length > 0) {
      parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map((r) => `${(xOf(r.experience_frames!) + dx).toFixed(1)},${yOf(r.pairwise_accuracy).toFixed(1)}`).join(' ')}"/>`);
    }
    for (const r of pts) {
      const x = xOf(r.experience_frames!) + dx;
      const [a, b] = r.pairwise_ci95;
      if (Number.isFinite(a) && Number.isFinite(b)) parts.push(`<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${yOf(b).toFixed(1)}" y2="${yOf(a).toFixed(1)}" stroke="${color}" stroke-opacity="0.5"/>`);
      const tip = `${concept}, ${r.model}: ${r.pairwise_accuracy.toFixed(3)} [${a.toFixed(3)}, ${b.toFixed(3)}], ${r.scenes.length} scene${r.scenes.length === 1 ? '' : 's'}, ${r.pairs} pairs (${r.wins} won, ${r.ties} tied, ${r.losses} lost), ${r.passed ? 'passed on every scene' : 'not passed on every scene'}`;
      parts.push(`<circle cx="${x.toFixed(1)}" cy="${yOf(r.pairwise_accuracy).toFixed(1)}" r="3.2" fill="${r.passed ? color : '#ffffff'}" stroke="${color}" stroke-width="1.5"><title>${escapeXml(tip)}</title></circle>`);
    }
    const cv = results.find((r) => r.concept === concept && r.model === 'constant-velocity');
    const go = results.find((r) => r.concept === concept && r.model === 'gravity-only');
    const ly = top + 8 + ci * 22;
    const lx = left + plotW + 30;
    parts.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2"/>`);
    parts.push(`<text x="${lx + 28}" y="${ly + 4}" fill="#222">${escapeXml(concept)}${cv ? ` (constant velocity ${cv.pairwise_accuracy.toFixed(2)}${go ? `, gravity-only ${go.pairwise_accuracy.toFixed(2)}` : ''})` : ''}</text>`);
  });
  const pairs = learned.map((r) => r.pairs);
  const range = pairs.length === 0 ? '' : Math.min(...pairs) === Math.max(...pairs) ? `${pairs[0]}` : `${Math.min(...pairs)}–${Math.max(...pairs)}`;
  const noteY = top + 8 + concepts.length * 22 + 14;
  parts.push(`<text x="${left + plotW + 30}" y="${noteY}" fill="#555">dots: mean of the concept's scene accuracies;</text>`);
  parts.push(`<text x="${left + plotW + 30}" y="${noteY + 18}" fill="#555">filled: every scene passed (≥ ${PASS_ACCURACY}, exact 95% CI above 0.5)</text>`);
  parts.push(`<text x="${left + plotW + 30}" y="${noteY + 36}" fill="#555">bars: 95% interval (bootstrap over scenes, then pairs,</text>`);
  parts.push(`<text x="${left + plotW + 30}" y="${noteY + 54}" fill="#555">joined with the exact interval of all the pairs)</text>`);
  if (range) parts.push(`<text x="${left + plotW + 30}" y="${noteY + 72}" fill="#555">${range} matched pairs per concept</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
