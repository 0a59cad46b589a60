import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { join } from "../compose/join.js";
import { repeat } from "../compose/repeat.js";
import { warmup } from "../compose/warmup.js";
import { constant } from "../families/constant.js";
import { cosine } from "../families/cosine.js";
import { formula } from "../families/formula.js";
import { linear } from "../families/linear.js";
import { multiStep } from "../families/multiStep.js";
import { oneCycle } from "../families/oneCycle.js";
import { sgdr } from "../families/sgdr.js";
import { step } from "../families/step.js";
import type { Schedule } from "../schedule.js";
import { fromSpec } from "../spec/fromSpec.js";
import { parseSchedule } from "../spec/parse.js";
import { anyCase } from "../test/arbitraries.js";
import { expectThrow } from "../test/expect.js";
import { declaredMilestones, lint, lintRules, lintWith } from "./lint.js";
import { horizonInBatchesRule } from "./rules/horizonInBatches.js";
import { startNearZeroRule } from "./rules/startNearZero.js";
import type { Diagnostic, TrainingPlan } from "./types.js";
import "../presets/index.js"; // registers the presets, for fromSpec and the text syntax

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);
const only = (ds: readonly Diagnostic[], code: string) => ds.filter((d) => d.code === code);

// The blog post's two schedulers (shared/seeds/warmup-cosine-custom-scheduler.txt), LR = 1e-4 over
// 100 epochs: the LambdaLR `eta_min + epoch / warm_up_epochs` (epoch <= 30), then
// `0.5 * (cos((epoch - 30) / 70 * pi) + 1)`, and WarmupCosineLR(1e-9, 1e-3, 5, 100, start_ratio=0.1).
const blogLambda = join(
  [formula("1e-4 * (1e-9 + t / 30)"), formula("1e-4 * (0.5 * (cos((t + 1) / 70 * pi) + 1))")],
  [31],
);
const epochs100: TrainingPlan = { steps: 100, unit: "epoch" };

describe("lint", () => {
  it("has one kebab-case code per rule, each with a summary", () => {
    const all = lintRules.map((r) => r.code);
    expect(new Set(all).size).toBe(all.length);
    for (const r of lintRules) {
      expect(r.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.summary.length).toBeGreaterThan(20);
    }
  });

  it("finds nothing in a sound warmup + cosine sized to its plan", () => {
    const s = warmup(cosine({ lr: 0.3, steps: 95, minLr: 0.003 }), { steps: 5 });
    expect(lint(s, { steps: 100 })).toEqual([]);
    expect(lint(s, { steps: 100, unit: "batch", stepsPerEpoch: 10, epochs: 10 })).toEqual([]);
  });

  it("returns plain JSON diagnostics, ordered by step then severity", () => {
    const s = join([constant({ lr: 0 }), formula("-0.1 + 0 * t")], [3]);
    const ds = lint(s, { steps: 10 });
    expect(JSON.parse(JSON.stringify(ds))).toEqual(ds);
    for (const d of ds) expect(Object.keys(d)).toEqual(["code", "severity", "step", "message", "fix"]);
    expect(ds.map((d) => [d.step, d.code])).toEqual([
      [0, "zero-lr"],
      [3, "negative-lr"],
    ]); // the jump at step 3 is the join's declared boundary
  });

  it("validates the plan", () => {
    const s = constant({ lr: 0.1 });
    expectThrow(() => lint(s, { steps: 0 }), RangeError, "lint: steps must be a positive integer, got 0");
    expectThrow(
      () => lint(s, { steps: 100, unit: "batch", stepsPerEpoch: 10, epochs: 20 }),
      RangeError,
      'lint: steps must equal epochs * stepsPerEpoch (200) when unit is "batch", got 100',
    );
    expectThrow(
      () => lint(s, { steps: 10, unit: "epoch", epochs: 20 }),
      RangeError,
      'lint: epochs must equal steps (10) when unit is "epoch", got 20',
    );
    // @ts-expect-error not a schedule
    expectThrow(() => lint({ lr: 1 }, { steps: 3 }), TypeError, /subject must be a schedule/);
  });
});

