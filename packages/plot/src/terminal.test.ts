import fc from "fast-check";
import { cosine, multiStep, sample } from "lrkit";
import { describe, expect, it } from "vitest";
import { stripAnsi, terminalChart, visibleLength } from "./terminal.js";

const series = [
  { label: "warmup cosine", values: Array.from(sample(cosine({ lr: 0.3, steps: 99, minLr: 0.01 }), 100)) },
  {
    label: "multiStep",
    values: Array.from(sample(multiStep({ lr: 0.5, milestones: [30, 60], gamma: 0.5 }), 100)),
  },
];

describe("terminalChart", () => {
  it("fits any width from 30 columns, colours or not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 200 }), fc.boolean(), fc.boolean(), (width, color, log) => {
        const out = terminalChart(series, { width, color, log });
        for (const line of out.split("\n")) expect(visibleLength(line)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  it("overlays every series and writes a legend line per series, and the step range", () => {
    const out = terminalChart(series, { width: 80, height: 10 });
    const lines = out.trimEnd().split("\n");
    expect(lines.slice(-2).map((l) => l.trim())).toEqual(["─── warmup cosine", "─── multiStep"]);
    expect(lines[lines.length - 3]).toMatch(/^\s+0\s+step\s+99$/);
    expect(lines[0]).toMatch(/^\s*0\.5┼/);
    expect(lines.some((l) => /^\s*0\.01┤/.test(l))).toBe(true);
    expect(out).toBe(terminalChart(series, { width: 80, height: 10 }));
  });

  it("labels a log axis in powers of ten, and colours with ANSI only on request", () => {
    const out = terminalChart(series, { width: 60, log: true });
    expect(out).toMatch(/1e-2┤/);
    expect(out).toBe(stripAnsi(out));
    const colored = terminalChart(series, { width: 60, color: true });
    expect(colored).not.toBe(stripAnsi(colored));
    expect(stripAnsi(colored)).toBe(terminalChart(series, { width: 60 })); // colours add escapes only
  });

  it("truncates long legend labels and rejects a width below 30", () => {
    const long = [{ label: "x".repeat(200), values: [1, 2, 3] }];
    for (const line of terminalChart(long, { width: 40 }).split("\n"))
      expect(visibleLength(line)).toBeLessThanOrEqual(40);
    expect(() => terminalChart(series, { width: 20 })).toThrow(
      new RangeError("terminalChart: width must be at least 30 columns, got 20"),
    );
  });
});

describe("terminalChart of many values", () => {
  it("draws 300,000 values (its scale no longer spreads them into Math.min)", () => {
    const chart = stripAnsi(
      terminalChart([{ label: "cosine", values: sample(cosine({ lr: 0.1, steps: 300_000 }), 300_000) }]),
    );
    expect(chart).toContain("0.1");
    expect(chart.split("\n").length).toBeGreaterThan(5);
  });
});
