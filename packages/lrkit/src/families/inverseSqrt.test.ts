import { describe, it } from "vitest";
import { expectThrow, expectValues } from "../test/expect.js";
import { inverseSqrt } from "./inverseSqrt.js";

describe("inverseSqrt", () => {
  it("is d2l's SquareRootScheduler(lr=0.1), lr * (t + 1) ** -0.5", () => {
    // Expected: the chapter's `self.lr * pow(num_update + 1.0, -0.5)`, evaluated in CPython.
    expectValues(
      inverseSqrt({ lr: 0.1 }),
      [0.1, 0.07071067811865477, 0.05, 0.010000000000000002],
      [0, 1, 3, 99],
    );
  });

  it("has value lr / sqrt(2) one timescale later", () => {
    expectValues(inverseSqrt({ lr: 1, timescale: 100 }), [1, Math.SQRT1_2, 0.5], [0, 100, 300]);
  });

  it("rejects a non-positive timescale", () => {
    expectThrow(
      () => inverseSqrt({ lr: 1, timescale: 0 }),
      RangeError,
      "inverseSqrt: timescale must be a positive number, got 0",
    );
  });
});