describe("non-finite-lr and negative-lr", () => {
  it("flag NaN, Infinity and negative values with the first step and how many more", () => {
    const nan = lint(formula("0.1 * log(t - 4)"), { steps: 10 });
    const [d] = only(nan, "non-finite-lr");
    expect(d).toMatchObject({ severity: "error", step: 0 });
    expect(d!.message).toBe(
      "lr is NaN at step 0 (and at 4 more of the 10 steps): the optimizer would write NaN into every weight.",
    );
    expect(codes(nan)).toEqual(["non-finite-lr", "zero-lr"]); // -Infinity at 4 is not "negative"
    const neg = lint(formula("0.1 - 0.02 * t"), { steps: 10 });
    expect(only(neg, "negative-lr")[0]).toMatchObject({
      severity: "error",
      step: 6,
      message: "lr is -0.02 at step 6, and at 3 more steps (lowest -0.08): a negative lr climbs the loss.",
    });
    const inf = lint(formula("0.1 / (t - 2)"), { steps: 3 });
    expect(only(inf, "non-finite-lr")[0]!.message).toMatch(/^lr is Infinity at step 2:/);
    expect(only(inf, "negative-lr")[0]!.fix).toContain('clamp(formula("0.1 / (t - 2)"), min=0)');
  });

  it("stay silent for a positive finite schedule", () => {
    const ds = lint(formula("0.1 / (t + 1)"), { steps: 50 });
    expect(codes(ds)).toEqual([]);
  });
});

describe("zero-lr", () => {
  it("flags a warmup from exactly 0 (Hugging Face's linear warmup) at step 0", () => {
    const s = warmup(cosine({ lr: 0.1, steps: 90 }), { steps: 10, from: 0 });
    const ds = lint(s, { steps: 100 });
    expect(ds).toEqual([
      {
        code: "zero-lr",
        severity: "warning",
        step: 0,
        message: "lr is exactly 0 at step 0: the first update does nothing (a warmup that starts at 0).",
        fix: expect.stringContaining("leave lrkit's warmup `from` unset"),
      },
    ]);
  });

  it("flags a decay that sits at 0 at the end of the plan, naming the steps", () => {
    const ds = lint(linear({ from: 0.1, to: 0, steps: 80 }), { steps: 100 });
    expect(only(ds, "zero-lr")[0]).toMatchObject({
      step: 80,
      message:
        "lr is exactly 0 from step 80 to step 99 (20 steps, 20% of the plan): those updates do nothing.",
    });
    expect(only(ds, "zero-lr")[0]!.fix).toContain("minLr / endLr = 0.001");
  });

  it("does not flag lrkit's default warmup, which starts at lr / (steps + 1)", () => {
    expect(lint(warmup(cosine({ lr: 0.1, steps: 90, minLr: 1e-3 }), { steps: 10 }), { steps: 100 })).toEqual(
      [],
    );
  });
});

describe("start-near-zero", () => {
  it("flags the blog's LambdaLR warmup, whose first epoch runs at 1e-9 x the base lr", () => {
    const ds = lint(blogLambda, epochs100);
    expect(codes(ds)).toEqual(["start-near-zero"]);
    expect(ds[0]).toMatchObject({ severity: "warning", step: 0 });
    expect(ds[0]!.message).toBe(
      "lr at step 0 is 1e-13, 1e-9 of the peak 0.0001 (step 30) and 3e-8 of step 1's 0.000003333: " +
        "the first epoch hardly moves the weights (a warmup that starts at almost zero).",
    );
    expect(ds[0]!.fix).toContain("startRatio=0.1");
    expect(ds[0]!.fix).toContain("WarmupCosineLR(start_ratio=0.1)");
  });

  it("flags the recipes preset recipes.warm_up_cosine_lr_scheduler the same way", () => {
    const s = parseSchedule("recipes.warm_up_cosine_lr_scheduler(lr=1e-4, warm_up_epochs=30, eta_min=1e-9)");
    expect(codes(lint(s, epochs100))).toEqual(["start-near-zero"]);
  });

  it("does not flag the blog's fix, WarmupCosineLR with start_ratio = 0.1, nor its core equivalent", () => {
    const fixed = parseSchedule("recipes.WarmupCosineLR(lr_min=1e-9, lr_max=1e-3, warm_up=5, T_max=100)");
    expect(lint(fixed, epochs100)).toEqual([]);
    // Epoch 0 at lr_min + (lr_max - lr_min) * 0.1 / 5: 2% of the peak.
    const core = join(
      [
        constant({ lr: 1e-9 + (1e-3 - 1e-9) * 0.02 }),
        warmup(cosine({ lr: 1e-3, steps: 95, minLr: 1e-9 }), { steps: 4, from: 1e-9 + (1e-3 - 1e-9) / 5 }),
      ],
      [1],
    );
    expect(codes(lint(core, epochs100))).toEqual([]);
  });

  it("does not flag a long warmup from lrkit's default start, however small that is", () => {
    const s = warmup(cosine({ lr: 1e-3, steps: 8000 }), { steps: 2000 });
    expect(s(0) / 1e-3).toBeLessThan(1e-3);
    expect(codes(lint(s, { steps: 10_000 }))).toEqual([]);
  });
});

