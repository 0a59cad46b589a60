import { describe, expect, it } from "vitest";
import { lineChart } from "./lineChart.js";
import { palette } from "./theme.js";
import { all, num, parseSvg, position } from "./test/svg.js";

describe("lineChart", () => {
  const series = [
    { label: "a < b & c", x: [0, 1, 2, 3], y: [1, 2, NaN, 4] },
    { label: "second", x: [0, 1, 2, 3], y: [4, 3, 2, 1] },
  ];

  it("escapes text, colours series from the palette, and leaves gaps at non-finite values", () => {
    const doc = parseSvg(lineChart(series, { title: "T <1>", xLabel: "x", yLabel: "y" }));
    expect(all(doc, "title")[0]!.textContent).toBe("T <1>");
    expect(all(doc, "text", "title")[0]!.textContent).toBe("T <1>");
    const paths = all(doc, "path", "series");
    expect(paths.map((p) => p.getAttribute("stroke"))).toEqual([palette[0], palette[1]]);
    expect((paths[0]!.getAttribute("d")!.match(/M/g) ?? []).length).toBe(2);
    expect(all(doc, "desc")[0]!.textContent).toBe(
      "Line chart of 2 series. a < b & c: from 1 to 4, between 1 and 4; second: from 4 to 1, between 1 and 4.",
    );
  });

  it("draws markers inside the x range only, with their class and label", () => {
    const doc = parseSvg(
      lineChart(series, {
        markers: [
          { x: 1.5, label: "here", kind: "boundary" },
          { x: 99, label: "outside" },
        ],
      }),
    );
    const lines = all(doc, "line", "boundary");
    expect(lines).toHaveLength(1);
    expect(num(lines[0]!, "x1")).toBeCloseTo(position(doc, "x-ticks", 1.5), 1);
    expect(all(doc, "text", "boundary-label")[0]!.textContent).toBe("here");
    expect(all(doc, "line", "marker")).toHaveLength(0);
  });

  it("has a legend for several series unless told otherwise, and spreads colliding value labels apart", () => {
    expect(all(parseSvg(lineChart(series)), "g", "legend-item")).toHaveLength(2);
    expect(all(parseSvg(lineChart(series, { legend: false })), "g", "legend-item")).toHaveLength(0);
    expect(all(parseSvg(lineChart([series[1]!])), "g", "legend-item")).toHaveLength(0);
    const same = [
      { label: "p", x: [0, 1], y: [1, 1] },
      { label: "q", x: [0, 1], y: [1, 1] },
    ];
    const ys = all(parseSvg(lineChart(same, { valueLabels: true })), "text", "last").map((t) => num(t, "y"));
    expect(Math.abs(ys[0]! - ys[1]!)).toBeGreaterThanOrEqual(13);
  });

  it("draws a step curve as horizontal then vertical segments", () => {
    const d = all(
      parseSvg(lineChart([{ label: "s", x: [0, 1, 2], y: [3, 2, 1] }], { curve: "step" })),
      "path",
      "series",
    )[0]!.getAttribute("d")!;
    expect(d.split(/[ML]/).filter(Boolean)).toHaveLength(5);
  });
});
