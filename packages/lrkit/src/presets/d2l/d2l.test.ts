import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Schedule } from "../../schedule.js";
import { expectCloseAt, expectThrow, expectValues } from "../../test/expect.js";
import { expectPresetAsData } from "../../test/roundTrip.js";
import { CosineScheduler, FactorScheduler, MultiFactorScheduler, SquareRootScheduler } from "./index.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values: the chapter's own classes (d2l-ai/d2l-en chapter_optimization/lr-scheduler.md,
// "Learning Rate Scheduling", as in shared/seeds/d2l-lr-scheduling.txt; MultiFactorScheduler from
// its TensorFlow tab) copied into a scratch CPython 3.11 script (not committed) and called with
// 0, 1, ..., t in order, as the chapter's plots do.

describe("d2l.SquareRootScheduler", () => {
  it("decays as lr * (t + 1) ** -0.5 (the chapter's SquareRootScheduler(lr=0.1))", () => {
    const s = SquareRootScheduler({ lr: 0.1 });
    expectValues(
      s,
      [
        0.1, 0.07071067811865477, 0.057735026918962574, 0.05, 0.03333333333333333, 0.018257418583505537,
        0.010000000000000002, 0.00316069770620507,
      ],
      [0, 1, 2, 3, 8, 29, 99, 1000],
    );
    expect(s.horizon).toBeUndefined();
  });

  it("defaults lr to 0.1", () => {
    expectValues(SquareRootScheduler(), [0.1, 0.05, 0.025], [0, 3, 15]);
    expect(SquareRootScheduler().spec).toEqual({ type: "d2l.SquareRootScheduler" });
  });

  it("rejects a negative lr, naming the function, the parameter and the value", () => {
    expectThrow(
      () => SquareRootScheduler({ lr: -0.1 }),
      RangeError,
      "d2l.SquareRootScheduler: lr must be a non-negative number, got -0.1",
    );
  });
});

