import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../../test/expect.js";
import { get_cosine_with_hard_restarts_schedule_with_warmup, pyMod1 } from "./cosineWithHardRestarts.js";

// Expected values: huggingface/transformers src/transformers/optimization.py run in CPython
// (PyTorch 1.13 LambdaLR on SGD): the group's lr after t scheduler steps.
describe("hf.get_cosine_with_hard_restarts_schedule_with_warmup", () => {
  it("restarts num_cycles times over the decay and is 0 from num_training_steps on", () => {
    const s = get_cosine_with_hard_restarts_schedule_with_warmup({
      lr: 3e-4,
      num_warmup_steps: 5,
      num_training_steps: 100,
      num_cycles: 3,
    });
    expectValues(
      s,
      [
        0.0, 5.9999999999999995e-5, 0.00023999999999999998, 0.0003, 0.0002992624353817517,
        3.2795591718381975e-7, 0.0002999179886011389, 0.00029868961039904624, 0.00018682282307111987,
        0.00029967204408281613, 0.00029795419551040833, 0.00029478133654160224, 7.375646182482875e-7, 0.0,
        0.0, 0.0,
      ],
      [0, 1, 4, 5, 6, 36, 37, 38, 50, 69, 70, 71, 99, 100, 101, 150],
    );
    expect(s.horizon).toBe(100);
  });

  it("takes Python's % 1.0 for a negative num_cycles: each cycle rises from the floor", () => {
    const s = get_cosine_with_hard_restarts_schedule_with_warmup({
      lr: 1.0,
      num_warmup_steps: 0,
      num_training_steps: 10,
      num_cycles: -1.5,
    });
    expectValues(
      s,
      [
        1.0, 0.054496737905816106, 0.2061073738537635, 0.42178276747988447, 0.6545084971874738,
        0.8535533905932737, 0.9755282581475768, 0.006155829702431115, 0.09549150281252644,
        0.27300475013022685, 0.0, 0.0,
      ],
    );
    expect(pyMod1(-0.25)).toBe(0.75);
    expect(pyMod1(-1e-20)).toBe(1); // CPython: (-1e-20) % 1.0 == 1.0
    expect(pyMod1(2.5)).toBe(0.5);
    expect(Object.is(pyMod1(-2), 0)).toBe(true);
  });

  it("rejects bad parameters, naming the function, the parameter and the value", () => {
    expectThrow(
      () =>
        get_cosine_with_hard_restarts_schedule_with_warmup({
          lr: 1,
          num_warmup_steps: 1,
          num_training_steps: -10,
        }),
      RangeError,
      "hf.get_cosine_with_hard_restarts_schedule_with_warmup: num_training_steps must be a non-negative number, got -10",
    );
  });
});
