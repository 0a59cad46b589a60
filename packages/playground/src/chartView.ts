/**
 * The live chart: @lrkit/plot's SVG of the schedules, with a hover layer (a guide line, a dot per
 * curve and a tooltip with the step and each value) driven by the pointer or the arrow keys.
 *
 * @module
 */
import { colorAt, formatValue, scheduleChart, type LabelledSchedule } from "@lrkit/plot";
import { h } from "./dom.js";
import { stepAt, xOfStep, yScale, type PlotFrame, type Tick } from "./hover.js";

const SVG = "http://www.w3.org/2000/svg";

/** What the chart shows. */
export interface ChartInput {
  readonly schedules: readonly LabelledSchedule[];
  readonly steps: number;
  readonly log: boolean;
}

/** A value with enough digits to tell neighbouring steps apart. */
export function preciseValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const s = Number(v.toPrecision(6));
  return Math.abs(s) !== 0 && (Math.abs(s) < 1e-4 || Math.abs(s) >= 1e6) ? s.toExponential() : String(s);
}

function attr(el: Element | null, name: string): number {
  return Number(el?.getAttribute(name));
}

/**
 * The height of a chart `width` CSS pixels wide: `aspect` × width, between 260 (a phone) and `max`
 * pixels (the desktop height).
 */
export function chartHeight(width: number, aspect: number, max: number): number {
  return Math.round(Math.min(max, Math.max(260, width * aspect)));
}

/**
 * Keeps a chart drawn at its host's content width in CSS pixels: calls `draw(width)` once the host
 * is laid out and whenever its width changes (a resized window, a scrollbar, a panel put in the
 * page) and differs from the width of the SVG in it. One SVG unit is then one CSS pixel, so the
 * chart's text keeps its size at every width: an SVG drawn at a desktop width and scaled down to a
 * phone's has 5 px text.
 *
 * A host taken out of the page (0 pixels wide) is left as it is, and redrawn at its width when it
 * is put back (the Train panel, kept while another tab is shown). The observer is never
 * disconnected: Chromium holds observed elements weakly and keeps an observer alive only while it
 * delivers (blink's resize_observer.cc), so a host replaced for good is collected with it.
 *
 * @param host - the element the chart fills; it takes its width from its container.
 * @param draw - renders the chart into `host`, `width` pixels wide.
 */
export function drawAtWidth(host: HTMLElement, draw: (width: number) => void): void {
  new ResizeObserver(() => {
    const width = host.clientWidth;
    if (width > 0 && width !== attr(host.querySelector("svg"), "width")) draw(width);
  }).observe(host);
}

