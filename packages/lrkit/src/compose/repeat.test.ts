import { describe, expect, it } from "vitest";
import { cosine } from "../families/cosine.js";
import { sgdr } from "../families/sgdr.js";
import { expectThrow, expectValues } from "../test/expect.js";
import { repeat } from "./repeat.js";

describe("repeat", () => {
  it("repeating cosine cycles is SGDR (to rounding, the cycles being stretched)", () => {
    const r = repeat(cosine({ lr: 0.1, steps: 10, minLr: 0.001 }), { period: 10, periodMult: 2 });
    const s = sgdr({ lr: 0.1, period: 10, periodMult: 2, minLr: 0.001 });
    expectValues(
      r,
      Array.from({ length: 150 }, (_, t) => s(t)),
    );
  });

  it("scales cycle i by decay^i and holds the end of the last cycle after the limit", () => {
    const r = repeat(cosine({ lr: 1, steps: 10 }), { period: 10, decay: 0.5, limit: 2 });
    expect([r(0), r(10), r(20), r(100)]).toEqual([1, 0.5, 0, 0]);
    expect(r.horizon).toBe(20);
  });

  it("restarts exactly on integer cycle starts that float64 misses (period 15, periodMult 2.4: 15, 51)", () => {
    const r = repeat(cosine({ lr: 1, steps: 15 }), { period: 15, periodMult: 2.4, decay: 0.5 });
    expect([r(15), r(51)]).toEqual([0.5, 0.25]);
  });

  it("rejects a zero period", () => {
    expectThrow(
      () => repeat(cosine({ lr: 1, steps: 10 }), { period: 0 }),
      RangeError,
      "repeat: period must be a positive number, got 0",
    );
  });
});
