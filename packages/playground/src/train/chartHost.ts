/**
 * A chart of the Train panel that fills its host at the host's width, redrawn when that width
 * changes, so that its text keeps its size on a phone (one SVG unit is one CSS pixel).
 *
 * @module
 */
import { chartHeight, drawAtWidth } from "../chartView.js";
import { h } from "../dom.js";

/** Renders an SVG chart of this size. */
export type RenderChart = (size: { width: number; height: number }) => string;

/** A chart's host element, and how to show a chart in it (or none). */
export interface ChartHost {
  readonly element: HTMLElement;
  show(render: RenderChart | undefined): void;
}

/** A chart host with this id; charts are about half as high as wide, at most 360 px. */
export function chartHost(id: string): ChartHost {
  const element = h("div", { id, class: "train-chart" });
  let current: RenderChart | undefined;
  const draw = (width: number) => {
    // The page's class of a drawn chart (its SVG fills the host; the layout tests measure each).
    element.classList.toggle("chart-svg", current !== undefined);
    element.innerHTML = current ? current({ width, height: chartHeight(width, 0.5, 360) }) : "";
  };
  drawAtWidth(element, draw);
  return {
    element,
    show(render) {
      current = render;
      draw(element.clientWidth || 720);
    },
  };
}