/** Mounts the chart into `figure` and returns the function that redraws it. */
export function mountChart(figure: HTMLElement, status: HTMLElement): (input: ChartInput) => void {
  const plot = h("div", { class: "chart-svg" });
  const tooltip = h("div", { class: "tooltip", hidden: true, "aria-hidden": "true" });
  figure.append(plot, tooltip);
  let input: ChartInput | undefined;
  let frame: PlotFrame | undefined;
  let y: (v: number) => number | undefined = () => undefined;
  let layer: SVGGElement | undefined;
  let step: number | undefined;

  const show = (t: number | undefined) => {
    step = t;
    if (!input || !frame || !layer || t === undefined) {
      layer?.setAttribute("visibility", "hidden");
      tooltip.hidden = true;
      return;
    }
    const x = xOfStep(t, frame, input.steps);
    layer.setAttribute("visibility", "visible");
    const guide = layer.querySelector("line")!;
    guide.setAttribute("x1", String(x));
    guide.setAttribute("x2", String(x));
    const rows: HTMLElement[] = [h("div", { class: "tip-step" }, `step ${t}`)];
    const dots = layer.querySelectorAll("circle");
    const spoken: string[] = [];
    input.schedules.forEach((s, i) => {
      const v = s.schedule(t);
      const cy = y(v);
      const dot = dots[i]!;
      dot.setAttribute("visibility", cy === undefined ? "hidden" : "visible");
      dot.setAttribute("cx", String(x));
      dot.setAttribute("cy", String(cy ?? 0));
      rows.push(
        h(
          "div",
          { class: "tip-row" },
          h("span", { class: "swatch", style: `background:${colorAt(i)}` }),
          h("span", { class: "tip-label" }, s.label ?? ""),
          h("span", { class: "tip-value", "data-value": String(v) }, preciseValue(v)),
        ),
      );
      spoken.push(`${s.label ?? ""} ${formatValue(v)}`);
    });
    tooltip.replaceChildren(...rows);
    tooltip.hidden = false;
    // Place the tooltip beside the guide, inside the figure.
    const svg = plot.querySelector("svg")!;
    const box = svg.getBoundingClientRect();
    const scale = box.width / attr(svg, "width");
    const px = x * scale + (box.left - figure.getBoundingClientRect().left);
    const right = px + 16 + tooltip.offsetWidth > figure.clientWidth;
    const left = right ? px - 16 - tooltip.offsetWidth : px + 16;
    // On a phone neither side may have room: the tooltip then covers the curve, inside the figure.
    tooltip.style.left = `${Math.max(0, Math.min(left, figure.clientWidth - tooltip.offsetWidth))}px`;
    tooltip.style.top = `${frame.top * scale + 8}px`;
    status.textContent = `step ${t}: ${spoken.join(", ")}`;
  };

  const pointer = (e: PointerEvent) => {
    const svg = plot.querySelector("svg");
    if (!svg || !frame || !input) return;
    const ctm = svg.getScreenCTM();
    if (!ctm) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    if (p.x < frame.left - 8 || p.x > frame.right + 8 || p.y < frame.top - 8 || p.y > frame.bottom + 8) {
      show(undefined);
      return;
    }
    show(stepAt(p.x, frame, input.steps));
  };
  plot.addEventListener("pointermove", pointer);
  plot.addEventListener("pointerdown", pointer);
  plot.addEventListener("pointerleave", () => show(undefined));
  figure.addEventListener("keydown", (e) => {
    if (!input) return;
    const last = input.steps - 1;
    const big = Math.max(1, Math.round(input.steps / 20));
    const moves: Record<string, number> = {
      ArrowRight: (step ?? -1) + 1,
      ArrowLeft: (step ?? 1) - 1,
      PageUp: (step ?? 0) + big,
      PageDown: (step ?? 0) - big,
      Home: 0,
      End: last,
    };
    if (e.key === "Escape") return show(undefined);
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    show(Math.min(Math.max(next, 0), last));
  });
  figure.addEventListener("blur", () => show(undefined));

  const render = (next: ChartInput) => {
    input = next;
    // Drawn at once at the width it has (the tests and the hover read it right after an edit), and
    // again by drawAtWidth when that width changes.
    const width = plot.clientWidth || 720;
    plot.innerHTML = next.schedules.length
      ? scheduleChart(next.schedules, {
          steps: next.steps,
          log: next.log,
          width,
          height: chartHeight(width, 0.56, 400),
        })
      : "";
    const svg = plot.querySelector("svg");
    if (!svg) {
      frame = undefined;
      layer = undefined;
      tooltip.hidden = true;
      return;
    }
    const xAxis = svg.querySelector("line.x-axis");
    const yAxis = svg.querySelector("line.y-axis");
    frame = {
      left: attr(xAxis, "x1"),
      right: attr(xAxis, "x2"),
      bottom: attr(xAxis, "y1"),
      top: attr(yAxis, "y1"),
    };
    const ticks: Tick[] = [...svg.querySelectorAll(".y-ticks .tick-label")].map((t) => ({
      value: attr(t, "data-value"),
      at: attr(t, "y") - 4, // drawAxes writes each label 4 units below its grid line
    }));
    y = yScale(ticks, next.log);
    layer = document.createElementNS(SVG, "g");
    layer.setAttribute("class", "hover-layer");
    layer.setAttribute("pointer-events", "none");
    const guide = document.createElementNS(SVG, "line");
    guide.setAttribute("y1", String(frame.top));
    guide.setAttribute("y2", String(frame.bottom));
    guide.setAttribute("stroke", "#6b7280");
    guide.setAttribute("stroke-width", "1");
    layer.append(guide);
    next.schedules.forEach((_, i) => {
      const dot = document.createElementNS(SVG, "circle");
      dot.setAttribute("r", "4.5");
      dot.setAttribute("fill", "#fff");
      dot.setAttribute("stroke", colorAt(i));
      dot.setAttribute("stroke-width", "2.5");
      layer!.append(dot);
    });
    svg.append(layer);
    show(step !== undefined && step < next.steps ? step : undefined);
  };
  drawAtWidth(plot, () => input && render(input));
  return render;
}
