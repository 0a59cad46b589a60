import { describe, expect, it } from "vitest";
import { cosine } from "../families/cosine.js";
import { linear } from "../families/linear.js";
import { expectThrow } from "../test/expect.js";
import { join } from "./join.js";

describe("join", () => {
  it("lets each later part see the step from its own boundary (Optax join_schedules)", () => {
    const ramp = linear({ from: 0, to: 0.3, steps: 5 });
    const cos = cosine({ lr: 0.3, steps: 25, minLr: 0.01 });
    const s = join([ramp, cos], [5]);
    expect(s(7)).toBe(cos(2));
    expect(s(4)).toBe(ramp(4));
    expect(s(5)).toBe(cos(0));
    expect(s.horizon).toBe(30);
    expect(s.spec).toEqual({ type: "join", schedules: [ramp.spec, cos.spec], boundaries: [5] });
  });

  it("rejects a wrong number of boundaries and negative or unsorted ones", () => {
    const c = cosine({ lr: 0.1, steps: 10 });
    expectThrow(
      () => join([c, c], []),
      RangeError,
      "join: boundaries must hold schedules.length - 1 = 1 steps, got []",
    );
    expectThrow(
      () => join([c, c, c], [5, 2]),
      RangeError,
      "join: boundaries must be sorted in increasing order, got [5,2]",
    );
    expectThrow(() => join([c, c], [-1]), RangeError, "join: boundaries[0] must be non-negative, got -1");
    expectThrow(() => join([], []), RangeError, "join: schedules must not be empty, got []");
  });
});