describe("horizon-before-plan", () => {
  it("flags a periodic cosine whose horizon ends early: the lr rises again (CosineAnnealingLR, T_max=20, 100 epochs)", () => {
    const s = cosine({ lr: 0.01, steps: 20, minLr: 1e-9, after: "periodic" });
    const ds = lint(s, epochs100);
    expect(codes(ds)).toEqual(["horizon-before-plan"]);
    expect(ds[0]).toMatchObject({ severity: "warning", step: 20 });
    expect(ds[0]!.message).toBe(
      "The schedule's horizon is step 20 but the plan runs 100 steps: after step 20 (lr 1e-9) the lr rises again, " +
        "to 0.01 at step 40 (a periodic schedule, like PyTorch's CosineAnnealingLR past T_max).",
    );
    expect(ds[0]!.fix).toContain('cosine(lr=0.01, steps=100, minLr=1e-9, after="periodic")');
  });

  it("flags a long flat floor after the horizon, with the stretched schedule as the fix", () => {
    const s = warmup(cosine({ lr: 0.3, steps: 25, minLr: 0.01 }), { steps: 5 });
    const ds = lint(s, { steps: 100 });
    expect(codes(ds)).toEqual(["horizon-before-plan"]);
    expect(ds[0]!.message).toBe(
      "The schedule reaches its horizon at step 30 and stays at 0.01 for the remaining 70 steps (70% of the 100-step plan).",
    );
    expect(ds[0]!.fix).toBe(
      "Stretch the schedule over the plan so the decay ends at step 100, e.g. warmup(cosine(lr=0.3, steps=95, minLr=0.01), steps=5); or shorten the plan to 31 steps.",
    );
  });

  it("does not flag a short tail, a constant, or a multiStep whose last milestone is near the end", () => {
    expect(lint(cosine({ lr: 0.1, steps: 95, minLr: 1e-4 }), { steps: 100 })).toEqual([]);
    expect(
      lint(join([cosine({ lr: 0.1, steps: 30, minLr: 1e-3 }), constant({ lr: 1e-3 })], [30]), { steps: 100 }),
    ).toEqual([]);
    expect(lint(constant({ lr: 0.1 }), { steps: 100 })).toEqual([]);
    expect(lint(multiStep({ lr: 0.1, milestones: [30, 60, 90] }), { steps: 100 })).toEqual([]);
  });
});

describe("horizon-after-plan", () => {
  it("flags a plan that stops half way down the decay", () => {
    const ds = lint(cosine({ lr: 0.1, steps: 200, minLr: 0.001 }), { steps: 100 });
    expect(codes(ds)).toEqual(["horizon-after-plan"]);
    expect(ds[0]).toMatchObject({ severity: "warning", step: 99 });
    expect(ds[0]!.message).toBe(
      "The plan stops at step 99 with lr 0.05128, but the schedule's horizon is step 200, where it reaches 0.001: 51% of the way down never happens.",
    );
    expect(ds[0]!.fix).toBe(
      "Fit the schedule to the 100-step plan: cosine(lr=0.1, steps=100, minLr=0.001); or run the plan for 200 steps.",
    );
  });

  it("does not flag a horizon one step past the plan (PyTorch's CosineAnnealingLR with T_max = steps)", () => {
    expect(lint(cosine({ lr: 0.1, steps: 101 }), { steps: 100 })).toEqual([]);
  });
});

describe("lintWith", () => {
  it("runs only the rules it is given, in lint's order and with its messages", () => {
    // A warmup from almost zero, stepped per batch with a horizon in epochs: lint finds both.
    const s = warmup(cosine({ lr: 0.1, steps: 95, minLr: 1e-4 }), { steps: 5, from: 1e-7 });
    const plan: TrainingPlan = { steps: 100 * 390, unit: "batch", stepsPerEpoch: 390, epochs: 100 };
    const all = lint(s, plan);
    expect(codes(all)).toEqual(["start-near-zero", "horizon-in-epochs"]);
    expect(lintWith([startNearZeroRule, horizonInBatchesRule], s, plan)).toEqual([all[0]]);
    expect(lintWith(lintRules, s, plan)).toEqual(all);
    expect(lintWith([], s, plan)).toEqual([]);
  });
});

