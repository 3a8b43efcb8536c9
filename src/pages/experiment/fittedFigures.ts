// The Experiment screen's result figures drawn for the width each one has (11-px chart text shows at
// 11 CSS px or more, on a phone as on a projector) and drawn again when it changes; downloads keep the wide layout.
import { WIDE_LAYOUT, layoutForWidth, type ChartLayout } from '../../experiment/studyChartsKit';
import { h } from '../../ui/dom';
import { downloadFile, downloadSvgAsPng, svgUrl } from '../../web/downloads';

/** A chart as a function of its layout (studyCharts.ts, lookingCharts.ts). */
export type DrawChart = (layout: ChartLayout) => string;

export interface FittedFigures {
  /** A figure: the chart as an image, its caption, SVG and PNG buttons (both in the wide layout). */
  figure(draw: DrawChart, caption: string, stem: string, testid: string): HTMLElement;
  /** Draws each figure in the document for its present width, where that changed (or not drawn yet). */
  fit(): void;
  /** Forgets every figure (before the results are built again) and frees their images. */
  clear(): void;
}

interface Drawn { img: HTMLImageElement; draw: DrawChart; width: number; url: string | null }

/** The img's border (1 px each side, screen.css `.figure img`): the chart gets the width inside it. */
const BORDERS = 2;

/** `host`: the element holding the figures; its size changes (a window resized, a panel opened)
 * redraw them, the results themselves are not computed again. */
export function fittedFigures(host: HTMLElement, button: (text: string, testid: string, action: () => void | Promise<void>) => HTMLButtonElement): FittedFigures {
  let drawn: Drawn[] = [];

  const paint = (d: Drawn): void => {
    const box = d.img.parentElement?.clientWidth ?? 0;
    // Hidden (no width yet): the wide layout, until the observer reports a width.
    const layout = box > BORDERS ? layoutForWidth(box - BORDERS) : WIDE_LAYOUT;
    if (layout.width === d.width) return;
    const url = svgUrl(d.draw(layout));
    if (d.url) URL.revokeObjectURL(d.url);
    d.url = url;
    d.width = layout.width;
    d.img.src = url;
  };

  const fit = (): void => { for (const d of drawn) if (d.img.isConnected) paint(d); };

  // Only a change of width redraws: a figure growing taller must not start a loop.
  let lastWidth = -1;
  new ResizeObserver(() => {
    if (host.clientWidth === lastWidth) return;
    lastWidth = host.clientWidth;
    fit();
  }).observe(host);

  return {
    figure(draw, caption, stem, testid) {
      const img = h('img', { alt: caption });
      drawn.push({ img, draw, width: 0, url: null });
      const wide = `The wide layout (${WIDE_LAYOUT.width} px, as lab study writes it), whatever the width on screen`;
      const svg = button('SVG', `${testid}-svg`, () => downloadFile(`${stem}.svg`, draw(WIDE_LAYOUT), 'image/svg+xml'));
      const png = button('PNG', `${testid}-png`, () => downloadSvgAsPng(draw(WIDE_LAYOUT), `${stem}.png`));
      svg.title = wide;
      png.title = wide;
      return h('figure', { class: 'figure', 'data-testid': testid }, img, h('figcaption', { class: 'small muted' }, h('span', {}, caption), svg, png));
    },
    fit,
    clear() {
      for (const d of drawn) if (d.url) URL.revokeObjectURL(d.url);
      drawn = [];
    },
  };
}
