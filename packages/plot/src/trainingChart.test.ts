import { describe, expect, it } from "vitest";
import { dashes } from "./theme.js";
import { trainingChart } from "./trainingChart.js";
import { all, num, parseSvg, position, ticks } from "./test/svg.js";

// d2l's constant-lr run (lr 0.3, 30 epochs) ends at train loss 0.145, train acc 0.944, test acc 0.877.
const curve = (from: number, to: number) =>
  Array.from({ length: 30 }, (_, i) => to + (from - to) * (1 - i / 29) ** 3);
const constant = {
  label: "constant",
  curves: { "train loss": curve(1.2, 0.145), "train acc": curve(0.5, 0.944), "test acc": curve(0.5, 0.877) },
};
const cosine = {
  label: "cosine",
  curves: { "train loss": curve(1.2, 0.159), "train acc": curve(0.5, 0.942), "test acc": curve(0.5, 0.904) },
};

describe("trainingChart", () => {
  it("draws d2l's three curves against epochs 1..n, one colour each, with the legend d2l uses", () => {
    const doc = parseSvg(trainingChart(constant));
    const paths = all(doc, "path", "series");
    expect(paths.map((p) => p.getAttribute("data-label"))).toEqual(["train loss", "train acc", "test acc"]);
    expect(new Set(paths.map((p) => p.getAttribute("stroke"))).size).toBe(3);
    expect(paths.map((p) => p.getAttribute("stroke-dasharray") ?? undefined)).toEqual([
      ...dashes.slice(0, 3),
    ]);
    expect(all(doc, "g", "legend-item").map((g) => all(g, "text")[0]!.textContent)).toEqual([
      "train loss",
      "train acc",
      "test acc",
    ]);
    expect(ticks(doc, "x-ticks")[0]!.value).toBeGreaterThanOrEqual(0);
    expect(ticks(doc, "y-ticks").map((t) => t.value)).toContain(1);
    expect(all(doc, "text", "x-label")[0]!.textContent).toBe("epoch");
  });

  it("writes the last value of each curve at its last epoch", () => {
    const doc = parseSvg(trainingChart(constant));
    const labels = all(doc, "text", "value-label");
    expect(labels.map((t) => t.textContent)).toEqual(["0.145", "0.944", "0.877"]);
    const dots = all(doc, "circle", "value-dot");
    expect(num(dots[0]!, "cx")).toBeCloseTo(position(doc, "x-ticks", 30), 1);
    expect(num(dots[0]!, "cy")).toBeCloseTo(position(doc, "y-ticks", constant.curves["train loss"][29]!), 1);
  });

  it("overlays several runs: a colour per run, a dash per metric, and a legend of both", () => {
    const doc = parseSvg(trainingChart([constant, cosine]));
    const paths = all(doc, "path", "series");
    expect(paths).toHaveLength(6);
    expect(paths.map((p) => p.getAttribute("data-label"))).toEqual([
      "constant: train loss",
      "constant: train acc",
      "constant: test acc",
      "cosine: train loss",
      "cosine: train acc",
      "cosine: test acc",
    ]);
    expect(paths[0]!.getAttribute("stroke")).toBe(paths[2]!.getAttribute("stroke"));
    expect(paths[0]!.getAttribute("stroke")).not.toBe(paths[3]!.getAttribute("stroke"));
    expect(paths[1]!.getAttribute("stroke-dasharray")).toBe(paths[4]!.getAttribute("stroke-dasharray"));
    expect(all(doc, "g", "legend-item").map((g) => all(g, "text")[0]!.textContent)).toEqual([
      "constant",
      "cosine",
      "train loss",
      "train acc",
      "test acc",
    ]);
    expect(all(doc, "desc")[0]!.textContent).toContain(
      "final values: constant: train loss 0.145, constant: train acc 0.944, constant: test acc 0.877, cosine: train loss 0.159",
    );
  });

  it("draws whatever values a run logs, a dash per name the same in every run", () => {
    const a = { label: "a", curves: { loss: [3, 2, 1], val_loss: [3.5, 2.5, 1.5] } };
    const b = { label: "b", curves: { val_loss: [3, 1], loss: [2, 1] } };
    const doc = parseSvg(trainingChart([a, b]));
    const paths = all(doc, "path", "series");
    expect(paths.map((p) => p.getAttribute("data-label"))).toEqual([
      "a: loss",
      "a: val_loss",
      "b: val_loss",
      "b: loss",
    ]);
    expect(paths[1]!.getAttribute("stroke-dasharray")).toBe(paths[2]!.getAttribute("stroke-dasharray"));
    expect(paths[0]!.getAttribute("stroke-dasharray")).toBe(paths[3]!.getAttribute("stroke-dasharray"));
    // Losses above 1 widen the y axis.
    expect(ticks(doc, "y-ticks").at(-1)!.value).toBeGreaterThanOrEqual(3.5);
  });

  it("is deterministic and escapes labels", () => {
    const run = { label: 'lr <0.1> & "cos"', curves: { "test acc": [0.5, 0.7] } };
    expect(trainingChart(run)).toBe(trainingChart(run));
    expect(all(parseSvg(trainingChart([run, constant])), "g", "legend-item")[0]!.textContent).toBe(
      'lr <0.1> & "cos"',
    );
  });
});
