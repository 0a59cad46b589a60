import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../../test/expect.js";
import { get_constant_schedule, get_constant_schedule_with_warmup } from "./constant.js";

// Expected values: huggingface/transformers src/transformers/optimization.py run in CPython
// (PyTorch 1.13 LambdaLR on SGD): the group's lr after t scheduler steps.
describe("hf.get_constant_schedule", () => {
  it("is the optimizer's lr at every step", () => {
    const s = get_constant_schedule({ lr: 0.1 });
    expectValues(s, [0.1, 0.1, 0.1], [0, 1, 1e6]);
    expect(s.horizon).toBe(0);
  });

  it("rejects a negative lr, naming the function", () => {
    expectThrow(
      () => get_constant_schedule({ lr: -1 }),
      RangeError,
      "hf.get_constant_schedule: lr must be a non-negative number, got -1",
    );
  });
});

describe("hf.get_constant_schedule_with_warmup", () => {
  it("rises from 0 over num_warmup_steps, then holds the lr", () => {
    const s = get_constant_schedule_with_warmup({ lr: 0.1, num_warmup_steps: 4 });
    expectValues(s, [0.0, 0.025, 0.1, 0.1], [0, 1, 4, 100]);
    expect(s.horizon).toBe(4);
  });

  it("is the lr from step 0 without warmup", () => {
    expectValues(get_constant_schedule_with_warmup({ lr: 0.1, num_warmup_steps: 0 }), [0.1, 0.1]);
  });

  it("requires num_warmup_steps", () => {
    expectThrow(
      // @ts-expect-error missing num_warmup_steps
      () => get_constant_schedule_with_warmup({ lr: 0.1 }),
      TypeError,
      "hf.get_constant_schedule_with_warmup: num_warmup_steps is required",
    );
  });
});
