import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../../test/expect.js";
import { get_linear_schedule_with_warmup } from "./linear.js";

// Expected values: huggingface/transformers src/transformers/optimization.py run in CPython
// (PyTorch 1.13 LambdaLR on SGD): the group's lr after t scheduler steps.
describe("hf.get_linear_schedule_with_warmup", () => {
  it("rises from 0, falls linearly to 0 at num_training_steps and stays there", () => {
    const s = get_linear_schedule_with_warmup({ lr: 3e-4, num_warmup_steps: 5, num_training_steps: 100 });
    expectValues(
      s,
      [
        0.0, 5.9999999999999995e-5, 0.00023999999999999998, 0.0003, 0.00029684210526315785,
        0.00015789473684210524, 3.1578947368421047e-6, 0.0, 0.0, 0.0,
      ],
      [0, 1, 4, 5, 6, 50, 99, 100, 101, 150],
    );
    expect(s.horizon).toBe(100);
  });

  it("is 0 after the warmup when num_training_steps <= num_warmup_steps, as in HF", () => {
    const s = get_linear_schedule_with_warmup({ lr: 3e-4, num_warmup_steps: 5, num_training_steps: 3 });
    expectValues(
      s,
      [0.0, 0.00011999999999999999, 0.00017999999999999998, 0.00023999999999999998, 0.0, 0.0],
      [0, 2, 3, 4, 5, 6],
    );
  });

  it("keeps full relative precision near the end of long runs (HF divides the steps left)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e7 }), (w, n) => {
        const T = w + n;
        const s = get_linear_schedule_with_warmup({ lr: 1, num_warmup_steps: w, num_training_steps: T });
        expect(s(T - 1)).toBe(1 / n);
      }),
    );
  });

  it("rejects bad parameters, naming the function, the parameter and the value", () => {
    expectThrow(
      () => get_linear_schedule_with_warmup({ lr: 1, num_warmup_steps: -1, num_training_steps: 10 }),
      RangeError,
      "hf.get_linear_schedule_with_warmup: num_warmup_steps must be a non-negative number, got -1",
    );
    expectThrow(
      // @ts-expect-error missing num_training_steps
      () => get_linear_schedule_with_warmup({ lr: 1, num_warmup_steps: 1 }),
      TypeError,
      "hf.get_linear_schedule_with_warmup: num_training_steps is required",
    );
  });
});
