// A small uPlot line chart over experience (frames): points arrive one by one, gaps are bridged.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface LineSeries { label: string; colour: string; dash?: number[] }
export interface LineChartOptions { yLabel: string; xLabel?: string; yRange?: [number, number]; height?: number; points?: boolean }

export interface LineChart {
  /** Replaces the series (and clears the data). */
  reset(series: LineSeries[]): void;
  /** Adds a value of series `k` at experience `x` (other series get no point there). */
  add(x: number, k: number, y: number): void;
  /** x and the series' values, as plotted. */
  data(): { x: number[]; y: (number | null)[][] };
}

export function createLineChart(host: HTMLElement, options: LineChartOptions): LineChart {
  let series: LineSeries[] = [];
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
        label: s.label, stroke: s.colour, width: 2, spanGaps: true, ...(s.dash ? { dash: s.dash } : {}),
        points: { show: options.points ?? true, size: 5 },
      }))],
    }, [xs, ...ys] as uPlot.AlignedData, host);
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
    reset(next) {
      series = next;
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
    data: () => ({ x: [...xs], y: ys.map((c) => [...c]) }),
  };
}
