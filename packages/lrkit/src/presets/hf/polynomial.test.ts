import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../../test/expect.js";
import { get_polynomial_decay_schedule_with_warmup } from "./polynomial.js";

// Expected values: huggingface/transformers src/transformers/optimization.py run in CPython
// (PyTorch 1.13 LambdaLR on SGD): the group's lr after t scheduler steps.
describe("hf.get_polynomial_decay_schedule_with_warmup", () => {
  it("rises from 0, decays as a power to lr_end at num_training_steps and holds it", () => {
    const s = get_polynomial_decay_schedule_with_warmup({
      lr: 3e-4,
      num_warmup_steps: 5,
      num_training_steps: 100,
      lr_end: 1e-5,
      power: 0.5,
    });
    expectValues(
      s,
      [
        0.0, 5.9999999999999995e-5, 0.00023999999999999998, 0.0003, 0.00029846964630980715,
        0.00022038811253190338, 3.975337221046951e-5, 1e-5, 1e-5, 1e-5,
      ],
      [0, 1, 4, 5, 6, 50, 99, 100, 101, 150],
    );
    expect(s.horizon).toBe(100);
  });

  it("defaults to a linear decay to lr_end = 1e-7, multiplied back as lr * (decay / lr)", () => {
    const s = get_polynomial_decay_schedule_with_warmup({
      lr: 0.1,
      num_warmup_steps: 0,
      num_training_steps: 10,
    });
    expectValues(
      s,
      [
        0.1, 0.09000001, 0.08000002, 0.07000003, 0.060000040000000004, 0.05000005, 0.040000060000000004,
        0.030000070000000004, 0.020000079999999996, 0.010000089999999998, 1e-7, 1e-7,
      ],
    );
  });

  it("rejects lr_end >= lr and an empty decay, as HF raises", () => {
    expectThrow(
      () =>
        get_polynomial_decay_schedule_with_warmup({
          lr: 1e-3,
          num_warmup_steps: 0,
          num_training_steps: 10,
          lr_end: 1e-3,
        }),
      RangeError,
      "hf.get_polynomial_decay_schedule_with_warmup: lr_end must be smaller than lr (0.001), got 0.001",
    );
    expectThrow(
      () =>
        get_polynomial_decay_schedule_with_warmup({ lr: 1e-3, num_warmup_steps: 10, num_training_steps: 10 }),
      RangeError,
      "hf.get_polynomial_decay_schedule_with_warmup: num_training_steps must differ from num_warmup_steps (10), got 10",
    );
    expectThrow(
      () =>
        get_polynomial_decay_schedule_with_warmup({
          lr: 1e-3,
          num_warmup_steps: 1,
          num_training_steps: 10,
          power: -1,
        }),
      RangeError,
      "hf.get_polynomial_decay_schedule_with_warmup: power must be a non-negative number, got -1",
    );
  });
});
