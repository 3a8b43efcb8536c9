// A small uPlot line chart over experience (frames): points arrive one by one (or all at once), gaps
// are bridged; two series can bound a shaded band (a cohort's lowest and highest seed).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface LineSeries {
  label: string; colour: string; dash?: number[];
  /** Line width in CSS pixels (2 unless set); 0 hides the line itself (a band's edge). */
  width?: number;
  /** false: left out of the legend (a band's edges, each seed's thin line). */
  legend?: boolean;
  points?: boolean;
}
/** The space between series `upper` and `lower` (indices into the series given to reset) is shaded. */
export interface LineBand { upper: number; lower: number; fill: string }
export interface LineChartOptions { yLabel: string; xLabel?: string; yRange?: [number, number]; height?: number; points?: boolean }

export interface LineChart {
  /** Replaces the series (and clears the data). */
  reset(series: LineSeries[], bands?: LineBand[]): void;
  /** Replaces all the data at once (x ascending; one column per series). */
  replace(x: number[], y: (number | null)[][]): void;
  /** Adds a value of series `k` at experience `x` (other series get no point there). */
  add(x: number, k: number, y: number): void;
  /** x and the series' values, as plotted. */
  data(): { x: number[]; y: (number | null)[][] };
}

export function createLineChart(host: HTMLElement, options: LineChartOptions): LineChart {
  let series: LineSeries[] = [];
  let bands: LineBand[] = [];
  let xs: number[] = [];
  let ys: (number | null)[][] = [];
  let plot: uPlot | null = null;
  let pending = false;
  const width = (): number => Math.max(240, host.clientWidth || 480);

  const build = (): void => {
    plot?.destroy();
    plot = new uPlot({
      width: width(), height: options.height ?? 180,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: options.yRange ? { range: options.yRange } : { auto: true } },
      axes: [
        { label: options.xLabel ?? 'experience (frames)', values: (_u, ticks) => ticks.map((t) => (t >= 1000 ? `${t / 1000}k` : String(t))) },
        { label: options.yLabel, size: 50 },
      ],
      series: [{ label: 'frames' }, ...series.map((s) => ({
        label: s.label, stroke: s.colour, width: s.width ?? 2, spanGaps: true, ...(s.dash ? { dash: s.dash } : {}),
        points: { show: s.points ?? options.points ?? true, size: 5 },
      }))],
      bands: bands.map((b) => ({ series: [b.upper + 1, b.lower + 1] as [number, number], fill: b.fill })),
    }, [xs, ...ys] as uPlot.AlignedData, host);
    // uPlot lists every series in its legend; the band edges and per-seed lines stay out of it.
    const rows = plot.root.querySelectorAll<HTMLElement>('.u-legend .u-series');
    series.forEach((s, k) => { if (s.legend === false && rows[k + 1]) rows[k + 1]!.style.display = 'none'; });
  };

  const redraw = (): void => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      plot?.setData([xs, ...ys] as uPlot.AlignedData);
    });
  };

  new ResizeObserver(() => { if (plot && Math.abs(plot.width - width()) > 4) plot.setSize({ width: width(), height: options.height ?? 180 }); }).observe(host);

  return {
    reset(next, nextBands = []) {
      series = next;
      bands = nextBands;
      xs = [];
      ys = next.map(() => []);
      build();
    },
    add(x, k, y) {
      let i = xs.indexOf(x);
      if (i < 0) {
        i = xs.findIndex((v) => v > x);
        if (i < 0) i = xs.length;
        xs.splice(i, 0, x);
        ys.forEach((col) => col.splice(i, 0, null));
      }
      ys[k]![i] = Number.isFinite(y) ? y : null;
      redraw();
    },
    replace(x, y) {
      xs = [...x];
      ys = series.map((_, k) => [...(y[k] ?? x.map(() => null))]);
      redraw();
    },
    data: () => ({ x: [...xs], y: ys.map((c) => [...c]) }),
  };
}
