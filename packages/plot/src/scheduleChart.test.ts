import { parseSchedule } from "lrkit";
import { describe, expect, it } from "vitest";
import { scheduleChart } from "./scheduleChart.js";
import { all, num, parseSvg, pathPoints, position, ticks } from "./test/svg.js";

const warmupCosine = parseSchedule("warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)");
const multiStep = parseSchedule("multiStep(lr=0.5, milestones=[15, 30], gamma=0.5)");

describe("scheduleChart", () => {
  it("is an accessible SVG: role img, <title> and <desc> referenced by aria-labelledby", () => {
    const doc = parseSvg(scheduleChart(warmupCosine, { steps: 40 }));
    const svg = doc.documentElement!;
    expect(svg.tagName).toBe("svg");
    expect(svg.getAttribute("role")).toBe("img");
    const [titleId, descId] = svg.getAttribute("aria-labelledby")!.split(" ");
    const title = all(doc, "title")[0]!;
    const desc = all(doc, "desc")[0]!;
    expect(title.getAttribute("id")).toBe(titleId);
    expect(desc.getAttribute("id")).toBe(descId);
    expect(title.textContent).toBe("warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)");
    expect(desc.textContent).toBe(
      "Learning rate over 40 steps of the schedule: warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5) starts at 0.05 and ends at 0.01. Milestones at steps 5.",
    );
    expect(all(doc, "text", "x-label")[0]!.textContent).toBe("step");
    expect(all(doc, "text", "y-label")[0]!.textContent).toBe("learning rate");
  });

  it("draws one path per schedule, with d3's ticks on both axes", () => {
    const doc = parseSvg(scheduleChart([warmupCosine, multiStep], { steps: 40 }));
    const paths = all(doc, "path", "series");
    expect(paths.map((p) => p.getAttribute("data-label"))).toEqual([
      "warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)",
      "multiStep(lr=0.5, milestones=[15, 30], gamma=0.5)",
    ]);
    for (const p of paths) expect(pathPoints(p.getAttribute("d")!)).toBe(40);
    expect(new Set(paths.map((p) => p.getAttribute("stroke"))).size).toBe(2);
    expect(ticks(doc, "x-ticks").map((t) => t.label)).toEqual(["0", "5", "10", "15", "20", "25", "30", "35"]);
    expect(ticks(doc, "y-ticks").map((t) => t.label)).toEqual(["0.0", "0.1", "0.2", "0.3", "0.4", "0.5"]);
    expect(all(doc, "g", "legend-item").map((g) => all(g, "text")[0]!.textContent)).toEqual(
      paths.map((p) => p.getAttribute("data-label")),
    );
  });

  it("marks the declared milestones at their steps, and writes the first and last value on each curve", () => {
    const doc = parseSvg(scheduleChart([warmupCosine, multiStep], { steps: 40 }));
    const milestones = all(doc, "line", "milestone");
    expect(milestones.map((m) => Number(m.getAttribute("data-x")))).toEqual([5, 15, 30]);
    for (const m of milestones) {
      expect(num(m, "x1")).toBeCloseTo(position(doc, "x-ticks", Number(m.getAttribute("data-x"))), 1);
    }
    expect(all(doc, "text", "milestone-label").map((t) => t.textContent)).toEqual(["5", "15", "30"]);
    const labels = all(doc, "text", "value-label");
    expect(labels.map((t) => t.textContent)).toEqual(["0.05", "0.01", "0.5", "0.125"]);
    const dots = all(doc, "circle", "value-dot");
    const expected = [
      [0, 0.05],
      [39, 0.01],
      [0, 0.5],
      [39, 0.125],
    ];
    dots.forEach((d, i) => {
      const [step, lr] = expected[i]!;
      expect(num(d, "cx")).toBeCloseTo(position(doc, "x-ticks", step!), 1);
      expect(num(d, "cy")).toBeCloseTo(position(doc, "y-ticks", lr!), 1);
    });
  });

  it("puts the curve through the right pixels: the path's point at step 15 is multiStep's 0.25", () => {
    const doc = parseSvg(scheduleChart(multiStep, { steps: 40 }));
    const d = all(doc, "path", "series")[0]!.getAttribute("d")!;
    const pts = d
      .slice(1)
      .split("L")
      .map((p) => p.split(",").map(Number));
    expect(pts[15]![0]).toBeCloseTo(position(doc, "x-ticks", 15), 1);
    expect(pts[15]![1]).toBeCloseTo(position(doc, "y-ticks", 0.25), 1);
  });

  it("draws a log axis with powers of ten, and the blog's 1e-13 first epoch", () => {
    const s = parseSchedule('join([formula("1e-4 * (1e-9 + t / 30)"), cosine(lr=1e-4, steps=70)], [31])');
    const doc = parseSvg(scheduleChart(s, { steps: 100, log: true }));
    const ys = ticks(doc, "y-ticks");
    for (const t of ys) expect(Math.log10(t.value)).toBeCloseTo(Math.round(Math.log10(t.value)), 9);
    expect(ys[0]!.label).toBe("1e-13");
    expect(all(doc, "text", "value-label")[0]!.textContent).toBe("1e-13");
    const dot = all(doc, "circle", "value-dot")[0]!;
    expect(num(dot, "cy")).toBeCloseTo(position(doc, "y-ticks", 1e-13, true), 1);
  });

  it("is deterministic, and sized by width and height", () => {
    const a = scheduleChart([warmupCosine, multiStep], { steps: 40, width: 800, height: 300 });
    expect(scheduleChart([warmupCosine, multiStep], { steps: 40, width: 800, height: 300 })).toBe(a);
    const svg = parseSvg(a).documentElement!;
    expect([svg.getAttribute("width"), svg.getAttribute("height"), svg.getAttribute("viewBox")]).toEqual([
      "800",
      "300",
      "0 0 800 300",
    ]);
    const other = scheduleChart([warmupCosine, multiStep], { steps: 41 });
    expect(parseSvg(other).documentElement!.getAttribute("aria-labelledby")).not.toBe(
      svg.getAttribute("aria-labelledby"),
    );
  });

  it("keeps a long schedule's path small (a few points per pixel) and its jumps sharp", () => {
    const s = parseSchedule("multiStep(lr=0.1, milestones=[30000, 60000], gamma=0.1)");
    const doc = parseSvg(scheduleChart(s, { steps: 90_000 }));
    const d = all(doc, "path", "series")[0]!.getAttribute("d")!;
    expect(pathPoints(d)).toBeLessThan(4 * 640);
    const ys = new Set(
      d
        .slice(1)
        .split("L")
        .map((p) => p.split(",")[1]),
    );
    expect(ys.size).toBe(3);
  });

  it("rejects a bad step count", () => {
    expect(() => scheduleChart(multiStep, { steps: 0 })).toThrow(
      new RangeError("scheduleChart: steps must be a positive integer, got 0"),
    );
  });
});
