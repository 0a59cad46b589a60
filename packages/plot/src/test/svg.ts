/**
 * Test helpers: parse an SVG string (xmldom) and read positions back from its axes.
 *
 * @module
 */
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

/** Parses `svg`, failing on any XML warning or error. */
export function parseSvg(svg: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(svg, "image/svg+xml");
}

/** Every element with the given tag whose class list contains `cls` (all of them without `cls`). */
export function all(doc: Document | Element, tag: string, cls?: string): Element[] {
  return Array.from(doc.getElementsByTagName(tag)).filter(
    (e) => cls === undefined || (e.getAttribute("class") ?? "").split(/\s+/).includes(cls),
  );
}

/** A numeric attribute. */
export function num(e: Element, name: string): number {
  return Number(e.getAttribute(name));
}

/** The tick labels of an axis group (`x-ticks` or `y-ticks`): value, label and position. */
export function ticks(doc: Document, group: "x-ticks" | "y-ticks") {
  const g = all(doc, "g", group)[0]!;
  return all(g, "text", "tick-label").map((t) => ({
    value: Number(t.getAttribute("data-value")),
    label: t.textContent ?? "",
    x: num(t, "x"),
    y: num(t, "y"),
  }));
}

/**
 * The pixel position of `v` on an axis, interpolated from its first and last tick (linearly, or in
 * log10 for a log axis): the chart's own ticks are the reference.
 */
export function position(doc: Document, group: "x-ticks" | "y-ticks", v: number, log = false): number {
  const ts = ticks(doc, group);
  const a = ts[0]!;
  const b = ts[ts.length - 1]!;
  const f = (u: number) => (log ? Math.log10(u) : u);
  const pa = group === "x-ticks" ? a.x : a.y - 4;
  const pb = group === "x-ticks" ? b.x : b.y - 4;
  return pa + ((f(v) - f(a.value)) / (f(b.value) - f(a.value))) * (pb - pa);
}

/** The number of points in an SVG path (its M and L commands). */
export function pathPoints(d: string): number {
  return (d.match(/[ML]/g) ?? []).length;
}
