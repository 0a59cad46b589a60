import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSchedule } from "lrkit";
import { scheduleChart, stripAnsi, visibleLength } from "@lrkit/plot";
import { describe, expect, it } from "vitest";
import { runCli } from "../test/runCli.js";

const WARMUP = "warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)";
const MULTI = "multiStep(lr=0.5, milestones=[15, 30], gamma=0.5)";

describe("lrkit plot", () => {
  it("writes the SVG chart of several overlaid specs with --out, as @lrkit/plot draws it", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "lrkit-plot-")), "chart.svg");
    const { code, out, err } = await runCli(["plot", WARMUP, MULTI, "--steps", "40", "--out", file]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toBe(`wrote ${file}: 2 schedules, 40 steps\n`);
    const svg = readFileSync(file, "utf8");
    expect(svg).toBe(scheduleChart([parseSchedule(WARMUP), parseSchedule(MULTI)], { steps: 40, log: false }));
    const log = join(mkdtempSync(join(tmpdir(), "lrkit-plot-")), "log.svg");
    await runCli([
      "plot",
      WARMUP,
      "--log",
      "--out",
      log,
      "--width",
      "800",
      "--height",
      "400",
      "--title",
      "warmup",
    ]);
    expect(readFileSync(log, "utf8")).toBe(
      scheduleChart(parseSchedule(WARMUP), {
        steps: 31,
        log: true,
        width: 800,
        height: 400,
        title: "warmup",
      }),
    );
  });

  it("draws in the terminal without --out, fitting the terminal's width (80 by default)", async () => {
    for (const columns of [undefined, 40, 120]) {
      const { code, out } = await runCli(["plot", WARMUP, MULTI, "--steps", "40"], columns);
      expect(code).toBe(0);
      const lines = out.trimEnd().split("\n");
      for (const line of lines) expect(visibleLength(line)).toBeLessThanOrEqual(columns ?? 80);
      const legend = lines.slice(-2).map((l) => stripAnsi(l).trim());
      [WARMUP, MULTI].forEach((spec, i) => {
        expect(legend[i]!.startsWith("─── ")).toBe(true);
        expect(spec.startsWith(legend[i]!.slice(4).replace(/\.\.\.$/, ""))).toBe(true);
      });
      if (columns !== 40) expect(legend).toEqual([`─── ${WARMUP}`, `─── ${MULTI}`]);
      // Colours only when writing to a terminal (the Io has columns).
      expect(stripAnsi(out) !== out).toBe(columns !== undefined);
    }
  });

  it("reports a bad spec or an unwritable file", async () => {
    const bad = await runCli(["plot", "cosine(lr=0.1, steps=0)"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^lrkit: spec error at \$\.steps/);
    const unwritable = await runCli(["plot", WARMUP, "--out", "/nonexistent/dir/chart.svg"]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toMatch(/^lrkit: cannot write \/nonexistent\/dir\/chart\.svg: ENOENT/);
  });

  it("refuses more values than a chart can be drawn from, with one line naming --steps and the limit", async () => {
    const terminal = await runCli(["plot", WARMUP, MULTI, "--steps", "50001"]);
    expect(terminal).toEqual({
      code: 2,
      out: "",
      err: "lrkit: plot: --steps must be at most 50,000 (for a terminal chart of 2 schedules; --out chart.svg takes 10 times as many), got 50,001\n",
    });
    // The default, the longest horizon + 1, is held to the same limit.
    const long = await runCli(["plot", "cosine(lr=0.1, steps=1000000)"]);
    expect(long.err).toBe(
      "lrkit: plot: --steps (by default the longest horizon + 1) must be at most 100,000 (for a terminal chart; --out chart.svg takes 10 times as many), got 1,000,001\n",
    );
    const svg = await runCli(["plot", WARMUP, "--steps", "1000001", "--out", "/nonexistent/chart.svg"]);
    expect(svg.code).toBe(2);
    expect(svg.err).toBe(
      "lrkit: plot: --steps must be at most 1,000,000 (for an SVG chart), got 1,000,001\n",
    );
    // At the limit, the chart is drawn (a terminal chart of 100,000 steps overflowed the stack at 200,000).
    const atLimit = await runCli(["plot", WARMUP, "--steps", "100000"]);
    expect(atLimit.err).toBe("");
    expect(atLimit.code).toBe(0);
  });

  it("refuses a chart wider or taller than it can be drawn", async () => {
    expect(await runCli(["plot", WARMUP, "--height", "100000000"])).toEqual({
      code: 2,
      out: "",
      err: "lrkit: plot: --height must be at most 1,000 (columns and rows of a terminal chart), got 100,000,000\n",
    });
    const svg = await runCli(["plot", WARMUP, "--width", "20000", "--out", "/nonexistent/chart.svg"]);
    expect(svg.err).toBe(
      "lrkit: plot: --width must be at most 10,000 (pixels of an SVG chart), got 20,000\n",
    );
  });
});
