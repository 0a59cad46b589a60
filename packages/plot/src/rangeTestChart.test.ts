import { rangeTest, type Learner } from "lrkit";
import { describe, expect, it } from "vitest";
import { lossAt } from "./finderChart.js";
import { formatValue } from "./format.js";
import { rangeTestChart, type RangeTestCurve } from "./rangeTestChart.js";
import { all, num, parseSvg, position } from "./test/svg.js";

// A learner whose loss is a fixed function of the lr with a little alternating noise: a valley
// near 3e-4, divergence past 1e-1.
let call = 0;
const learner: Learner = {
  step: async (lr) => {
    const x = Math.log10(lr);
    const noise = call++ % 2 ? 0.04 : -0.04;
    return 2.3 - 1.5 / (1 + Math.exp(-(x + 3.5) * 3)) + (x > -1 ? (x + 1) ** 2 * 40 : 0) + noise;
  },
  snapshot: async () => null,
  restore: async () => {},
};

const labels = (svg: string) => all(parseSvg(svg), "text", "point-label").map((t) => t.textContent);

describe("rangeTestChart", () => {
  it("draws a rangeTest result: the smoothed loss over the raw one, every suggestion, the recommended one labelled so", async () => {
    const result = await rangeTest(learner, { start: 1e-6, end: 10, iterations: 100 });
    expect(result.recommended).not.toBeNull();
    const svg = rangeTestChart(result, { clipAt: Infinity });
    const doc = parseSvg(svg);
    expect(all(doc, "path", "series").map((p) => p.getAttribute("data-label"))).toEqual([
      "loss (raw)",
      "loss (smoothed)",
    ]);
    const named = Object.entries(result.suggestions).filter((e): e is [string, number] => e[1] !== null);
    expect(named.length).toBeGreaterThan(1);
    expect(labels(svg)).toEqual(
      named.map(
        ([name, lr]) => `${name}${name === result.recommended ? " (recommended)" : ""}: ${formatValue(lr)}`,
      ),
    );
    expect(labels(svg).filter((l) => l!.includes("(recommended)"))).toHaveLength(1);
    // Each dot sits on the smoothed curve, not on the raw one.
    all(doc, "circle", "point").forEach((dot, i) => {
      const lr = named[i]![1];
      expect(num(dot, "cx")).toBeCloseTo(position(doc, "x-ticks", lr, true), 1);
      expect(num(dot, "cy")).toBeCloseTo(
        position(doc, "y-ticks", lossAt(result.lrs, result.smoothed, lr)),
        1,
      );
    });
  });

  it("leaves out the methods that found nothing, and takes a result read back from JSON", () => {
    const lrs = [1e-4, 1e-3, 1e-2, 1e-1];
    const curve: RangeTestCurve = JSON.parse(
      JSON.stringify({
        lrs,
        losses: [2, 1.5, 1, 3],
        smoothed: [2, 1.8, 1.4, 2],
        suggestions: { valley: 1e-3, steep: null, minimum: 1e-3 },
        recommended: "minimum",
      }),
    );
    expect(labels(rangeTestChart(curve))).toEqual(["valley: 0.001", "minimum (recommended): 0.001"]);
    expect(labels(rangeTestChart({ ...curve, recommended: null }))).toEqual([
      "valley: 0.001",
      "minimum: 0.001",
    ]);
  });

  it("rejects curves of different lengths", () => {
    expect(() =>
      rangeTestChart({ lrs: [1, 2], losses: [1, 2], smoothed: [1], suggestions: {}, recommended: null }),
    ).toThrow(
      new RangeError("rangeTestChart: lrs, losses and smoothed must have the same length, got 2, 2 and 1"),
    );
  });
});