describe("horizon-in-epochs and horizon-in-batches", () => {
  const plan: TrainingPlan = { steps: 100 * 390, unit: "batch", stepsPerEpoch: 390, epochs: 100 };

  it("flags a horizon equal to the epochs while the plan steps every batch, with the rescaled schedule", () => {
    const s = warmup(cosine({ lr: 0.1, steps: 95, minLr: 1e-4 }), { steps: 5 });
    const ds = lint(s, plan);
    expect(codes(ds)).toEqual(["horizon-in-epochs"]); // not also horizon-before-plan
    expect(ds[0]).toMatchObject({ severity: "error", step: 100 });
    expect(ds[0]!.message).toBe(
      "The schedule's horizon is 100 steps, about the plan's 100 epochs, but the plan steps it every batch (39000 steps, 390 per epoch): it is over after 0.2564 epochs.",
    );
    expect(ds[0]!.fix).toBe(
      'Count in batches: warmup(cosine(lr=0.1, steps=37050, minLr=0.0001), steps=1950) (every step count times 390); or step the schedule once per epoch (plan unit "epoch").',
    );
    const rescaled = fromSpec({
      type: "warmup",
      schedule: { type: "cosine", lr: 0.1, steps: 37050, minLr: 1e-4 },
      steps: 1950,
    });
    expect(lint(rescaled, plan)).toEqual([]);
  });

  it("flags multiStep milestones in epochs ([30, 60, 90] of 100 epochs) stepped per batch", () => {
    const ds = lint(multiStep({ lr: 0.1, milestones: [30, 60, 90] }), plan);
    expect(codes(ds)).toEqual(["horizon-in-epochs"]);
    expect(ds[0]!.fix).toContain("multiStep(lr=0.1, milestones=[11700, 23400, 35100])");
  });

  it("flags a horizon in batches while the plan steps once per epoch", () => {
    const s = cosine({ lr: 0.1, steps: 39000 });
    const ds = lint(s, { steps: 100, unit: "epoch", stepsPerEpoch: 390 });
    expect(codes(ds)).toEqual(["horizon-in-batches"]);
    expect(ds[0]!.fix).toContain("cosine(lr=0.1, steps=100)");
  });

  it("knows nothing of units without epochs or stepsPerEpoch", () => {
    const ds = lint(cosine({ lr: 0.1, steps: 100, minLr: 1e-4 }), { steps: 39000 });
    expect(codes(ds)).toEqual(["horizon-before-plan"]);
  });
});

describe("restart-misfit", () => {
  it("flags a plan that ends early in an SGDR cycle, listing where cycles end", () => {
    const ds = lint(sgdr({ lr: 0.1, period: 10, periodMult: 2, minLr: 0.001 }), { steps: 100 });
    expect(codes(ds)).toEqual(["restart-misfit"]);
    expect(ds[0]).toMatchObject({ severity: "warning", step: 70 });
    expect(ds[0]!.message).toBe(
      "The plan ends 30 steps into SGDR cycle 4 (steps 70 to 150, 38% done): the last lr is 0.07122, not the cycle's floor. Cycles end at steps 10, 30, 70, 150.",
    );
    expect(ds[0]!.fix).toBe("End the plan at step 70 or 150 (steps = 70 or 150).");
  });

  it("flags cycles cut by a join boundary, and proposes a period that fits", () => {
    const s = join([repeat(cosine({ lr: 0.1, steps: 30 }), { period: 30 }), constant({ lr: 0.001 })], [80]);
    const ds = lint(s, { steps: 100 });
    expect(codes(ds)).toEqual(["restart-misfit"]);
    expect(ds[0]!.message).toMatch(
      /^The part ends 20 steps into repeat cycle 3 at \$\.schedules\[0\] \(steps 60 to 90, 67% done\)/,
    );
    expect(ds[0]!.fix).toBe(
      "Move the boundary at step 80 to step 60 or 90, or set period=40 so that 2 cycles fill it.",
    );
  });

  it("flags a cyclical schedule stopped half way up a cycle, with the cycle length that fits", () => {
    const s = parseSchedule("cyclic(baseLr=0.001, maxLr=0.006, stepsUp=20)");
    const [d] = lint(s, { steps: 100 });
    expect(d).toMatchObject({ code: "restart-misfit", step: 80 });
    expect(d!.fix).toBe(
      "End the plan at step 80 or 120 (steps = 80 or 120), or make stepsUp + stepsDown = 50 so that 2 cycles fill it.",
    );
    expect(lint(s, { steps: 120 })).toEqual([]);
  });

  it("does not flag cycles that end with the plan, or a cycle limit reached before it", () => {
    expect(lint(sgdr({ lr: 0.1, period: 10, periodMult: 2, minLr: 0.001 }), { steps: 70 })).toEqual([]);
    expect(lint(sgdr({ lr: 0.1, period: 25, minLr: 0.001 }), { steps: 100 })).toEqual([]);
    expect(codes(lint(sgdr({ lr: 0.1, period: 10, cycleLimit: 3, minLr: 0.001 }), { steps: 32 }))).toEqual(
      [],
    );
  });
});

