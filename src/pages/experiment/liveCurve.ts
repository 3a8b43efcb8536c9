// The surprise curve under the stage: each observer's surprise over the trial, revealed up to the
// frame on screen while a trial plays; or two recordings' curves overlaid to compare them.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Recording } from '../../experiment/recording';
import { observerColour } from '../../web/observerColours';

interface Line { label: string; colour: string; values: (number | null)[]; dash?: number[] }

export interface LiveCurve {
  /** Shows a recording's curves, hidden after frame `upTo` (all of them when omitted). */
  show(rec: Recording, upTo?: number): void;
  reveal(frame: number): void;
  /** Two recordings on one axis: A solid, B dashed. */
  compare(a: Recording, b: Recording): void;
  /** Series labels and values as plotted (for tests and the accessible table). */
  data(): { labels: string[]; x: number[]; y: (number | null)[][] };
}

const seconds = (rec: Recording): number[] => rec.snapshots.map((s) => s.t);

export function createLiveCurve(host: HTMLElement): LiveCurve {
  let plot: uPlot | null = null;
  let lines: Line[] = [];
  let xs: number[] = [];
  let shownUpTo = Infinity;
  let onsetT: number | null = null;
  const width = (): number => Math.max(260, host.clientWidth || 600);

  const build = (): void => {
    plot?.destroy();
    plot = new uPlot({
      width: width(), height: 170,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { auto: true, range: (_u, lo, hi) => [0, Math.max(1, hi ?? 1, lo ?? 0)] } },
      axes: [{ label: 'time in trial (s)' }, { label: 'surprise', size: 50 }],
      series: [{ label: 't (s)' }, ...lines.map((l) => ({ label: l.label, stroke: l.colour, width: 2, ...(l.dash ? { dash: l.dash } : {}), points: { show: false } }))],
      hooks: {
        draw: [(u: uPlot) => {
          if (onsetT === null) return;
          const x = u.valToPos(onsetT, 'x', true);
          const ctx = u.ctx;
          ctx.save();
          ctx.strokeStyle = '#9a2f12';
          ctx.setLineDash([4, 4]);
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.fillStyle = '#9a2f12';
          ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
          ctx.fillText('onset', x + 4 * devicePixelRatio, u.bbox.top + 12 * devicePixelRatio);
          ctx.restore();
        }],
      },
    }, visible(), host);
  };
  const visible = (): uPlot.AlignedData => [xs, ...lines.map((l) => l.values.map((v, i) => (i <= shownUpTo ? v : null)))] as uPlot.AlignedData;

  new ResizeObserver(() => { if (plot && Math.abs(plot.width - width()) > 4) plot.setSize({ width: width(), height: 170 }); }).observe(host);

  const tracksOf = (rec: Recording, prefix: string, dash?: number[]): Line[] => rec.observers.map((o) => ({
    label: `${prefix}${o.model}`, colour: observerColour(o, rec.observers), values: o.total, ...(dash ? { dash } : {}),
  }));

  return {
    show(rec, upTo) {
      xs = seconds(rec);
      lines = tracksOf(rec, '');
      onsetT = rec.meta.onset_frame === null ? null : rec.meta.onset_frame / 60;
      shownUpTo = upTo ?? Infinity;
      build();
    },
    reveal(frame) {
      shownUpTo = frame;
      plot?.setData(visible(), true);
    },
    compare(a, b) {
      const n = Math.max(a.snapshots.length, b.snapshots.length);
      xs = Array.from({ length: n }, (_, i) => i / 60);
      const pad = (v: (number | null)[]): (number | null)[] => Array.from({ length: n }, (_, i) => v[i] ?? null);
      lines = [...tracksOf(a, 'A: '), ...tracksOf(b, 'B: ', [6, 4])].map((l) => ({ ...l, values: pad(l.values) }));
      onsetT = a.meta.onset_frame === null ? null : a.meta.onset_frame / 60;
      shownUpTo = Infinity;
      build();
    },
    data: () => ({ labels: lines.map((l) => l.label), x: [...xs], y: visible().slice(1).map((c) => [...(c as (number | null)[])]) }),
  };
}
