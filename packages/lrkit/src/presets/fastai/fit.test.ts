import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../../test/expect.js";
import { expectRebuilt, expectSame, roundTrip } from "../../test/roundTrip.js";
import { combined_cos, fit_flat_cos, fit_one_cycle, fit_one_cycle_moms, fit_sgdr } from "./index.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values: fastai/fastai fastai/callback/schedule.py (Learner.fit_one_cycle, fit_flat_cos
// and fit_sgdr's schedules, combine_scheds with its float32 tensors, the annealers) copied into a
// CPython scratch script (not committed) and run with PyTorch 1.13 through a copy of fastai's
// training loop positions (fastai/callback/core.py TrainEvalCallback: pct_train = epoch/n_epoch
// before each epoch, += 1/(n_iter*n_epoch) after each batch; ParamScheduler.before_batch sets
// f(pct_train)). The script also checked that those values equal f(t / (n_epoch * n_iter)) exactly
// at every batch. Values at t >= n_epoch * n_iter are f(1), which fastai never reaches.

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("fastai.fit_one_cycle", () => {
  it("gives the lr of every batch of the notebook's fit_one_cycle(2) with lr 1e-2 and 10 batches per epoch", () => {
    // The notebook's check: lrs == [combined_cos(0.25, 1e-2/25, 1e-2, 1e-7)(i/20) for i in range(20)].
    const s = fit_one_cycle({ n_epoch: 2, lr_max: 1e-2, n_iter: 10 });
    expectValues(
      s,
      [
        0.0004, 0.0013167184534158176, 0.003716718512482818, 0.00668328191493, 0.009083281678662004, 0.01,
        0.009890739036269117, 0.009567731661714858, 0.009045094493509081, 0.008345669760804088,
        0.007500024864862766, 0.006545119431981571, 0.005522686593312814, 0.004477413406687184,
        0.0034549810132356723, 0.0025000747297255392, 0.0016544302391959132, 0.0009550053689112315,
        0.0004323687190957229, 0.00010936089073374129, 9.999999999940612e-8, 9.999999999940612e-8,
      ],
      [...range(20), 20, 25],
    );
    expect(s.horizon).toBe(20);
  });

  it("uses fastai's defaults: lr_max 1e-3, div 25, div_final 1e5, pct_start 0.25 (5 epochs of 391 batches)", () => {
    const s = fit_one_cycle({ n_epoch: 5, n_iter: 391 });
    expectValues(
      s,
      [
        4e-5, 4.000991598734132e-5, 0.0009999944222872253, 0.0009999999282651582, 0.0009999982067971772,
        0.0007288454336726797, 1.114782386172318e-8, 9.999999999940612e-9, 9.999999999940612e-9,
      ],
      [0, 1, 488, 489, 490, 1000, 1954, 1955, 2000],
    );
  });

  it("maps every fastai argument (fit_one_cycle(3, 0.3, div=10, div_final=1e4, pct_start=0.3), 7 batches per epoch)", () => {
    const s = fit_one_cycle({ n_epoch: 3, lr_max: 0.3, div: 10, div_final: 1e4, pct_start: 0.3, n_iter: 7 });
    expectValues(
      s,
      [
        0.03, 0.046440085675989104, 0.27261287636104004, 0.2984921617198054, 0.2983247916707037,
        0.2902096479817354, 0.003442158024709041, 2.999999999997449e-5, 2.999999999997449e-5,
      ],
      [0, 1, 5, 6, 7, 8, 20, 21, 30],
    );
  });

  it("is combined_cos(pct_start, lr_max/div, lr_max, lr_max/div_final) over n_epoch * n_iter steps", () => {
    const s = fit_one_cycle({
      n_epoch: 4,
      lr_max: 0.05,
      div: 20,
      div_final: 1e3,
      pct_start: 0.4,
      n_iter: 33,
    });
    const c = combined_cos({ pct: 0.4, start: 0.05 / 20, middle: 0.05, end: 0.05 / 1e3, steps: 132 });
    expectSame(s, c, [...range(140), 1000]);
  });

  it("rejects bad parameters, naming the preset, the parameter and the value", () => {
    expectThrow(
      () => fit_one_cycle({ n_epoch: 2 } as never),
      TypeError,
      "fastai.fit_one_cycle: n_iter is required",
    );
    expectThrow(
      () => fit_one_cycle({ n_epoch: 0, n_iter: 10 }),
      RangeError,
      "fastai.fit_one_cycle: n_epoch must be a positive integer, got 0",
    );
    expectThrow(
      () => fit_one_cycle({ n_epoch: 1, n_iter: 10, div: 0 }),
      RangeError,
      "fastai.fit_one_cycle: div must be a positive number, got 0",
    );
    expectThrow(
      () => fit_one_cycle({ n_epoch: 1, n_iter: 10, pct_start: 1.25 }),
      RangeError,
      "fastai.fit_one_cycle: pct_start must be in [0, 1], got 1.25",
    );
    expectThrow(
      () => fit_one_cycle({ n_epoch: 1, n_iter: 10, moms: [0.9, 0.8, 0.9] } as never),
      TypeError,
      'fastai.fit_one_cycle: unknown parameter "moms" (parameters: n_epoch, lr_max, div, div_final, pct_start, n_iter)',
    );
  });

  it("rebuilds from its spec, in JSON and in the text syntax with fastai's positional order", () => {
    const s = fit_one_cycle({ n_epoch: 3, lr_max: 0.3, div: 10, div_final: 1e4, pct_start: 0.3, n_iter: 7 });
    expect(s.spec).toEqual({
      type: "fastai.fit_one_cycle",
      n_epoch: 3,
      lr_max: 0.3,
      div: 10,
      div_final: 1e4,
      pct_start: 0.3,
      n_iter: 7,
    });
    const steps = [...range(25), 100];
    expectRebuilt(s, "fastai.fit_one_cycle(3, 0.3, div=10, div_final=1e4, pct_start=0.3, n_iter=7)", steps);
  });

  it("rises to lr_max at pct_start, falls to lr_max/div_final and survives a JSON round trip", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 1e-5, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n_epoch, n_iter, lr_max, pct_start) => {
          const s = fit_one_cycle({ n_epoch, lr_max, pct_start, n_iter });
          const copy = roundTrip(s);
          const steps = n_epoch * n_iter;
          for (let t = 0; t <= steps + 2; t++) {
            const v = s(t);
            expect(v).toBeGreaterThanOrEqual((lr_max / 1e5) * (1 - 1e-9));
            expect(v).toBeLessThanOrEqual(lr_max * (1 + 1e-12));
            expect(copy(t)).toBe(v);
          }
          // With pct_start (close to) 1 the second phase may be empty in float32: the lr holds at lr_max.
          const end = s(steps);
          const final = Math.abs(end - lr_max / 1e5) <= 1e-9 * (lr_max / 1e5);
          const peak = Math.abs(end - lr_max) <= 1e-12 * lr_max;
          expect(pct_start <= 0.99 ? final : final || peak, `end value ${end}`).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("fastai.fit_one_cycle_moms", () => {
  it("cycles the momentum down and up again (the notebook's fit_one_cycle(2), 10 batches per epoch)", () => {
    // The notebook's check: moms == [combined_cos(0.25, 0.95, 0.85, 0.95)(i/20) for i in range(20)].
    const m = fit_one_cycle_moms({ n_epoch: 2, n_iter: 10 });
    expectValues(
      m,
      [
        0.95, 0.9404508494435851, 0.915450848828304, 0.8845491467194792, 0.8595491491806041, 0.85,
        0.8510926205635144, 0.8543227266101175, 0.8595491505564148, 0.8665434678266374, 0.8750000013513858,
        0.884549151171696, 0.8947735818026898, 0.9052264181973101, 0.915450844376087, 0.9250000027027716,
        0.9334565321733626, 0.9404508508193958, 0.9456772695817386, 0.9489073801664643, 0.95, 0.95,
      ],
      [...range(20), 20, 25],
    );
  });

  it("takes fastai's moms and pct_start (moms=(0.9, 0.8, 0.9), pct_start=0.3, 3 epochs of 7 batches)", () => {
    const m = fit_one_cycle_moms({ n_epoch: 3, pct_start: 0.3, moms: [0.9, 0.8, 0.9], n_iter: 7 });
    expectValues(
      m,
      [
        0.9, 0.8939110793792633, 0.8101433791255408, 0.8005584586222944, 0.8005584586222944,
        0.8032637770504599, 0.8988625002417878, 0.9, 0.9,
      ],
      [0, 1, 5, 6, 7, 8, 20, 21, 30],
    );
  });

  it("rejects moms that are not three non-negative values, and rebuilds from its spec", () => {
    expectThrow(
      () => fit_one_cycle_moms({ n_epoch: 1, n_iter: 5, moms: [0.95, 0.85] }),
      RangeError,
      "fastai.fit_one_cycle_moms: moms must hold 3 values (start, middle, end), got [0.95,0.85]",
    );
    expectThrow(
      () => fit_one_cycle_moms({ n_epoch: 1, n_iter: 5, moms: [0.95, -0.85, 0.95] }),
      RangeError,
      "fastai.fit_one_cycle_moms: moms[1] must be a non-negative number, got -0.85",
    );
    const m = fit_one_cycle_moms({ n_epoch: 3, pct_start: 0.3, moms: [0.9, 0.8, 0.9], n_iter: 7 });
    expectRebuilt(m, "fastai.fit_one_cycle_moms(3, 0.3, [0.9, 0.8, 0.9], n_iter=7)", 30);
  });
});

describe("fastai.fit_flat_cos", () => {
  it("holds lr for 75% of training, then anneals to lr/1e5 (fit_flat_cos(2), 10 batches per epoch)", () => {
    const s = fit_flat_cos({ n_epoch: 2, n_iter: 10 });
    expectValues(
      s,
      [
        0.001, 0.001, 0.001, 0.001, 0.0009045094080769959, 0.0006545118096329798, 9.550059192300409e-5,
        9.999999999940612e-9, 9.999999999940612e-9,
      ],
      [0, 1, 14, 15, 16, 17, 19, 20, 30],
    );
    expect(s.horizon).toBe(20);
  });

  it("maps lr, div_final and pct_start (fit_flat_cos(4, 0.01, 100, 0.5), 25 batches per epoch)", () => {
    const s = fit_flat_cos({ n_epoch: 4, lr: 0.01, div_final: 100, pct_start: 0.5, n_iter: 25 });
    expectValues(
      s,
      [0.01, 0.01, 0.01, 0.009990232324344204, 0.00505, 0.0001097676756557954, 9.99999999999994e-5],
      [0, 49, 50, 51, 75, 99, 100],
    );
  });

  it("rejects bad parameters and rebuilds from its spec and the text syntax", () => {
    expectThrow(
      () => fit_flat_cos({ n_epoch: 2, n_iter: 10, lr: -0.1 }),
      RangeError,
      "fastai.fit_flat_cos: lr must be a non-negative number, got -0.1",
    );
    expectThrow(
      () => fit_flat_cos({ n_epoch: 2, n_iter: 0 }),
      RangeError,
      "fastai.fit_flat_cos: n_iter must be a positive integer, got 0",
    );
    const s = fit_flat_cos({ n_epoch: 4, lr: 0.01, div_final: 100, pct_start: 0.5, n_iter: 25 });
    expectRebuilt(s, "fastai.fit_flat_cos(4, 0.01, 100, 0.5, 25)", 110);
  });
});

describe("fastai.fit_sgdr", () => {
  it("runs cosine cycles of 1, 2 and 4 epochs (the notebook's fit_sgdr(3, 1), 10 batches per epoch)", () => {
    const s = fit_sgdr({ n_cycles: 3, cycle_len: 1, n_iter: 10 });
    // Step 30 (pos 3/7) still ends the second cycle: float32(3/7) < float32(1/7 + 2/7). The notebook
    // notes it ("the start of a cycle can be mixed with the 0 of the previous cycle") and tests from
    // the second batch of each cycle.
    expectValues(
      s,
      [
        0.001, 0.0009755282610408026, 0.0005, 2.4471724493070764e-5, 0.001, 0.0009938441728606976,
        0.0005000000936267571, 6.155847278185422e-6, 7.892991815694472e-17, 0.0009984586732482827, 0.0005,
        1.54133754096163e-6, 0.0, 0.0,
      ],
      [0, 1, 5, 9, 10, 11, 20, 29, 30, 31, 50, 69, 70, 80],
    );
    expect(s.horizon).toBe(70);
  });

  it("lengthens the cycles by cycle_mult (fit_sgdr(2, 2, 0.1, 3), 5 batches per epoch: 8 epochs)", () => {
    const s = fit_sgdr({ n_cycles: 2, cycle_len: 2, lr_max: 0.1, cycle_mult: 3, n_iter: 5 });
    expectValues(
      s,
      [
        0.1, 0.09755282574242703, 0.0024471753425328174, 0.1, 0.09972609461753595, 0.05,
        0.0002739047096313313, 0.0,
      ],
      [0, 1, 9, 10, 11, 25, 39, 40],
    );
    expect(s.horizon).toBe(40);
  });

  it("follows fastai where it accepts odd multipliers: cycle_mult 0 (one cycle), a negative one with one cycle", () => {
    // fastai: n_epoch = cycle_len, the later cycles empty; at pos = 1 fastai gives nan, lrkit holds 0.
    const zero = fit_sgdr({ n_cycles: 3, cycle_len: 2, lr_max: 0.05, cycle_mult: 0, n_iter: 4 });
    expectValues(zero, [0.05, 0.04809698831278217, 0.025, 0.0019030116872178343, 0], [0, 1, 4, 7, 8]);
    const negative = fit_sgdr({ n_cycles: 1, cycle_len: 3, lr_max: 0.05, cycle_mult: -4, n_iter: 2 });
    expectValues(negative, [0.05, 0.046650634899555225, 0.025, 0.0033493656856120463, 0.0], [0, 1, 3, 5, 6]);
  });

  it("rejects what fastai cannot run, naming the preset, the parameter and the value", () => {
    // fastai: ZeroDivisionError (cycle_mult - 1 = 0).
    expectThrow(
      () => fit_sgdr({ n_cycles: 2, cycle_len: 1, cycle_mult: 1, n_iter: 10 }),
      RangeError,
      "fastai.fit_sgdr: cycle_mult must not be 1 (fastai divides by cycle_mult - 1), got 1",
    );
    // fastai: a float n_epoch, on which Learner.fit's range() fails.
    expectThrow(
      () => fit_sgdr({ n_cycles: 2, cycle_len: 1, cycle_mult: 1.5, n_iter: 10 }),
      RangeError,
      "fastai.fit_sgdr: cycle_mult must be an integer (fastai's n_epoch must be an int), got 1.5",
    );
    // fastai: ZeroDivisionError (n_epoch = 0).
    expectThrow(
      () => fit_sgdr({ n_cycles: 2, cycle_len: 1, cycle_mult: -1, n_iter: 10 }),
      RangeError,
      "fastai.fit_sgdr: cycle_mult gives n_epoch = 0 (fastai divides by it), got -1",
    );
    // fastai: AssertionError (pcts >= 0).
    expectThrow(
      () => fit_sgdr({ n_cycles: 2, cycle_len: 1, cycle_mult: -2, n_iter: 10 }),
      RangeError,
      "fastai.fit_sgdr: cycle_mult gives a negative cycle with n_cycles = 2 (fastai asserts pcts >= 0), got -2",
    );
    expectThrow(
      () => fit_sgdr({ n_cycles: 0, cycle_len: 1, n_iter: 10 }),
      RangeError,
      "fastai.fit_sgdr: n_cycles must be a positive integer, got 0",
    );
    expectThrow(
      () => fit_sgdr({ n_cycles: 60, cycle_len: 1, n_iter: 10 }),
      RangeError,
      "fastai.fit_sgdr: n_cycles gives more than 2^53 steps, got 60",
    );
    expectThrow(
      () => fit_sgdr({ n_epoch: 7, n_cycles: 3, cycle_len: 1, n_iter: 10 } as never),
      TypeError,
      'fastai.fit_sgdr: unknown parameter "n_epoch" (parameters: n_cycles, cycle_len, lr_max, cycle_mult, n_iter)',
    );
  });

  it("rebuilds from its spec and the text syntax, and never rises within a cycle", () => {
    const s = fit_sgdr({ n_cycles: 2, cycle_len: 2, lr_max: 0.1, cycle_mult: 3, n_iter: 5 });
    expectRebuilt(s, "fastai.fit_sgdr(2, 2, 0.1, 3, n_iter=5)", 50);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 20 }),
        (n_cycles, cycle_len, cycle_mult, n_iter) => {
          const sgdr = fit_sgdr({ n_cycles, cycle_len, cycle_mult, n_iter });
          const steps = sgdr.horizon!;
          expect(steps).toBe(((cycle_len * (cycle_mult ** n_cycles - 1)) / (cycle_mult - 1)) * n_iter);
          let rises = 0;
          for (let t = 1; t <= steps; t++) {
            const v = sgdr(t);
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1e-3);
            if (v > sgdr(t - 1)) rises++;
          }
          // One restart per cycle after the first (n_iter >= 2: a cycle ends below lr_max), nothing else.
          expect(rises).toBe(n_cycles - 1);
          expect(sgdr(steps)).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
