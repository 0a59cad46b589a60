import { describe, expect, it } from "vitest";
import { stepAt, xOfStep, yScale } from "./hover.js";

const frame = { left: 50, right: 650, top: 20, bottom: 320 };

describe("the chart geometry", () => {
  it("maps x to the nearest step and back, clamped to the steps drawn", () => {
    expect(stepAt(50, frame, 31)).toBe(0);
    expect(stepAt(650, frame, 31)).toBe(30);
    expect(stepAt(xOfStep(17, frame, 31) + 4, frame, 31)).toBe(17);
    expect(stepAt(-100, frame, 31)).toBe(0);
    expect(stepAt(9999, frame, 31)).toBe(30);
    expect(stepAt(400, frame, 1)).toBe(0);
  });

  it("recovers a linear or log y axis from two ticks", () => {
    const linear = yScale(
      [
        { value: 0, at: 320 },
        { value: 0.1, at: 220 },
        { value: 0.3, at: 20 },
      ],
      false,
    );
    expect(linear(0.15)).toBeCloseTo(170, 9);
    const log = yScale(
      [
        { value: 1e-4, at: 320 },
        { value: 1e-1, at: 20 },
      ],
      true,
    );
    expect(log(1e-2)).toBeCloseTo(120, 9);
    expect(log(0)).toBeUndefined();
    expect(yScale([{ value: 1, at: 5 }], false)(1)).toBeUndefined();
  });
});
