import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Schedule } from "../../schedule.js";
import { expectCloseAt, expectThrow, expectValues } from "../../test/expect.js";
import { expectPresetAsData } from "../../test/roundTrip.js";
import { CosineScheduler, FactorScheduler, MultiFactorScheduler, PolyScheduler } from "./index.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values: apache/mxnet python/mxnet/lr_scheduler.py (HEAD b84609d3; identical in v1.x and
// 1.9.1 but for an f-string), copied unchanged into a scratch CPython 3.11 folder (not committed),
// each object called with num_update = 0, 1, ..., t in order.

/** A transcription of MXNet's LRScheduler.get_warmup_lr. */
function warmupLr(t: number, base: number, steps: number, begin: number, mode: string): number {
  return mode === "linear" ? begin + ((base - begin) * t) / steps : begin;
}

const warmupArb = fc.record({
  warmup_steps: fc.integer({ min: 0, max: 30 }),
  beginShare: fc.double({ min: 0, max: 1, noNaN: true }),
  warmup_mode: fc.constantFrom("linear" as const, "constant" as const),
});

describe("mxnet.FactorScheduler", () => {
  it("decays once the update exceeds each multiple of step: at 11, 21, ... for step=10, down to stop_factor_lr", () => {
    const s = FactorScheduler({ step: 10, factor: 0.5, stop_factor_lr: 1e-3, base_lr: 0.1 });
    expectValues(
      s,
      [0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.0125, 0.003125, 0.0015625, 0.0015625, 0.001, 0.001],
      [0, 1, 9, 10, 11, 20, 21, 30, 31, 60, 61, 70, 71, 200],
    );
    expect(s.horizon).toBeUndefined();
  });

  it("keeps base_lr = 0.01 with the default factor 1, and decays from update 2 with step=1", () => {
    expectValues(FactorScheduler({ step: 1 }), [0.01, 0.01, 0.01, 0.01], [0, 1, 2, 100]);
    expectValues(
      FactorScheduler({ step: 1, factor: 0.9, base_lr: 2.0 }),
      [2.0, 2.0, 1.8, 1.62, 0.7748409780000003, 0.01145283379404471],
      [0, 1, 2, 3, 10, 50],
    );
  });

  it("catches up at the end of the warmup on the decays that fell inside it (warmup_steps=12, step=5)", () => {
    const s = FactorScheduler({ step: 5, factor: 0.9, base_lr: 0.5, warmup_steps: 12, warmup_begin_lr: 0.1 });
    expectValues(
      s,
      [
        0.1, 0.13333333333333333, 0.26666666666666666, 0.30000000000000004, 0.4666666666666667, 0.405, 0.405,
        0.36450000000000005, 0.36450000000000005, 0.23914845000000007,
      ],
      [0, 1, 5, 6, 11, 12, 15, 16, 17, 40],
    );
  });

  it("holds warmup_begin_lr during a constant warmup", () => {
    const s = FactorScheduler({
      step: 5,
      factor: 0.9,
      base_lr: 0.5,
      warmup_steps: 3,
      warmup_begin_lr: 0.1,
      warmup_mode: "constant",
    });
    expectValues(s, [0.1, 0.1, 0.5, 0.5, 0.45, 0.405], [0, 2, 3, 5, 6, 11]);
  });

  it("returns a base_lr below stop_factor_lr until the first decay, then the floor (MXNet clamps only when it decays)", () => {
    const s = FactorScheduler({ step: 2, factor: 0.5, base_lr: 1e-9 });
    expectValues(s, [1e-9, 1e-9, 1e-9, 1e-8, 1e-8, 1e-8, 1e-8], [0, 1, 2, 3, 4, 5, 10]);
  });

  it("equals MXNet's object stepped in order, for any valid parameters", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        warmupArb,
        (step, factor, stop_factor_lr, base_lr, w) => {
          const warmup_begin_lr = base_lr * w.beginShare;
          const s = FactorScheduler({
            step,
            factor,
            stop_factor_lr,
            base_lr,
            warmup_steps: w.warmup_steps,
            warmup_begin_lr,
            warmup_mode: w.warmup_mode,
          });
          // A transcription of MXNet's FactorScheduler.__call__, state and all.
          let lr = base_lr;
          let count = 0;
          const call = (n: number) => {
            if (n < w.warmup_steps)
              return warmupLr(n, base_lr, w.warmup_steps, warmup_begin_lr, w.warmup_mode);
            while (n > count + step) {
              count += step;
              lr *= factor;
              if (lr < stop_factor_lr) lr = stop_factor_lr;
            }
            return lr;
          };
          // Bit for bit after the warmup; within it, the core warmup's ramp (an ulp from MXNet's order).
          for (let t = 0; t < 150; t++) {
            if (t < w.warmup_steps) expectCloseAt(s(t), call(t), t, 1e-17);
            else expect(s(t), `t = ${t}`).toBe(call(t));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("multiplies once per decay as MXNet's loop does, not base_lr * factor ** k (which is an ulp off)", () => {
    // Expected: MXNet's FactorScheduler(step=1, factor=0.9, base_lr=0.1, stop_factor_lr=0) called with
    // 0, 1, ..., t in CPython (the closed form 0.1 * 0.9 ** (t - 1) differs at 368 of t = 0 ... 399),
    // and FactorScheduler(step=10, factor=0.7, base_lr=0.3, stop_factor_lr=1e-4).
    const s = FactorScheduler({ step: 1, factor: 0.9, base_lr: 0.1, stop_factor_lr: 0 });
    expect([2, 3, 10, 50, 100, 399].map((t) => s(t))).toEqual([
      0.09000000000000001, 0.08100000000000002, 0.03874204890000002, 0.0005726416897022357,
      2.9512665430652833e-6, 6.14495570733153e-20,
    ]);
    const f = FactorScheduler({ step: 10, factor: 0.7, base_lr: 0.3, stop_factor_lr: 1e-4 });
    expect([10, 11, 21, 51, 101, 201, 299].map((t) => f(t))).toEqual([
      0.3, 0.21, 0.147, 0.05042099999999999, 0.008474257469999996, 0.00023937679889283572, 0.0001,
    ]);
  });

  it("answers at once at any update, however many decays lie before it", () => {
    // A factor this close to 1 takes millions of decays to reach the floor: the loop's value is
    // remembered every 256 decays up to 2^20, and continued in closed form past them.
    const s = FactorScheduler({ step: 1, factor: 0.999999, base_lr: 0.1, stop_factor_lr: 0 });
    for (const t of [1e3, 1e6, 1e9, 1e15, 1e300]) {
      expect(s(t)).toBeGreaterThanOrEqual(0);
      expect(s(t)).toBeLessThan(0.1);
    }
    expect(s(1e9)).toBeCloseTo(0.1 * 0.999999 ** (1e9 - 1), 20);
  });

  it("raises MXNet's errors as RangeError and TypeError, naming the parameter and the value", () => {
    expectThrow(
      () => FactorScheduler({ step: 0 }),
      RangeError,
      "mxnet.FactorScheduler: step must be at least 1, got 0",
    );
    expectThrow(
      () => FactorScheduler({ step: 1, factor: 1.5 }),
      RangeError,
      "mxnet.FactorScheduler: factor must be no more than 1 to make lr reduce, got 1.5",
    );
    expectThrow(
      () => FactorScheduler({ step: 1, warmup_steps: 2.5 }),
      TypeError,
      "mxnet.FactorScheduler: warmup_steps must be an integer, got 2.5",
    );
    expectThrow(
      () => FactorScheduler({ step: 1, warmup_steps: -1 }),
      RangeError,
      "mxnet.FactorScheduler: warmup_steps must be positive or 0, got -1",
    );
    expectThrow(
      () => FactorScheduler({ step: 1, warmup_begin_lr: 0.1 }),
      RangeError,
      "mxnet.FactorScheduler: warmup_begin_lr must not exceed base_lr (0.01), got 0.1",
    );
    expectThrow(
      // @ts-expect-error an unknown warmup mode
      () => FactorScheduler({ step: 1, warmup_mode: "cosine" }),
      RangeError,
      'mxnet.FactorScheduler: warmup_mode must be one of "linear", "constant", got "cosine"',
    );
    expectThrow(
      () => FactorScheduler({ step: 2.5 }),
      TypeError,
      "mxnet.FactorScheduler: step must be an integer, got 2.5",
    );
  });
});

describe("mxnet.MultiFactorScheduler", () => {
  it("changes the lr one update after each step: at 16 and 31 for step=[15, 30] (d2l's MXNet tab)", () => {
    const s = MultiFactorScheduler({ step: [15, 30], factor: 0.5, base_lr: 0.5 });
    expectValues(s, [0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.125, 0.125], [0, 1, 14, 15, 16, 30, 31, 100]);
    expect(s.horizon).toBe(31);
  });

  it("multiplies once per step passed, as MXNet's loop does (step=[2, 4, ..., 12], factor=0.9)", () => {
    // Expected: MXNet's MultiFactorScheduler(step=[2, 4, 6, 8, 10, 12], factor=0.9, base_lr=0.1)
    // called with 0, 1, ..., 14 in CPython: 0.1 * 0.9 ** 6 would be 0.05314410000000001.
    const s = MultiFactorScheduler({ step: [2, 4, 6, 8, 10, 12], factor: 0.9, base_lr: 0.1 });
    expect([3, 5, 7, 9, 11, 13].map((t) => s(t))).toEqual([
      0.09000000000000001, 0.08100000000000002, 0.07290000000000002, 0.06561000000000002, 0.05904900000000002,
      0.05314410000000002,
    ]);
  });

  it("keeps base_lr = 0.01 with the default factor 1", () => {
    expectValues(MultiFactorScheduler({ step: [1, 2, 4] }), [0.01, 0.01, 0.01, 0.01], [0, 1, 2, 5]);
  });

  it("catches up at the end of the warmup, even a warmup longer than the last step", () => {
    expectValues(
      MultiFactorScheduler({
        step: [5, 10],
        factor: 0.1,
        base_lr: 1.0,
        warmup_steps: 8,
        warmup_begin_lr: 0.2,
      }),
      [
        0.2, 0.30000000000000004, 0.9000000000000001, 0.1, 0.1, 0.010000000000000002, 0.010000000000000002,
        0.010000000000000002,
      ],
      [0, 1, 7, 8, 10, 11, 12, 50],
    );
    const s = MultiFactorScheduler({
      step: [3],
      factor: 0.5,
      base_lr: 0.4,
      warmup_steps: 6,
      warmup_mode: "constant",
      warmup_begin_lr: 0.01,
    });
    expectValues(s, [0.01, 0.01, 0.01, 0.2, 0.2, 0.2], [0, 3, 5, 6, 7, 20]);
    expect(s.horizon).toBe(6);
  });

  it("equals MXNet's object stepped in order, for any valid parameters", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        warmupArb,
        (steps, factor, base_lr, w) => {
          const step = [...steps].sort((a, b) => a - b);
          const warmup_begin_lr = base_lr * w.beginShare;
          const s = MultiFactorScheduler({
            step,
            factor,
            base_lr,
            warmup_steps: w.warmup_steps,
            warmup_begin_lr,
            warmup_mode: w.warmup_mode,
          });
          // A transcription of MXNet's MultiFactorScheduler.__call__, state and all.
          let lr = base_lr;
          let i = 0;
          const call = (n: number) => {
            if (n < w.warmup_steps)
              return warmupLr(n, base_lr, w.warmup_steps, warmup_begin_lr, w.warmup_mode);
            while (i < step.length && n > step[i]!) {
              i++;
              lr *= factor;
            }
            return lr;
          };
          // Bit for bit after the warmup; within it, the core warmup's ramp (an ulp from MXNet's order).
          for (let t = 0; t < 80; t++) {
            if (t < w.warmup_steps) expectCloseAt(s(t), call(t), t, 1e-17);
            else expect(s(t), `t = ${t}`).toBe(call(t));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("raises MXNet's errors for the step list", () => {
    expectThrow(
      () => MultiFactorScheduler({ step: [] }),
      RangeError,
      "mxnet.MultiFactorScheduler: step must not be empty, got []",
    );
    expectThrow(
      // @ts-expect-error step is a list
      () => MultiFactorScheduler({ step: 5 }),
      TypeError,
      "mxnet.MultiFactorScheduler: step must be a list of integers, got 5",
    );
    expectThrow(
      () => MultiFactorScheduler({ step: [5, 5] }),
      RangeError,
      "mxnet.MultiFactorScheduler: step must be strictly increasing, got [5,5]",
    );
    expectThrow(
      () => MultiFactorScheduler({ step: [0, 5] }),
      RangeError,
      "mxnet.MultiFactorScheduler: step[0] must be at least 1, got 0",
    );
    expectThrow(
      () => MultiFactorScheduler({ step: [5], factor: 2 }),
      RangeError,
      "mxnet.MultiFactorScheduler: factor must be no more than 1 to make lr reduce, got 2",
    );
  });
});

describe("mxnet.PolyScheduler", () => {
  it("decays polynomially to final_lr at max_update and holds (max_update=20, base_lr=0.3, pwr=2, final_lr=0.01)", () => {
    const s = PolyScheduler({ max_update: 20, base_lr: 0.3, pwr: 2, final_lr: 0.01 });
    expectValues(
      s,
      [0.3, 0.271725, 0.173125, 0.08249999999999999, 0.010725000000000002, 0.01, 0.01, 0.01],
      [0, 1, 5, 10, 19, 20, 21, 40],
    );
    expect(s.horizon).toBe(20);
  });

  it("defaults to base_lr 0.01, pwr 2 and final_lr 0", () => {
    expectValues(
      PolyScheduler({ max_update: 100 }),
      [0.01, 0.009801, 0.0025, 1.0000000000000019e-6, 0.0, 0.0],
      [0, 1, 50, 99, 100, 101],
    );
  });

  it("starts the decay at the end of the warmup, within max_update", () => {
    const s = PolyScheduler({
      max_update: 20,
      base_lr: 0.3,
      pwr: 1.5,
      final_lr: 0.01,
      warmup_steps: 5,
      warmup_begin_lr: 0.05,
    });
    expectValues(
      s,
      [0.05, 0.1, 0.25, 0.3, 0.2714888426201294, 0.12295256296995423, 0.014991845201778447, 0.01, 0.01, 0.01],
      [0, 1, 4, 5, 6, 12, 19, 20, 21, 40],
    );
    expectValues(
      PolyScheduler({
        max_update: 10,
        base_lr: 0.2,
        warmup_steps: 4,
        warmup_mode: "constant",
        warmup_begin_lr: 0.02,
      }),
      [0.02, 0.02, 0.2, 0.13888888888888892, 0.005555555555555553, 0.0, 0.0],
      [0, 3, 4, 5, 9, 10, 11],
    );
  });

  it("rises to a final_lr above base_lr, as MXNet does", () => {
    expectValues(
      PolyScheduler({ max_update: 10, base_lr: 0.1, final_lr: 0.2 }),
      [0.1, 0.17500000000000002, 0.2, 0.2],
      [0, 5, 10, 11],
    );
  });

  it("raises MXNet's errors, and rejects the warmups MXNet divides by zero in or never ends", () => {
    expectThrow(
      () => PolyScheduler({ max_update: 20.5 }),
      TypeError,
      "mxnet.PolyScheduler: max_update must be an integer, got 20.5",
    );
    expectThrow(
      () => PolyScheduler({ max_update: 0 }),
      RangeError,
      "mxnet.PolyScheduler: max_update must be strictly positive, got 0",
    );
    expectThrow(
      () => PolyScheduler({ max_update: 10, warmup_steps: 10 }),
      RangeError,
      "mxnet.PolyScheduler: warmup_steps must be less than max_update (10), got 10",
    );
    expectThrow(
      () => PolyScheduler({ max_update: 10, warmup_steps: 12 }),
      RangeError,
      "mxnet.PolyScheduler: warmup_steps must be less than max_update (10), got 12",
    );
    expectThrow(
      () => PolyScheduler({ max_update: 10, pwr: 0 }),
      RangeError,
      "mxnet.PolyScheduler: pwr must be a positive number, got 0",
    );
  });
});

describe("mxnet.CosineScheduler", () => {
  it("anneals to final_lr at max_update and holds (d2l's MXNet tab: max_update=20, base_lr=0.3, final_lr=0.01)", () => {
    const s = CosineScheduler({ max_update: 20, base_lr: 0.3, final_lr: 0.01 });
    expectValues(
      s,
      [0.3, 0.29821480938629497, 0.25753048327204936, 0.155, 0.011785190613705039, 0.01, 0.01, 0.01],
      [0, 1, 5, 10, 19, 20, 21, 29],
    );
    expect(s.horizon).toBe(20);
  });

  it("warms up, then fits the cosine into the remaining updates (d2l's MXNet tab: CosineScheduler(20, warmup_steps=5, ...))", () => {
    const s = CosineScheduler({ max_update: 20, warmup_steps: 5, base_lr: 0.3, final_lr: 0.01 });
    expectValues(
      s,
      [0.0, 0.06, 0.24, 0.3, 0.2968314021064018, 0.17015662717380975, 0.013168597893598175, 0.01, 0.01, 0.01],
      [0, 1, 4, 5, 6, 12, 19, 20, 21, 29],
    );
  });

  it("holds warmup_begin_lr during a constant warmup", () => {
    const s = CosineScheduler({
      max_update: 1000,
      base_lr: 0.1,
      final_lr: 0.001,
      warmup_steps: 100,
      warmup_begin_lr: 0.001,
      warmup_mode: "constant",
    });
    expectValues(
      s,
      [0.001, 0.001, 0.1, 0.09999969842906063, 0.0505, 0.0010003015709393755, 0.001, 0.001, 0.001],
      [0, 99, 100, 101, 550, 999, 1000, 1001, 5000],
    );
    expect(s.horizon).toBe(1000);
  });

  it("defaults to base_lr 0.01 and final_lr 0", () => {
    expectValues(
      CosineScheduler({ max_update: 8 }),
      [0.01, 0.009619397662556433, 0.005, 0.0003806023374435663, 0.0, 0.0],
      [0, 1, 4, 7, 8, 9],
    );
  });

  it("equals MXNet's object stepped in order, for any valid parameters", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom("linear" as const, "constant" as const),
        (max_update, warmupShare, base_lr, finalShare, beginShare, warmup_mode) => {
          const warmup_steps = Math.floor(warmupShare * (max_update - 1));
          const final_lr = base_lr * finalShare;
          const warmup_begin_lr = base_lr * beginShare;
          const s = CosineScheduler({
            max_update,
            base_lr,
            final_lr,
            warmup_steps,
            warmup_begin_lr,
            warmup_mode,
          });
          // A transcription of MXNet's CosineScheduler.__call__, state and all.
          let lr = base_lr;
          const call = (n: number) => {
            if (n < warmup_steps) return warmupLr(n, base_lr, warmup_steps, warmup_begin_lr, warmup_mode);
            if (n <= max_update)
              lr =
                final_lr +
                ((base_lr - final_lr) *
                  (1 + Math.cos((Math.PI * (n - warmup_steps)) / (max_update - warmup_steps)))) /
                  2;
            return lr;
          };
          for (let t = 0; t <= max_update + 20; t++) expectCloseAt(s(t), call(t), t, 1e-17);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("rejects the warmups MXNet divides by zero in or never ends, and a final_lr above base_lr", () => {
    expectThrow(
      () => CosineScheduler({ max_update: 10, warmup_steps: 10 }),
      RangeError,
      "mxnet.CosineScheduler: warmup_steps must be less than max_update (10), got 10",
    );
    expectThrow(
      () => CosineScheduler({ max_update: 10, base_lr: 0.1, final_lr: 0.2 }),
      RangeError,
      "mxnet.CosineScheduler: final_lr must not exceed base_lr (0.1), got 0.2",
    );
    expectThrow(
      // @ts-expect-error max_update is required
      () => CosineScheduler({ base_lr: 0.1 }),
      TypeError,
      "mxnet.CosineScheduler: max_update is required",
    );
  });
});

describe("mxnet presets as data", () => {
  it("are rebuilt from their JSON specs and from the text syntax, and give NaN for a NaN step", () => {
    const cases: [Schedule, string][] = [
      [
        FactorScheduler({ step: 5, factor: 0.9, base_lr: 0.5, warmup_steps: 12, warmup_begin_lr: 0.1 }),
        "mxnet.FactorScheduler(5, 0.9, base_lr=0.5, warmup_steps=12, warmup_begin_lr=0.1)",
      ],
      [
        MultiFactorScheduler({ step: [15, 30], factor: 0.5, base_lr: 0.5 }),
        "mxnet.MultiFactorScheduler(step=[15, 30], factor=0.5, base_lr=0.5)",
      ],
      [
        PolyScheduler({ max_update: 20, base_lr: 0.3, pwr: 1.5, final_lr: 0.01, warmup_steps: 5 }),
        "mxnet.PolyScheduler(20, 0.3, 1.5, 0.01, 5)",
      ],
      [
        CosineScheduler({
          max_update: 20,
          warmup_steps: 5,
          base_lr: 0.3,
          final_lr: 0.01,
          warmup_mode: "constant",
        }),
        "mxnet.CosineScheduler(20, warmup_steps=5, base_lr=0.3, final_lr=0.01, warmup_mode=constant)",
      ],
    ];
    for (const [s, text] of cases) expectPresetAsData("mxnet", s, text, 60);
  });
});
