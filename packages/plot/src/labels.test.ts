import fc from "fast-check";
import { parseText, fromSpec } from "lrkit";
import { describe, expect, it } from "vitest";
import { lrFinderChart } from "./finderChart.js";
import { keepApart, labelWidth, placeLabels, type Box } from "./labels.js";
import { scheduleChart } from "./scheduleChart.js";
import { all, num, parseSvg } from "./test/svg.js";
import { theme } from "./theme.js";

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** The box a text element of the chart takes, by the same estimate of glyph widths. */
function textBox(
  t: { getAttribute(name: string): string | null; textContent: string | null },
  size: number,
): Box {
  const width = labelWidth(t.textContent ?? "", size);
  const x = Number(t.getAttribute("x"));
  const left = { start: x, middle: x - width / 2, end: x - width }[t.getAttribute("text-anchor") ?? "start"]!;
  const y = Number(t.getAttribute("y"));
  return { left, right: left + width, top: y - size, bottom: y + size * 0.3 };
}

// A range test whose five suggestions fall within two decades, as lrkit's rangeTest gives on a real
// run (docs/finder/lr-finder.json: valley 0.029, minimum 0.031, steepest 0.12, ruleOfThumb 0.16).
const lrs = Array.from({ length: 120 }, (_, i) => 1e-4 * 10 ** (i / 24));
const losses = lrs.map(
  (lr, i) => 2.3 - 0.4 / (1 + (0.05 / lr) ** 2) + 0.02 * Math.sin(i) + (lr > 5 ? lr : 0),
);
const suggestions = { valley: 0.029, steepest: 0.118, slide: 3.96, minimum: 0.031, ruleOfThumb: 0.155 };

describe("placeLabels", () => {
  for (const [width, height] of [
    [320, 260],
    [720, 380],
  ] as const) {
    it(`puts crowded suggestions apart, inside the plot and off the other dots, ${width} px wide`, () => {
      const doc = parseSvg(lrFinderChart({ lrs, losses, suggestions }, { width, height }));
      const xAxis = all(doc, "line", "x-axis")[0]!;
      const frame = {
        left: num(xAxis, "x1"),
        right: num(xAxis, "x2"),
        top: num(all(doc, "line", "y-axis")[0]!, "y1"),
        bottom: num(xAxis, "y1"),
      };
      const labels = all(doc, "text", "point-label").map((t) => textBox(t, theme.valueSize));
      const dots = all(doc, "circle", "point").map((c) => {
        const [x, y] = [num(c, "cx"), num(c, "cy")];
        return { left: x - 5, right: x + 5, top: y - 5, bottom: y + 5 };
      });
      expect(labels).toHaveLength(5);
      labels.forEach((a, i) => {
        expect(a.left).toBeGreaterThanOrEqual(frame.left - 0.01);
        expect(a.right).toBeLessThanOrEqual(frame.right + 0.01);
        expect(a.top).toBeGreaterThanOrEqual(frame.top - 0.01);
        expect(a.bottom).toBeLessThanOrEqual(frame.bottom + 0.01);
        labels.forEach((b, j) => j > i && expect(overlap(a, b), `labels ${i} and ${j}`).toBe(0));
        dots.forEach((d, j) => j !== i && expect(overlap(a, d), `label ${i} on dot ${j}`).toBe(0));
        // Next to its own point: within a few lines of it.
        expect(Math.abs((a.top + a.bottom) / 2 - (dots[i]!.top + 5))).toBeLessThan(80);
      });
    });
  }

  it("keeps every label inside the bounds, whatever the points", () => {
    const point = fc.record({
      x: fc.double({ min: 0, max: 1, noNaN: true }),
      y: fc.double({ min: 0, max: 1, noNaN: true }),
      width: fc.double({ min: 10, max: 150, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 160, max: 900 }),
        fc.integer({ min: 40, max: 400 }),
        (ps, w, h) => {
          const bounds = { left: 40, top: 30, right: 40 + w, bottom: 30 + h };
          const points = ps.map((p) => ({ x: 40 + p.x * w, y: 30 + p.y * h, width: p.width }));
          const placed = placeLabels(points, 11, bounds);
          expect(placed).toHaveLength(points.length);
          placed.forEach(({ box, x, anchor }, i) => {
            expect(box.right - box.left).toBeCloseTo(points[i]!.width, 9);
            expect(box.left).toBeGreaterThanOrEqual(bounds.left - 1e-9);
            expect(box.right).toBeLessThanOrEqual(bounds.right + 1e-9);
            expect(box.top).toBeGreaterThanOrEqual(bounds.top - 1e-9);
            expect(box.bottom).toBeLessThanOrEqual(bounds.bottom + 1e-9);
            expect(x).toBeCloseTo(
              { start: box.left, middle: (box.left + box.right) / 2, end: box.right }[anchor],
              9,
            );
          });
        },
      ),
    );
  });
});

describe("keepApart", () => {
  const at = (left: number) => ({ left, right: left + 15, top: 0, bottom: 12 });

  it("keeps, left to right, the labels that meet no label kept before them and no obstacle", () => {
    expect(keepApart([at(0), at(10), at(20), undefined, at(38), at(39)], 3)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(keepApart([at(40), at(0)], 3)).toEqual([true, true]);
    expect(keepApart([at(10), at(0)], 3)).toEqual([false, true]);
    expect(keepApart([at(0), at(30)], 3, [{ left: 20, right: 40, top: 10, bottom: 20 }])).toEqual([
      true,
      false,
    ]);
    expect(keepApart([at(0), at(30)], 3, [{ left: 20, right: 40, top: 13, bottom: 20 }])).toEqual([
      true,
      true,
    ]);
  });

  it("thins the milestone labels of a dense schedule on a narrow chart, off the values written on the curve", () => {
    const schedule = fromSpec(parseText("step(lr=0.1, stepSize=15, gamma=0.7)").spec);
    const milestones = (width: number) => {
      const doc = parseSvg(scheduleChart(schedule, { steps: 200, width, height: 260 }));
      const boxes = all(doc, "text", "milestone-label").map((t) => textBox(t, theme.tickSize - 1));
      const values = all(doc, "text", "value-label").map((t) => textBox(t, theme.valueSize));
      boxes.forEach((b, i) => {
        if (i > 0) expect(b.left).toBeGreaterThan(boxes[i - 1]!.right);
        values.forEach((v) => expect(overlap(b, v)).toBe(0));
      });
      return { lines: all(doc, "line", "milestone").length, labels: boxes.length };
    };
    expect(milestones(1400)).toEqual({ lines: 13, labels: 13 });
    const narrow = milestones(320);
    expect(narrow.lines).toBe(13);
    expect(narrow.labels).toBeGreaterThanOrEqual(4);
    expect(narrow.labels).toBeLessThan(13);
  });
});
