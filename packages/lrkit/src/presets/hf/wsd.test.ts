import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../../test/expect.js";
import { get_wsd_schedule } from "./wsd.js";

// Expected values: huggingface/transformers src/transformers/optimization.py run in CPython
// (PyTorch 1.13 LambdaLR on SGD): the group's lr after t scheduler steps.
describe("hf.get_wsd_schedule", () => {
  it("warms up linearly, holds, decays along a cosine to 0 (defaults), with the stable length derived", () => {
    const s = get_wsd_schedule({
      lr: 1e-3,
      num_warmup_steps: 5,
      num_decay_steps: 20,
      num_training_steps: 100,
    });
    expectValues(
      s,
      [
        0.0, 0.0002, 0.0008, 0.001, 0.001, 0.001, 0.001, 0.0009938441702975688, 0.0005, 6.15582970243117e-6,
        0.0, 0.0,
      ],
      [0, 1, 4, 5, 50, 79, 80, 81, 90, 99, 100, 120],
    );
    expect(s.horizon).toBe(100);
  });

  it("has cosine warmups and 1-sqrt decays between min_lr_ratio and 1", () => {
    const s = get_wsd_schedule({
      lr: 1e-3,
      num_warmup_steps: 10,
      num_decay_steps: 10,
      num_stable_steps: 5,
      warmup_type: "cosine",
      decay_type: "1-sqrt",
      min_lr_ratio: 0.1,
    });
    expectValues(
      s,
      [
        0.0001, 0.00012202456766718093, 0.0005499999999999999, 0.0009779754323328191, 0.001, 0.001, 0.001,
        0.0007153950105848458, 0.00036360389693210714, 0.00014618503175453762, 0.0001, 0.0001,
      ],
      [0, 1, 5, 9, 10, 14, 15, 16, 20, 24, 25, 40],
    );
    expect(s.horizon).toBe(25);
  });

  it("has 1-sqrt warmups and linear decays", () => {
    const s = get_wsd_schedule({
      lr: 2.0,
      num_warmup_steps: 4,
      num_decay_steps: 4,
      num_training_steps: 12,
      warmup_type: "1-sqrt",
      decay_type: "linear",
      min_lr_ratio: 0.05,
    });
    expectValues(
      s,
      [
        0.1, 0.35455173280956664, 0.6564971157455596, 1.05, 2.0, 2.0, 2.0, 2.0, 2.0, 1.525, 1.05, 0.575, 0.1,
        0.1,
      ],
    );
  });

  it("prefers num_stable_steps to num_training_steps and runs num_cycles cosine waves", () => {
    const s = get_wsd_schedule({
      lr: 1.0,
      num_warmup_steps: 2,
      num_decay_steps: 4,
      num_training_steps: 100,
      num_stable_steps: 2,
      num_cycles: 1.0,
    });
    expectValues(s, [0.0, 0.5, 1.0, 1.0, 1.0, 0.5, 0.0, 0.4999999999999999, 0.0, 0.0]);
  });

  it("keeps a negative derived stable length, jumping into the decay, as HF does", () => {
    const s = get_wsd_schedule({ lr: 1.0, num_warmup_steps: 5, num_decay_steps: 8, num_training_steps: 10 });
    expectValues(
      s,
      [
        0.0, 0.2, 0.4, 0.6, 0.8, 0.6913417161825449, 0.5, 0.30865828381745514, 0.14644660940672627,
        0.03806023374435663, 0.0, 0.0,
      ],
    );
  });

  it("rejects what HF rejects, naming the function, the parameter and the value", () => {
    expectThrow(
      () => get_wsd_schedule({ lr: 1, num_warmup_steps: 5, num_decay_steps: 8 }),
      TypeError,
      "hf.get_wsd_schedule: num_training_steps or num_stable_steps is required",
    );
    expectThrow(
      () =>
        get_wsd_schedule({
          lr: 1,
          num_warmup_steps: 5,
          num_decay_steps: 8,
          num_stable_steps: 2,
          // @ts-expect-error an unknown decay type
          decay_type: "exp",
        }),
      RangeError,
      'hf.get_wsd_schedule: decay_type must be one of "linear", "cosine", "1-sqrt", got "exp"',
    );
  });
});

describe("get_wsd_schedule at a NaN step", () => {
  it("gives NaN, not the floor", () => {
    const s = get_wsd_schedule({
      lr: 0.00634,
      num_warmup_steps: 19,
      num_decay_steps: 42,
      num_training_steps: 70,
    });
    expect(s(NaN)).toBeNaN();
  });
});
