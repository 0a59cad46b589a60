import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../../test/expect.js";
import { get_cosine_with_min_lr_schedule_with_warmup } from "./cosineWithMinLr.js";
import { get_cosine_with_min_lr_schedule_with_warmup_lr_rate } from "./cosineWithMinLrRate.js";

// Expected values: huggingface/transformers src/transformers/optimization.py run in CPython
// (PyTorch 1.13 LambdaLR on SGD): the group's lr after t scheduler steps.
const steps = [0, 1, 4, 5, 6, 50, 99, 100, 101, 150];
const base = { lr: 3e-4, num_warmup_steps: 5, num_training_steps: 100 };

describe("hf.get_cosine_with_min_lr_schedule_with_warmup", () => {
  it("falls to min_lr (min_lr / lr as the rate) at num_training_steps, then rises again", () => {
    const s = get_cosine_with_min_lr_schedule_with_warmup({ ...base, min_lr: 1e-5 });
    expectValues(
      s,
      [
        0.0, 5.9999999999999995e-5, 0.00023999999999999998, 0.0003, 0.00029992072231443425,
        0.0001669740050934882, 1.0079277685565724e-5, 1e-5, 1.0079277685565724e-5, 0.0001669740050934882,
        0.0003,
      ],
      [...steps, 195],
    );
  });

  it("falls to min_lr_rate * lr", () => {
    const s = get_cosine_with_min_lr_schedule_with_warmup({ ...base, num_cycles: 0.5, min_lr_rate: 0.1 });
    expectValues(
      s,
      [
        0.0, 5.9999999999999995e-5, 0.00023999999999999998, 0.0003, 0.000299926189741025,
        0.00017614821163876486, 3.0073810258974985e-5, 2.9999999999999997e-5, 3.0073810258974985e-5,
        0.00017614821163876486,
      ],
      steps,
    );
  });

  it("requires exactly one of min_lr and min_lr_rate, as HF does", () => {
    expectThrow(
      () => get_cosine_with_min_lr_schedule_with_warmup(base),
      TypeError,
      "hf.get_cosine_with_min_lr_schedule_with_warmup: min_lr or min_lr_rate is required",
    );
    expectThrow(
      () => get_cosine_with_min_lr_schedule_with_warmup({ ...base, min_lr: 1e-5, min_lr_rate: 0.1 }),
      TypeError,
      "hf.get_cosine_with_min_lr_schedule_with_warmup: min_lr_rate cannot be given together with min_lr, got 0.1",
    );
    expectThrow(
      () => get_cosine_with_min_lr_schedule_with_warmup({ ...base, lr: 0, min_lr: 1e-5 }),
      RangeError,
      "hf.get_cosine_with_min_lr_schedule_with_warmup: lr must be positive to compute min_lr / lr, got 0",
    );
    // None counts as not given, as in HF.
    const s = get_cosine_with_min_lr_schedule_with_warmup({ ...base, min_lr: null, min_lr_rate: 0.1 });
    expect(s(100)).toBeCloseTo(3e-5, 18);
  });
});

describe("hf.get_cosine_with_min_lr_schedule_with_warmup_lr_rate", () => {
  it("warms up as (t + 1) / w and reaches min_lr one step before num_training_steps", () => {
    const s = get_cosine_with_min_lr_schedule_with_warmup_lr_rate({ ...base, min_lr_rate: 0.1 });
    expectValues(
      s,
      [
        5.9999999999999995e-5, 0.00011999999999999999, 0.0003, 0.000299926189741025, 0.0002997048396745345,
        0.000171693806880885, 2.9999999999999997e-5, 3.0073810258974985e-5, 3.0295160325465435e-5,
        0.000180590425990894,
      ],
      steps,
    );
  });

  it("starts the warmup at warmup_lr_rate * lr", () => {
    const s = get_cosine_with_min_lr_schedule_with_warmup_lr_rate({
      ...base,
      min_lr: 1e-5,
      warmup_lr_rate: 0.01,
    });
    expectValues(
      s,
      [
        2.9999999999999997e-6, 7.725e-5, 0.0003, 0.00029992072231443425, 0.0002996829759467223,
        0.0001621896444276172, 1e-5, 1.0079277685565724e-5, 1.0317024053277693e-5, 0.00017174527236058987,
      ],
      steps,
    );
  });

  it("divides the warmup by max(1, w - 1)", () => {
    const s = get_cosine_with_min_lr_schedule_with_warmup_lr_rate({
      lr: 1.0,
      num_warmup_steps: 1,
      num_training_steps: 10,
      min_lr_rate: 0.0,
      warmup_lr_rate: 0.5,
    });
    expectValues(
      s,
      [
        0.5, 0.9698463103929542, 0.883022221559489, 0.75, 0.5868240888334653, 0.41317591116653485,
        0.2500000000000001, 0.11697777844051105, 0.03015368960704584, 0.0, 0.030153689607045786,
        0.116977778440511,
      ],
    );
  });

  it("rejects a negative warmup_lr_rate", () => {
    expectThrow(
      () =>
        get_cosine_with_min_lr_schedule_with_warmup_lr_rate({
          ...base,
          min_lr_rate: 0.1,
          warmup_lr_rate: -1,
        }),
      RangeError,
      "hf.get_cosine_with_min_lr_schedule_with_warmup_lr_rate: warmup_lr_rate must be a non-negative number, got -1",
    );
  });
});