describe("one-cycle-overrun", () => {
  it("flags a core oneCycle stepped past its steps", () => {
    const ds = lint(oneCycle({ maxLr: 0.1, steps: 100 }), { steps: 120 });
    expect(codes(ds)).toEqual(["one-cycle-overrun"]); // not also horizon-before-plan
    expect(ds[0]).toMatchObject({ severity: "error", step: 100 });
    expect(ds[0]!.message).toBe(
      "oneCycle(steps=100) is stepped 120 times: from step 100 to 119 the lr stays at its final 4e-7 (20 wasted steps), and PyTorch's OneCycleLR(total_steps=100) would raise ValueError after step 100.",
    );
    expect(ds[0]!.fix).toBe(
      "Give the cycle the plan's length: oneCycle(maxLr=0.1, steps=120) (OneCycleLR: total_steps = epochs * steps_per_epoch = 120).",
    );
  });

  it("flags a PyTorch OneCycleLR-like object with PyTorch's own error message", () => {
    const ds = lint({ total_steps: 100, last_epoch: 0 }, { steps: 120 });
    expect(ds).toEqual([
      {
        code: "one-cycle-overrun",
        severity: "error",
        step: 100,
        message:
          'OneCycleLR(total_steps=100) at last_epoch 0 can be stepped 100 more times, but the plan steps it 120 times: scheduler.step() after step 100 raises ValueError ("Tried to step 102 times. The specified number of total steps is 100").',
        fix: "Build it with total_steps=120 (epochs * steps_per_epoch of the plan), or stop stepping it after 100 steps.",
      },
    ]);
    expect(lint({ total_steps: 100, last_epoch: 30 }, { steps: 70 })).toEqual([]);
    expect(lint({ total_steps: 100, last_epoch: 30 }, { steps: 71 })[0]!.step).toBe(70);
  });

  it("does not flag a oneCycle sized to the plan, or one that ends at a join boundary", () => {
    expect(lint(oneCycle({ maxLr: 0.1, steps: 100 }), { steps: 100 })).toEqual([]);
    const s = join([oneCycle({ maxLr: 0.1, steps: 50 }), constant({ lr: 4e-7 })], [50]);
    expect(codes(lint(s, { steps: 100 }))).not.toContain("one-cycle-overrun");
  });
});

