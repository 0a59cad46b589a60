import { describe, expect, it } from "vitest";
import { lossAt, lrFinderChart } from "./finderChart.js";
import { all, num, parseSvg, position, ticks } from "./test/svg.js";

// A synthetic range test: 100 lrs from 1e-6, a valley near 1e-3, divergence at the end.
const lrs = Array.from({ length: 100 }, (_, i) => 1e-6 * 10 ** (i / 16));
const losses = lrs.map(
  (lr, i) => 2.3 - 1.5 / (1 + Math.exp(-(Math.log10(lr) + 3.5) * 3)) + (i > 80 ? (i - 80) ** 2 * 0.02 : 0),
);

describe("lrFinderChart", () => {
  it("draws loss against lr on a log axis labelled in powers of ten", () => {
    const doc = parseSvg(lrFinderChart({ lrs, losses }));
    const xs = ticks(doc, "x-ticks");
    expect(xs.map((t) => t.label)).toEqual(["1e-6", "1e-5", "1e-4", "1e-3", "1e-2", "1e-1", "1e0", "1e1"]);
    expect(all(doc, "text", "x-label")[0]!.textContent).toBe("learning rate (log scale)");
    expect(all(doc, "path", "series")).toHaveLength(1);
  });

  it("marks each named suggestion with a line at its lr, a dot on the curve and a label", () => {
    const suggestions = { valley: 1e-3, steep: 3e-4 };
    const doc = parseSvg(lrFinderChart({ lrs, losses, suggestions }));
    const lines = all(doc, "line", "suggestion");
    expect(lines.map((l) => Number(l.getAttribute("data-x")))).toEqual([1e-3, 3e-4]);
    lines.forEach((l, i) => {
      const lr = [1e-3, 3e-4][i]!;
      expect(num(l, "x1")).toBeCloseTo(position(doc, "x-ticks", lr, true), 1);
    });
    const dots = all(doc, "circle", "point");
    dots.forEach((d, i) => {
      const lr = [1e-3, 3e-4][i]!;
      expect(num(d, "cx")).toBeCloseTo(position(doc, "x-ticks", lr, true), 1);
      expect(num(d, "cy")).toBeCloseTo(position(doc, "y-ticks", lossAt(lrs, losses, lr)), 1);
    });
    expect(all(doc, "text", "point-label").map((t) => t.textContent)).toEqual([
      "valley: 0.001",
      "steep: 0.0003",
    ]);
    expect(all(doc, "desc")[0]!.textContent).toContain("Suggestions: valley 0.001, steep 0.0003.");
    // Same suggestions as a list.
    const listed = lrFinderChart({
      lrs,
      losses,
      suggestions: [
        { name: "valley", lr: 1e-3 },
        { name: "steep", lr: 3e-4 },
      ],
    });
    expect(listed).toBe(lrFinderChart({ lrs, losses, suggestions }));
  });

  it("clips the divergent tail at twice the first loss, or shows it all; log y on request", () => {
    const top = (svg: string) => Math.max(...ticks(parseSvg(svg), "y-ticks").map((t) => t.value));
    expect(top(lrFinderChart({ lrs, losses }))).toBeLessThanOrEqual(5);
    expect(top(lrFinderChart({ lrs, losses }, { clipAt: Infinity }))).toBeGreaterThan(7);
    const logY = parseSvg(lrFinderChart({ lrs, losses }, { logY: true }));
    for (const t of ticks(logY, "y-ticks")) expect(t.value).toBeGreaterThan(0);
  });

  it("interpolates the loss at a suggestion in log-lr, and rejects mismatched arrays", () => {
    expect(lossAt([1e-3, 1e-1], [2, 4], 1e-2)).toBeCloseTo(3, 12);
    expect(lossAt([1e-3, 1e-1], [2, 4], 1e-4)).toBe(2);
    expect(() => lrFinderChart({ lrs: [1, 2], losses: [1] })).toThrow(
      new RangeError("lrFinderChart: lrs and losses must have the same length, got 2 and 1"),
    );
  });

  it("draws the raw losses faintly behind the smoothed ones, with a legend", () => {
    const doc = parseSvg(
      lrFinderChart({ lrs, losses, rawLosses: losses.map((l, i) => l + (i % 2 ? 0.05 : -0.05)) }),
    );
    expect(all(doc, "path", "series").map((p) => p.getAttribute("data-label"))).toEqual([
      "loss (raw)",
      "loss (smoothed)",
    ]);
    expect(all(doc, "g", "legend-item")).toHaveLength(2);
  });
});
