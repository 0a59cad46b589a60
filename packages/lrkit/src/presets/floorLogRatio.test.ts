import { describe, expect, it } from "vitest";
import { floorLogRatio } from "./floorLogRatio.js";

describe("floorLogRatio", () => {
  it("is CPython's math.floor(math.log(x, base)), glibc's rounding included", () => {
    // Expected: CPython 3.11.7 (glibc) `math.floor(math.log(x, base))`. V8's
    // Math.floor(Math.log(x) / Math.log(base)) gives one more on the first five (5, 10, 13, 20, 27).
    const cases: [number, number, number][] = [
      [243, 3, 4],
      [59049, 3, 9],
      [1594323, 3, 12],
      [3486784401, 3, 19],
      [7625597484987, 3, 26],
      [81, 3, 4],
      [1000, 10, 2],
      [1e15, 10, 14],
      [7.59375, 1.5, 4],
      [2.7, 2.7, 1],
      [1.6, 1.6, 1],
    ];
    for (const [x, base, floor] of cases) expect(floorLogRatio(x, base), `log(${x}, ${base})`).toBe(floor);
  });

  it("gives NaN for a NaN argument", () => {
    expect(floorLogRatio(NaN, 3)).toBeNaN();
  });
});