describe("d2l.FactorScheduler", () => {
  it("multiplies on every call, so update 0 already has base_lr * factor (the chapter's factor=0.9, stop_factor_lr=1e-2, base_lr=2.0)", () => {
    const s = FactorScheduler({ factor: 0.9, stop_factor_lr: 1e-2, base_lr: 2.0 });
    expectValues(
      s,
      [
        1.8, 1.62, 1.4580000000000002, 0.6276211921800003, 0.21883797826302487, 0.07630408489538924,
        0.026605589294582295, 0.017455927136175445, 0.0157103344225579, 0.01413930098030211,
        0.01030755041464024, 0.01,
      ],
      [0, 1, 2, 10, 20, 30, 40, 44, 45, 46, 49, 200],
    );
  });

  it("stops at stop_factor_lr (default 1e-7) and is constant with the default factor 1", () => {
    expectValues(
      FactorScheduler({ factor: 0.5, base_lr: 1.0 }),
      [0.5, 0.25, 2.384185791015625e-7, 1.1920928955078125e-7, 1e-7, 1e-7, 1e-7],
      [0, 1, 21, 22, 23, 24, 100],
    );
    expectValues(FactorScheduler(), [0.1, 0.1, 0.1], [0, 1, 50]);
  });

  it("equals the chapter's recursion max(stop, eta * factor), stepped in order", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (factor, stop, base) => {
          const s = FactorScheduler({ factor, stop_factor_lr: stop, base_lr: base });
          let eta = base;
          for (let t = 0; t < 200; t++) {
            eta = Math.max(stop, eta * factor);
            expect(s(t), `t = ${t}`).toBe(eta);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("rejects a factor outside (0, 1] and a negative floor", () => {
    expectThrow(
      () => FactorScheduler({ factor: 1.1 }),
      RangeError,
      "d2l.FactorScheduler: factor must be in (0, 1], got 1.1",
    );
    expectThrow(
      () => FactorScheduler({ factor: 0 }),
      RangeError,
      "d2l.FactorScheduler: factor must be a positive number, got 0",
    );
    expectThrow(
      () => FactorScheduler({ stop_factor_lr: -1 }),
      RangeError,
      "d2l.FactorScheduler: stop_factor_lr must be a non-negative number, got -1",
    );
  });
});

describe("d2l.MultiFactorScheduler", () => {
  it("multiplies at each listed epoch, which already has the new lr (the chapter's step=[15, 30], factor=0.5, base_lr=0.5)", () => {
    const s = MultiFactorScheduler({ step: [15, 30], factor: 0.5, base_lr: 0.5 });
    expectValues(
      s,
      [0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125, 0.125, 0.125],
      [0, 1, 14, 15, 16, 29, 30, 31, 100],
    );
    expect(s.horizon).toBe(30);
  });

  it("takes step in any order and counts a repeated epoch once, as `epoch in step` does", () => {
    const s = MultiFactorScheduler({ step: [30, 15, 15, 0], factor: 0.1, base_lr: 1.0 });
    expectValues(
      s,
      [0.1, 0.1, 0.010000000000000002, 0.010000000000000002, 0.0010000000000000002, 0.0010000000000000002],
      [0, 14, 15, 29, 30, 40],
    );
  });

  it("keeps base_lr with an empty step list", () => {
    expectValues(MultiFactorScheduler({ step: [], factor: 0.1, base_lr: 1.0 }), [1.0, 1.0], [0, 10]);
  });

  it("rejects steps no epoch can reach and missing parameters", () => {
    expectThrow(
      () => MultiFactorScheduler({ step: [5, 7.5], factor: 0.5, base_lr: 0.1 }),
      RangeError,
      "d2l.MultiFactorScheduler: step[1] must be a non-negative integer, got 7.5",
    );
    expectThrow(
      () => MultiFactorScheduler({ step: [-1], factor: 0.5, base_lr: 0.1 }),
      RangeError,
      "d2l.MultiFactorScheduler: step[0] must be a non-negative integer, got -1",
    );
    expectThrow(
      // @ts-expect-error base_lr is required: the chapter's class has no defaults
      () => MultiFactorScheduler({ step: [5], factor: 0.5 }),
      TypeError,
      "d2l.MultiFactorScheduler: base_lr is required",
    );
    expectThrow(
      // @ts-expect-error step is a list
      () => MultiFactorScheduler({ step: 5, factor: 0.5, base_lr: 0.1 }),
      TypeError,
      "d2l.MultiFactorScheduler: step must be a list of non-negative integers, got 5",
    );
  });
});

describe("d2l.CosineScheduler", () => {
  it("anneals to final_lr at max_update and holds (the chapter's max_update=20, base_lr=0.3, final_lr=0.01)", () => {
    const s = CosineScheduler({ max_update: 20, base_lr: 0.3, final_lr: 0.01 });
    expectValues(
      s,
      [0.3, 0.29821480938629497, 0.25753048327204936, 0.155, 0.011785190613705039, 0.01, 0.01, 0.01],
      [0, 1, 5, 10, 19, 20, 21, 29],
    );
    expect(s.horizon).toBe(20);
  });

  it("warms up linearly and fits the cosine into the remaining updates (the chapter's CosineScheduler(20, warmup_steps=5, base_lr=0.3, final_lr=0.01))", () => {
    const s = CosineScheduler({ max_update: 20, warmup_steps: 5, base_lr: 0.3, final_lr: 0.01 });
    expectValues(
      s,
      [0.0, 0.06, 0.24, 0.3, 0.2968314021064018, 0.17015662717380975, 0.013168597893598175, 0.01, 0.01, 0.01],
      [0, 1, 4, 5, 6, 12, 19, 20, 21, 29],
    );
    expect(s.horizon).toBe(20);
  });

  it("starts the warmup at warmup_begin_lr, even above base_lr, as the chapter does", () => {
    const s = CosineScheduler({ max_update: 10, base_lr: 0.1, warmup_steps: 4, warmup_begin_lr: 0.2 });
    expectValues(
      s,
      [0.2, 0.17500000000000002, 0.125, 0.1, 0.09330127018922195, 0.006698729810778065, 0.0, 0.0],
      [0, 1, 3, 4, 5, 9, 10, 11],
    );
  });

  it("defaults base_lr to 0.01 and final_lr to 0", () => {
    expectValues(
      CosineScheduler({ max_update: 5 }),
      [
        0.01, 0.009045084971874737, 0.006545084971874737, 0.003454915028125263, 0.0009549150281252633, 0.0,
        0.0,
      ],
    );
  });

  it("equals the chapter's object stepped in order, for any valid parameters", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (max_update, warmupShare, base_lr, finalShare, warmup_begin_lr) => {
          const warmup_steps = Math.floor(warmupShare * (max_update - 1));
          const final_lr = base_lr * finalShare;
          const s = CosineScheduler({ max_update, base_lr, final_lr, warmup_steps, warmup_begin_lr });
          // A transcription of the chapter's CosineScheduler.__call__, state and all.
          let last = NaN;
          const call = (epoch: number) => {
            if (epoch < warmup_steps)
              return warmup_begin_lr + ((base_lr - warmup_begin_lr) * epoch) / warmup_steps;
            if (epoch <= max_update)
              last =
                final_lr +
                ((base_lr - final_lr) *
                  (1 + Math.cos((Math.PI * (epoch - warmup_steps)) / (max_update - warmup_steps)))) /
                  2;
            return last;
          };
          for (let t = 0; t <= max_update + 20; t++) expectCloseAt(s(t), call(t), t, 1e-17);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("rejects a warmup as long as max_update (the chapter divides by zero) or longer", () => {
    expectThrow(
      () => CosineScheduler({ max_update: 5, warmup_steps: 5 }),
      RangeError,
      "d2l.CosineScheduler: warmup_steps must be less than max_update (5), got 5",
    );
    expectThrow(
      () => CosineScheduler({ max_update: 5, warmup_steps: 8 }),
      RangeError,
      "d2l.CosineScheduler: warmup_steps must be less than max_update (5), got 8",
    );
  });

  it("rejects a non-positive or fractional max_update and a final_lr above base_lr", () => {
    expectThrow(
      () => CosineScheduler({ max_update: 0 }),
      RangeError,
      "d2l.CosineScheduler: max_update must be a positive integer, got 0",
    );
    expectThrow(
      () => CosineScheduler({ max_update: 20.5 }),
      RangeError,
      "d2l.CosineScheduler: max_update must be a positive integer, got 20.5",
    );
    expectThrow(
      () => CosineScheduler({ max_update: 20, base_lr: 0.1, final_lr: 0.2 }),
      RangeError,
      "d2l.CosineScheduler: final_lr must not exceed base_lr (0.1), got 0.2",
    );
    expectThrow(
      // @ts-expect-error an unknown parameter
      () => CosineScheduler({ max_update: 20, warmup_mode: "linear" }),
      TypeError,
      'd2l.CosineScheduler: unknown parameter "warmup_mode" (parameters: max_update, base_lr, final_lr, warmup_steps, warmup_begin_lr)',
    );
  });
});

describe("d2l presets as data", () => {
  it("are rebuilt from their JSON specs and from the text syntax, and give NaN for a NaN step", () => {
    const cases: [Schedule, string][] = [
      [SquareRootScheduler({ lr: 0.2 }), "d2l.SquareRootScheduler(0.2)"],
      [
        FactorScheduler({ factor: 0.9, stop_factor_lr: 1e-2, base_lr: 2.0 }),
        "d2l.FactorScheduler(factor=0.9, stop_factor_lr=1e-2, base_lr=2.0)",
      ],
      [
        MultiFactorScheduler({ step: [15, 30], factor: 0.5, base_lr: 0.5 }),
        "d2l.MultiFactorScheduler([15, 30], 0.5, 0.5)",
      ],
      [
        CosineScheduler({ max_update: 20, warmup_steps: 5, base_lr: 0.3, final_lr: 0.01 }),
        "d2l.CosineScheduler(20, warmup_steps=5, base_lr=0.3, final_lr=0.01)",
      ],
    ];
    for (const [s, text] of cases) expectPresetAsData("d2l", s, text, 60);
  });

  it("keep the chapter's parameter names in the spec", () => {
    expect(CosineScheduler({ max_update: 20, base_lr: 0.3, final_lr: 0.01 }).spec).toEqual({
      type: "d2l.CosineScheduler",
      max_update: 20,
      base_lr: 0.3,
      final_lr: 0.01,
    });
  });
});
