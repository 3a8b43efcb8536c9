// The live surprise chart (uPlot): one line per observer, per physics step, on an arcsinh scale
// (linear near zero, logarithmic above), with the trial's events marked and a playhead at the
// frame on screen. A cohort's line is the mean of its seeds, drawn over a shaded band from the lowest
// to the highest seed. Redrawn a few times a second, or at once when the cursor jumps.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { STEP_S } from '../sim/units';
import { markColour, type Mark } from './chartMarks';
import type { SurpriseSource } from './surpriseSource';

/** Trials longer than this scroll: the chart shows the last WINDOW frames. */
const WINDOW = 600;
const REDRAW_EVERY_MS = 120;

/** How the y axis is spaced: 'log' (arcsinh: linear near zero, logarithmic above) or 'linear'. */
export type ScaleMode = 'log' | 'linear';

/** A colour at a share of its opacity (for the other condition's faint line). */
function faint(colour: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(colour);
  if (!m) return colour;
  const n = parseInt(m[1]!, 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export interface SurpriseChart {
  /** Builds the chart again for the page's current type size (presentation mode on or off). */
  restyle(): void;
  /** Switches the y axis between log-like and linear spacing (redraws). */
  setScale(mode: ScaleMode): void;
  update(source: SurpriseSource, now: number): void;
  /** Lines drawn with at least one value (for tests). */
  lines(): number;
  /** Where the plotting area sits inside the chart (CSS pixels from its left and right edges). */
  inset(): { left: number; right: number } | null;
}

export function createSurpriseChart(host: HTMLElement): SurpriseChart {
  let plot: uPlot | null = null;
  let version = -1;
  let lastDraw = -Infinity;
  let drawnKey = '';
  let marks: Mark[] = [];
  let cursorT = 0;
  let mode: ScaleMode = 'log';
  let withOther = false;
  let yTop = 10;
  // Large type on a projector (presentation mode puts `presenting` on the body).
  const big = (): boolean => document.body.classList.contains('presenting');
  const height = (): number => (big() ? 190 : host.clientWidth < 500 ? 140 : 150);

  const drawOverlay = (u: uPlot): void => {
    const ctx = u.ctx;
    const { top, height: h } = u.bbox;
    const dpr = devicePixelRatio || 1;
    ctx.save();
    const fontPx = big() ? 20 : 11;
    ctx.font = `${Math.round(fontPx * dpr)}px system-ui, sans-serif`;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    // Each label goes on the first row where it does not run into the previous one.
    const rowRight: number[] = [];
    for (const m of marks) {
      const x = Math.round(u.valToPos(m.frame * STEP_S, 'x', true));
      if (x < u.bbox.left - 1 || x > u.bbox.left + u.bbox.width + 1) continue;
      ctx.strokeStyle = markColour(m);
      ctx.lineWidth = dpr * (m.kind === 'magic' ? 2 : 1);
      ctx.setLineDash(m.kind === 'twin' ? [4 * dpr, 3 * dpr] : []);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + h);
      ctx.stroke();
      const w = ctx.measureText(m.label).width;
      let row = rowRight.findIndex((right) => x + 3 * dpr > right + 4 * dpr);
      if (row < 0) row = rowRight.length;
      rowRight[row] = x + 5 * dpr + w;
      const ly = top + 3 * dpr + row * (fontPx + 4) * dpr;
      ctx.fillStyle = 'rgba(255,255,255,0.85)';
      ctx.fillRect(x + 3 * dpr, ly - dpr, w + 4 * dpr, (fontPx + 2) * dpr);
      ctx.fillStyle = markColour(m);
      ctx.fillText(m.label, x + 5 * dpr, ly);
    }
    const px = Math.round(u.valToPos(cursorT, 'x', true));
    ctx.setLineDash([]);
    ctx.strokeStyle = '#1f2933';
    ctx.lineWidth = 1.5 * dpr;
    ctx.beginPath();
    ctx.moveTo(px, top);
    ctx.lineTo(px, top + h);
    ctx.stroke();
    ctx.restore();
  };

  /** Series (by index) drawn with a band, and where their two edges sit among uPlot's series. */
  let banded: number[] = [];
  const build = (source: SurpriseSource): void => {
    plot?.destroy();
    host.replaceChildren();
    banded = source.bandAt ? source.series.flatMap((s, i) => (s.band ? [i] : [])) : [];
    const edgeBase = 1 + source.series.length * (withOther ? 2 : 1);
    const opts: uPlot.Options = {
      width: Math.max(host.clientWidth, 200),
      height: height(),
      legend: { show: false },
      cursor: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: false },
        // One fixed top for both conditions of the scene (it only grows if free play goes higher).
        y: mode === 'log'
          ? { distr: 4, asinh: 1, range: (_u, _min, max) => [0, (yTop = Math.max(yTop, max * 1.15))] }
          : { distr: 1, range: (_u, _min, max) => [0, (yTop = Math.max(yTop, max * 1.15))] },
      },
      axes: [
        { label: 'time (s)', labelSize: big() ? 26 : 18, size: big() ? 48 : 36, stroke: '#5b6673', grid: { stroke: '#eef1f4' }, ticks: { stroke: '#dde2e8' }, font: `${big() ? 20 : 11}px system-ui, sans-serif`, labelFont: `${big() ? 20 : 11}px system-ui, sans-serif` },
        { label: 'surprise', labelSize: big() ? 26 : 18, size: big() ? 64 : 44, stroke: '#5b6673', grid: { stroke: '#eef1f4' }, ticks: { stroke: '#dde2e8' }, font: `${big() ? 20 : 11}px system-ui, sans-serif`, labelFont: `${big() ? 20 : 11}px system-ui, sans-serif`,
          ...(mode === 'log' ? { splits: (u: uPlot) => [0, 1, 10, 100, 1000, 10000, 100000].filter((v) => v <= (u.scales.y?.max ?? 10) && !(v === 1 && (big() || (u.scales.y?.max ?? 10) > 50))) } : {}) },
      ],
      series: [{},
        ...source.series.map((s) => ({ label: s.label, stroke: s.colour, width: 2.5, spanGaps: false, points: { show: false } })),
        ...(withOther ? source.series.map((s) => ({ label: `${s.label} (${source.otherCondition})`, stroke: faint(s.colour, 0.45), width: 1.5, dash: [6, 4], spanGaps: false, points: { show: false } })) : []),
        // Each band's highest and lowest seed: thin faint edges, the space between them shaded.
        ...banded.flatMap((i) => ['highest', 'lowest'].map((edge) => ({ label: `${source.series[i]!.label} (${edge} seed)`, stroke: faint(source.series[i]!.colour, 0.35), width: 1, spanGaps: false, points: { show: false } })))],
      bands: banded.map((i, k) => ({ series: [edgeBase + 2 * k, edgeBase + 2 * k + 1] as [number, number], fill: faint(source.series[i]!.colour, 0.18) })),
      hooks: { draw: [drawOverlay] },
    };
    plot = new uPlot(opts, [[], ...source.series.map(() => []), ...(withOther ? source.series.map(() => []) : []), ...banded.flatMap(() => [[], []])], host);
    version = source.version;
  };

  new ResizeObserver(() => {
    if (plot) plot.setSize({ width: Math.max(host.clientWidth, 200), height: height() });
  }).observe(host);

  let lastSource: SurpriseSource | null = null;
  return {
    restyle() {
      if (lastSource) build(lastSource);
      drawnKey = '';
    },
    setScale(next) {
      if (next === mode) return;
      mode = next;
      if (lastSource) build(lastSource);
      drawnKey = '';
    },
    inset() {
      if (!plot) return null;
      const dpr = devicePixelRatio || 1;
      const left = plot.bbox.left / dpr;
      return { left, right: plot.width - left - plot.bbox.width / dpr };
    },
    lines() {
      if (!plot) return 0;
      return plot.data.slice(1, 1 + (lastSource?.series.length ?? 0)).filter((ys) => (ys as (number | null)[]).some((v) => v !== null && v !== undefined)).length;
    },
    update(source, now) {
      lastSource = source;
      const other = !!source.otherCondition && !!source.otherAt;
      if (source.version !== version || !plot || other !== withOther) {
        withOther = other;
        yTop = Math.max(10, (source.fixedMax ?? 0) * 1.15);
        build(source);
        drawnKey = '';
      }
      const key = `${source.cursor}|${source.head}|${source.first}`;
      if (key === drawnKey) return;
      // While time runs, a few redraws a second are plenty; a jump of the cursor redraws at once.
      if (drawnKey !== '' && source.cursor === source.head && now - lastDraw < REDRAW_EVERY_MS) return;
      drawnKey = key;
      lastDraw = now;
      const long = source.frames > WINDOW * 2;
      const from = long ? Math.max(source.first, source.head - WINDOW) : source.first;
      const to = source.head;
      const xs: number[] = [];
      const ys: (number | null)[][] = source.series.map(() => []);
      const others: (number | null)[][] = withOther ? source.series.map(() => []) : [];
      const edges: (number | null)[][] = banded.flatMap(() => [[], []]);
      // The other condition is known for the whole trial: its faint line runs ahead of the live one.
      const last = withOther ? Math.max(to, source.frames) : to;
      for (let f = from; f <= last; f++) {
        xs.push(f * STEP_S);
        source.series.forEach((_, i) => ys[i]!.push(f <= to ? source.valueAt(i, f) : null));
        others.forEach((o, i) => o.push(source.otherAt!(i, f)));
        banded.forEach((i, k) => {
          const b = f <= to ? source.bandAt!(i, f) : null;
          edges[2 * k]!.push(b ? b[1] : null);
          edges[2 * k + 1]!.push(b ? b[0] : null);
        });
      }
      marks = source.marks();
      cursorT = source.cursor * STEP_S;
      const xMax = long ? Math.max(to, from + WINDOW) * STEP_S : source.frames * STEP_S;
      plot!.batch(() => {
        plot!.setData([xs, ...ys, ...others, ...edges] as uPlot.AlignedData, true);
        plot!.setScale('x', { min: from * STEP_S, max: xMax });
      });
      // For tests and the curious: the y axis's top and how many faint lines carry values.
      host.dataset.yMax = String(plot!.scales.y?.max ?? '');
      host.dataset.otherLines = String(others.filter((o) => o.some((v) => v !== null)).length);
      // And how many bands have a frame where the highest seed is above the lowest.
      host.dataset.bands = String(banded.filter((_, k) => edges[2 * k]!.some((hi, t) => hi !== null && edges[2 * k + 1]![t] !== null && hi > edges[2 * k + 1]![t]!)).length);
      host.dataset.scale = mode;
    },
  };
}
