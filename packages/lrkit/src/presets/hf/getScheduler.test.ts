import { describe, expect, it } from "vitest";
import { fromSpec } from "../../spec/fromSpec.js";
import { SpecError } from "../../spec/specError.js";
import { expectThrow, expectValues } from "../../test/expect.js";
import { expectSame, roundTrip } from "../../test/roundTrip.js";
import { get_cosine_schedule_with_warmup } from "./cosine.js";
import { get_scheduler, type ScheduleName } from "./getScheduler.js";
import { get_wsd_schedule } from "./wsd.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values: huggingface/transformers src/transformers/optimization.py get_scheduler run in
// CPython (PyTorch 1.13 LambdaLR on SGD): the group's lr after t scheduler steps.
describe("hf.get_scheduler", () => {
  it("builds the named schedule, with HF's arguments", () => {
    const s = get_scheduler("cosine", {
      lr: 10.0,
      num_warmup_steps: 2,
      num_training_steps: 10,
      scheduler_specific_kwargs: { num_cycles: 0.5 },
    });
    expectValues(
      s,
      [
        0.0, 5.0, 10.0, 9.619397662556434, 8.535533905932738, 6.913417161825449, 5.0, 3.0865828381745515,
        1.4644660940672627, 0.3806023374435663,
      ],
    );
    expect(s.spec).toEqual({
      type: "hf.get_scheduler",
      name: "cosine",
      lr: 10.0,
      num_warmup_steps: 2,
      num_training_steps: 10,
      scheduler_specific_kwargs: { num_cycles: 0.5 },
    });
    expect(s.horizon).toBe(10);
  });

  it("is the function of TYPE_TO_SCHEDULER_FUNCTION for every name", () => {
    const cases: [ScheduleName, Record<string, unknown>][] = [
      ["linear", {}],
      ["cosine", { num_cycles: 1.5 }],
      ["cosine_with_restarts", { num_cycles: 3 }],
      ["polynomial", { lr_end: 1e-5, power: 2 }],
      ["constant", {}],
      ["constant_with_warmup", {}],
      ["inverse_sqrt", { timescale: 7 }],
      ["cosine_with_min_lr", { min_lr_rate: 0.1 }],
      ["cosine_warmup_with_min_lr", { min_lr: 1e-4, warmup_lr_rate: 0.1 }],
      ["warmup_stable_decay", { num_decay_steps: 20, decay_type: "linear" }],
    ];
    const direct = {
      cosine: get_cosine_schedule_with_warmup({
        lr: 1e-3,
        num_warmup_steps: 5,
        num_training_steps: 100,
        num_cycles: 1.5,
      }),
      warmup_stable_decay: get_wsd_schedule({
        lr: 1e-3,
        num_warmup_steps: 5,
        num_training_steps: 100,
        num_decay_steps: 20,
        decay_type: "linear",
      }),
    };
    for (const [name, kwargs] of cases) {
      const s = get_scheduler(name, {
        lr: 1e-3,
        num_warmup_steps: 5,
        num_training_steps: 100,
        scheduler_specific_kwargs: kwargs as never,
      });
      expect(s.spec.name).toBe(name);
      expectSame(roundTrip(s), s, 120);
      if (name === "cosine" || name === "warmup_stable_decay") {
        for (let t = 0; t < 120; t++) expect(s(t)).toBe(direct[name](t));
      }
    }
  });

  it("ignores the warmup and the kwargs for constant, and the kwargs for constant_with_warmup, as HF", () => {
    const constant = get_scheduler("constant", {
      lr: 0.1,
      num_warmup_steps: 5,
      num_training_steps: 10,
      scheduler_specific_kwargs: { ignored: 1 },
    });
    expectValues(constant, [0.1, 0.1, 0.1], [0, 1, 5]);
    const withWarmup = get_scheduler("constant_with_warmup", {
      lr: 0.1,
      num_warmup_steps: 4,
      scheduler_specific_kwargs: { ignored: 1 },
    });
    expectValues(withWarmup, [0.0, 0.025, 0.1], [0, 1, 4]);
  });

  it("passes the kwargs to inverse_sqrt (timescale) and lets warmup_stable_decay derive its stable phase", () => {
    const isqrt = get_scheduler("inverse_sqrt", {
      lr: 1e-3,
      num_warmup_steps: 4,
      scheduler_specific_kwargs: { timescale: 10 },
    });
    expectValues(
      isqrt,
      [0.0, 0.00025, 0.00075, 0.001, 0.0009534625892455923, 0.0007905694150420947, 0.0003071475584169756],
      [0, 1, 3, 4, 5, 10, 100],
    );
    const wsd = get_scheduler("warmup_stable_decay", {
      lr: 1e-3,
      num_warmup_steps: 5,
      num_training_steps: 100,
      scheduler_specific_kwargs: { num_decay_steps: 20 },
    });
    expectValues(
      wsd,
      [
        0.0, 0.0002, 0.0008, 0.001, 0.001, 0.001, 0.001, 0.0009938441702975688, 0.0005, 6.15582970243117e-6,
        0.0, 0.0,
      ],
      [0, 1, 4, 5, 50, 79, 80, 81, 90, 99, 100, 120],
    );
  });

  it("rejects reduce_lr_on_plateau and greedy with a TypeError that points to lrkit's Scheduler", () => {
    expectThrow(
      // @ts-expect-error not a schedule of the step
      () => get_scheduler("reduce_lr_on_plateau", { lr: 0.1 }),
      TypeError,
      "hf.get_scheduler: name is ReduceLROnPlateau, which follows a metric, not the step: use lrkit's Scheduler " +
        "with { plateau: hf.REDUCE_LR_ON_PLATEAU_DEFAULTS } (HF's defaults, which are PyTorch's), got \"reduce_lr_on_plateau\"",
    );
    expectThrow(
      // @ts-expect-error not a schedule of the step
      () => get_scheduler("greedy", { lr: 0.1 }),
      TypeError,
      /^hf\.get_scheduler: name is GreedyLR/,
    );
    expectThrow(
      () => fromSpec({ type: "hf.get_scheduler", name: "reduce_lr_on_plateau", lr: 0.1 }),
      SpecError,
      /ReduceLROnPlateau/,
    );
  });

  it("rejects what HF rejects, naming get_scheduler, the argument and the value", () => {
    expectThrow(
      // @ts-expect-error an unknown name
      () => get_scheduler("cosine_annealing", { lr: 0.1 }),
      RangeError,
      /^hf\.get_scheduler: name must be one of "linear", "cosine", .*, got "cosine_annealing"$/,
    );
    expectThrow(
      () => get_scheduler("linear", { lr: 0.1, num_training_steps: 10 }),
      TypeError,
      'hf.get_scheduler: num_warmup_steps is required for "linear"',
    );
    expectThrow(
      () => get_scheduler("cosine", { lr: 0.1, num_warmup_steps: 10 }),
      TypeError,
      'hf.get_scheduler: num_training_steps is required for "cosine"',
    );
    expectThrow(
      () =>
        get_scheduler("linear", {
          lr: 0.1,
          num_warmup_steps: 1,
          num_training_steps: 10,
          // @ts-expect-error linear takes no kwargs
          scheduler_specific_kwargs: { num_cycles: 2 },
        }),
      TypeError,
      'hf.get_scheduler: scheduler_specific_kwargs.num_cycles is not a parameter of "linear" (parameters: none), got 2',
    );
    expectThrow(
      () =>
        get_scheduler("cosine", {
          lr: 0.1,
          num_warmup_steps: 1,
          num_training_steps: 10,
          // @ts-expect-error passed by get_scheduler itself (HF: "got multiple values")
          scheduler_specific_kwargs: { num_warmup_steps: 2 },
        }),
      TypeError,
      'hf.get_scheduler: scheduler_specific_kwargs.num_warmup_steps is not a parameter of "cosine" (parameters: num_cycles), got 2',
    );
    expectThrow(
      () =>
        get_scheduler("polynomial", {
          lr: 0.1,
          num_warmup_steps: 1,
          num_training_steps: 10,
          scheduler_specific_kwargs: { lr_end: 0.5 },
        }),
      RangeError,
      "hf.get_scheduler: scheduler_specific_kwargs.lr_end must be smaller than lr (0.1), got 0.5",
    );
    expectThrow(
      () => get_scheduler("warmup_stable_decay", { lr: 0.1, num_warmup_steps: 1, num_training_steps: 10 }),
      TypeError,
      "hf.get_scheduler: scheduler_specific_kwargs.num_decay_steps is required",
    );
    expectThrow(
      () => get_scheduler("cosine_with_min_lr", { lr: 0.1, num_warmup_steps: 1, num_training_steps: 10 }),
      TypeError,
      "hf.get_scheduler: scheduler_specific_kwargs.min_lr or min_lr_rate is required",
    );
    expectThrow(
      () =>
        fromSpec({
          type: "hf.get_scheduler",
          name: "cosine",
          lr: 0.1,
          num_warmup_steps: 1,
          num_training_steps: 10,
          scheduler_specific_kwargs: { num_cycles: "x" },
        }),
      SpecError,
      /at \$\.scheduler_specific_kwargs\.num_cycles: hf\.get_scheduler: scheduler_specific_kwargs\.num_cycles must be a finite number/,
    );
  });
});
