import { describe, expect, it } from "vitest";
import { cosine } from "../../families/cosine.js";
import { expectThrow, expectValues } from "../../test/expect.js";
import { get_cosine_schedule_with_warmup } from "./cosine.js";

// Expected values: huggingface/transformers src/transformers/optimization.py run in CPython
// (PyTorch 1.13 LambdaLR on SGD): the group's lr after t scheduler steps.
describe("hf.get_cosine_schedule_with_warmup", () => {
  it("rises from 0, falls along a half cosine to 0 at num_training_steps, then rises again", () => {
    const s = get_cosine_schedule_with_warmup({ lr: 3e-4, num_warmup_steps: 5, num_training_steps: 100 });
    expectValues(
      s,
      [
        0.0, 5.9999999999999995e-5, 0.00023999999999999998, 0.0003, 0.0002999179886011389,
        0.00016238690182084986, 8.201139886109264e-8, 0.0, 8.201139886109264e-8, 0.00016238690182084986,
        0.0003, 0.00029795419551040833,
      ],
      [0, 1, 4, 5, 6, 50, 99, 100, 101, 150, 195, 200],
    );
    expect(s.horizon).toBe(100);
  });

  it("runs num_cycles waves over the decay", () => {
    const s = get_cosine_schedule_with_warmup({
      lr: 3e-4,
      num_warmup_steps: 5,
      num_training_steps: 100,
      num_cycles: 1.25,
    });
    expectValues(
      s,
      [
        0.0, 5.9999999999999995e-5, 0.00023999999999999998, 0.0003, 0.00029948767395100045,
        2.442502826062068e-5, 0.00016238690182084992, 0.00015000000000000001, 0.00013761309817915014,
        0.00027557497173937934,
      ],
      [0, 1, 4, 5, 6, 50, 99, 100, 101, 150],
    );
  });

  it("equals the core cosine (periodic) after the warmup with the default num_cycles", () => {
    const s = get_cosine_schedule_with_warmup({ lr: 0.3, num_warmup_steps: 7, num_training_steps: 57 });
    const core = cosine({ lr: 0.3, steps: 50, after: "periodic" });
    for (let t = 7; t < 200; t++) expect(s(t)).toBe(core(t - 7));
  });

  it("rejects bad parameters, naming the function, the parameter and the value", () => {
    expectThrow(
      () =>
        get_cosine_schedule_with_warmup({
          lr: 1,
          num_warmup_steps: 1,
          num_training_steps: 10,
          // @ts-expect-error a string
          num_cycles: "2",
        }),
      TypeError,
      'hf.get_cosine_schedule_with_warmup: num_cycles must be a finite number, got "2"',
    );
  });
});
