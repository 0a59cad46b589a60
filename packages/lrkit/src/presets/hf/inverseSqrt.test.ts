import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../../test/expect.js";
import { get_inverse_sqrt_schedule } from "./inverseSqrt.js";

// Expected values: huggingface/transformers src/transformers/optimization.py run in CPython
// (PyTorch 1.13 LambdaLR on SGD): the group's lr after t scheduler steps.
describe("hf.get_inverse_sqrt_schedule", () => {
  it("uses a timescale of 10_000 without warmup", () => {
    const s = get_inverse_sqrt_schedule({ lr: 1.0, num_warmup_steps: 0 });
    expectValues(
      s,
      [1.0, 0.9999500037496877, 0.9950371902099893, 0.7071067811865475, 0.5],
      [0, 1, 100, 10000, 30000],
    );
    expect(s.horizon).toBeUndefined();
  });

  it("rises from 0 over the warmup, then decays as 1 / sqrt((t + timescale - w) / timescale)", () => {
    const s = get_inverse_sqrt_schedule({ lr: 1e-3, num_warmup_steps: 4, timescale: 10 });
    expectValues(
      s,
      [0.0, 0.00025, 0.00075, 0.001, 0.0009534625892455923, 0.0007905694150420947, 0.0003071475584169756],
      [0, 1, 3, 4, 5, 10, 100],
    );
  });

  it("defaults the timescale to num_warmup_steps, also for None", () => {
    const a = get_inverse_sqrt_schedule({ lr: 1, num_warmup_steps: 8 });
    const b = get_inverse_sqrt_schedule({ lr: 1, num_warmup_steps: 8, timescale: null });
    const c = get_inverse_sqrt_schedule({ lr: 1, num_warmup_steps: 8, timescale: 8 });
    for (let t = 0; t < 50; t++) expect([a(t), b(t)]).toEqual([c(t), c(t)]);
  });

  it("rejects a timescale of 0 (HF divides by it)", () => {
    expectThrow(
      () => get_inverse_sqrt_schedule({ lr: 1, num_warmup_steps: 4, timescale: 0 }),
      RangeError,
      "hf.get_inverse_sqrt_schedule: timescale must be a positive number, got 0",
    );
  });
});