describe("undeclared-jump", () => {
  it("flags a restart that the spec does not declare (a SequentialLR-like jump back to the base lr)", () => {
    const s = formula(
      "0.1 * (0.5 * (1 + cos(pi * min(t, 50) / 50))) + 0.09 * min(max(floor(t - 60) + 1, 0), 1)",
    );
    const ds = lint(s, { steps: 100 });
    const [d] = only(ds, "undeclared-jump");
    expect(d).toMatchObject({ severity: "warning", step: 60 });
    expect(d!.message).toBe(
      "lr jumps up from 0 to 0.09 at step 60, where the spec declares no change (no milestone, boundary, warmup end or restart).",
    );
    expect(d!.fix).toContain("join([...], boundaries=[60])");
  });

  it("flags a step decay written as a formula, and counts the jumps past maxJumps", () => {
    const ds = lint(formula("0.1 * 0.5 ** floor(t / 10)"), { steps: 100 }, { maxJumps: 2 });
    expect(ds.map((d) => d.step)).toEqual([10, 20]);
    expect(ds[0]!.message).toBe(
      "lr jumps down from 0.1 to 0.05 at step 10 (x0.5), where the spec declares no change (no milestone, boundary, warmup end or restart).",
    );
    expect(ds[1]!.message).toMatch(/And 7 more undeclared jumps, at steps 30, 40, 50, 60, 70, \.\.\.\.$/);
  });

  it("does not flag declared milestones, boundaries, warmup ends, step multiples or restarts", () => {
    const quiet: Schedule[] = [
      multiStep({ lr: 0.5, milestones: [15, 30], gamma: 0.5 }),
      step({ lr: 0.1, stepSize: 10, gamma: 0.5 }),
      join([cosine({ lr: 0.1, steps: 50 }), cosine({ lr: 0.1, steps: 50 })], [50]),
      sgdr({ lr: 0.1, period: 10, periodMult: 2 }),
      warmup(constant({ lr: 0.1 }), { steps: 1 }),
      parseSchedule("piecewiseConstant(boundaries=[30, 60], values=[0.1, 0.01, 0.001], closed=right)"),
      parseSchedule('noise(step(lr=0.1, stepSize=10), seed=1, pct=0.5, distribution="uniform")'),
    ];
    for (const s of quiet)
      expect(only(lint(s, { steps: 70 }), "undeclared-jump"), JSON.stringify(s.spec)).toEqual([]);
  });

  it("sees the milestones of a preset in its core composition", () => {
    const s = parseSchedule("keras.PiecewiseConstantDecay(boundaries=[30, 60], values=[0.1, 0.01, 0.001])");
    expect(only(lint(s, { steps: 70 }), "undeclared-jump")).toEqual([]);
    expect(declaredMilestones(s, 70)).toEqual([31, 61]);
  });

  it("reports jumps inside a preset that is its own closure, whose milestones lint cannot see, as info", () => {
    const s = parseSchedule("timm.StepLRScheduler(0.1, 30, 0.1)");
    const ds = only(lint(s, { steps: 70 }), "undeclared-jump");
    expect(ds.map((d) => [d.step, d.severity])).toEqual([
      [30, "info"],
      [60, "info"],
    ]);
    expect(ds[0]!.message).toContain("inside timm.StepLRScheduler, whose milestones lint cannot see");
  });
});

describe("declaredMilestones", () => {
  it("lists the steps where the spec declares a change, inside the plan", () => {
    expect(declaredMilestones(multiStep({ lr: 0.5, milestones: [15, 30], gamma: 0.5 }), 30)).toEqual([15]);
    expect(declaredMilestones(warmup(step({ lr: 0.1, stepSize: 10 }), { steps: 5 }), 40)).toEqual([
      5, 15, 25, 35,
    ]);
    expect(declaredMilestones(sgdr({ lr: 0.1, period: 10, periodMult: 2 }), 100)).toEqual([10, 30, 70]);
    expect(
      declaredMilestones(
        join([repeat(cosine({ lr: 1, steps: 10 }), { period: 10, limit: 2 }), constant({ lr: 0.1 })], [25]),
        40,
      ),
    ).toEqual([10, 20, 25]);
  });
});

describe("lint on any schedule", () => {
  it("never throws, and returns well-formed diagnostics with known codes (fast-check)", () => {
    const known = new Set(lintRules.map((r) => r.code));
    fc.assert(
      fc.property(anyCase, fc.integer({ min: 1, max: 300 }), ({ spec }, steps) => {
        const ds = lint(fromSpec(spec), { steps });
        for (const d of ds) {
          expect(known.has(d.code)).toBe(true);
          expect(["info", "warning", "error"]).toContain(d.severity);
          if (d.step !== null) {
            expect(Number.isInteger(d.step)).toBe(true);
            expect(d.step).toBeGreaterThanOrEqual(0);
            expect(d.step).toBeLessThanOrEqual(steps);
          }
          expect(d.message.length).toBeGreaterThan(10);
          expect(d.fix.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe("lint on long plans", () => {
  it("checks a plan of 2,000,000 steps (Math.max(...values) overflowed the stack past ~120,000)", () => {
    const codes = lint(cosine({ lr: 0.1, steps: 100, after: "periodic" }), { steps: 2_000_000 }).map(
      (d) => d.code,
    );
    expect(codes).toContain("horizon-before-plan");
  });
});
