import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Schedule } from "../../schedule.js";
import { expectThrow, expectValues } from "../../test/expect.js";
import { expectRebuilt, roundTrip } from "../../test/roundTrip.js";
import { ExponentialDecay, InverseTimeDecay, PiecewiseConstantDecay, PolynomialDecay } from "./index.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values: keras-team/keras keras/src/optimizers/schedules/learning_rate_schedule.py, each
// __call__ transcribed into CPython in float64 (scratch script, not committed), unless a test says
// they come from keras/src/optimizers/schedules/learning_rate_schedule_test.py.

const STEPS = [0, 1, 2, 3, 5, 9, 10, 11, 15, 20, 99, 100, 101, 1000, 123456];

describe("keras.ExponentialDecay", () => {
  it("decays as initial_learning_rate * decay_rate ** (step / decay_steps)", () => {
    const s = ExponentialDecay({ initial_learning_rate: 0.05, decay_steps: 10, decay_rate: 0.96 });
    expectValues(
      s,
      [0.05, 0.049796306069892535, 0.048989794855663564, 0.048, 0.047030203061437015, 0.03324163179957504],
      [0, 1, 5, 10, 15, 100],
    );
    expect(s.spec).toEqual({
      type: "keras.ExponentialDecay",
      initial_learning_rate: 0.05,
      decay_steps: 10,
      decay_rate: 0.96,
    });
  });

  it("floors the exponent with staircase (the test file's test_staircase: 0.1 until step 3, 0.1 * 0.96 ** 33 at 100)", () => {
    const s = ExponentialDecay({
      initial_learning_rate: 0.1,
      decay_steps: 3,
      decay_rate: 0.96,
      staircase: true,
    });
    expectValues(s, [0.1, 0.1, 0.1, 0.096, 0.096, 0.02599864358413614], [0, 1, 2, 3, 5, 100]);
  });

  it("rejects a non-positive decay_steps, as Keras does", () => {
    expectThrow(
      () => ExponentialDecay({ initial_learning_rate: 0.1, decay_steps: 0, decay_rate: 0.96 }),
      RangeError,
      "keras.ExponentialDecay: decay_steps must be a positive number, got 0",
    );
    expectThrow(
      () => ExponentialDecay({ initial_learning_rate: 0.1, decay_steps: 10, decay_rate: -0.5 }),
      RangeError,
      "keras.ExponentialDecay: decay_rate must be a positive number, got -0.5",
    );
    expectThrow(
      // @ts-expect-error Keras' name parameter is not taken
      () => ExponentialDecay({ initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.9, name: "x" }),
      TypeError,
      'keras.ExponentialDecay: unknown parameter "name" (parameters: initial_learning_rate, decay_steps, decay_rate, staircase)',
    );
  });
});

describe("keras.PiecewiseConstantDecay", () => {
  it("switches just after each boundary (the test file's test_piecewise_values)", () => {
    const s = PiecewiseConstantDecay({ boundaries: [100, 110, 120], values: [1.0, 0.1, 0.01, 0.001] });
    expectValues(
      s,
      [1.0, 1.0, 0.1, 0.1, 0.1, 0.01, 0.01, 0.001, 0.001],
      [0, 100, 101, 105, 110, 111, 120, 121, 999],
    );
    expect(s.horizon).toBe(120);
  });

  it("switches after 1, 2 and 3 (the test file's test_boundary_values)", () => {
    const s = PiecewiseConstantDecay({ boundaries: [1, 2, 3], values: [0.4, 0.5, 0.6, 0.7] });
    expectValues(s, [0.4, 0.4, 0.5, 0.6, 0.7], [0, 1, 2, 3, 4]);
  });

  it("rejects a length mismatch (Keras' ValueError), no boundaries and unsorted boundaries", () => {
    expectThrow(
      () => PiecewiseConstantDecay({ boundaries: [10, 20], values: [1, 2] }),
      RangeError,
      "keras.PiecewiseConstantDecay: values must hold boundaries.length + 1 = 3 values, got [1,2]",
    );
    expectThrow(
      () => PiecewiseConstantDecay({ boundaries: [], values: [1] }),
      RangeError,
      "keras.PiecewiseConstantDecay: boundaries must not be empty, got []",
    );
    expectThrow(
      () => PiecewiseConstantDecay({ boundaries: [20, 10], values: [1, 2, 3] }),
      RangeError,
      "keras.PiecewiseConstantDecay: boundaries must be sorted in increasing order, got [20,10]",
    );
  });
});

describe("keras.PolynomialDecay", () => {
  it("decays with power 0.5 to end_learning_rate and holds it (the test file's SqrtDecayTest setup)", () => {
    const s = PolynomialDecay({
      initial_learning_rate: 0.05,
      decay_steps: 10,
      end_learning_rate: 0.001,
      power: 0.5,
    });
    expectValues(
      s,
      [0.05, 0.047485481604475174, 0.03564823227814083, 0.016495160534825058, 0.001, 0.001],
      [0, 1, 5, 9, 10, 15],
    );
    expect(s.horizon).toBe(10);
  });

  it("decays again over the next multiple of decay_steps with cycle (15 -> (lr - end) * 0.25 + end)", () => {
    const s = PolynomialDecay({
      initial_learning_rate: 0.05,
      decay_steps: 10,
      end_learning_rate: 0.001,
      cycle: true,
    });
    expectValues(
      s,
      [
        0.05, 0.025500000000000002, 0.001, 0.02305, 0.013250000000000001, 0.001, 0.015700000000000002,
        0.007125,
      ],
      [0, 5, 10, 11, 15, 20, 21, 35],
    );
    expect(s.horizon).toBeUndefined();
  });

  it("ends at 0.0001 by default, not 0", () => {
    const s = PolynomialDecay({ initial_learning_rate: 0.1, decay_steps: 100 });
    expectValues(s, [0.1, 0.050050000000000004, 0.0001, 0.0001], [0, 50, 100, 150]);
  });

  it("rejects a non-positive decay_steps or power", () => {
    expectThrow(
      () => PolynomialDecay({ initial_learning_rate: 0.1, decay_steps: -5 }),
      RangeError,
      "keras.PolynomialDecay: decay_steps must be a positive number, got -5",
    );
    expectThrow(
      () => PolynomialDecay({ initial_learning_rate: 0.1, decay_steps: 5, power: 0 }),
      RangeError,
      "keras.PolynomialDecay: power must be a positive number, got 0",
    );
  });
});

describe("keras.InverseTimeDecay", () => {
  it("decays as initial_learning_rate / (1 + decay_rate * step / decay_steps)", () => {
    const s = InverseTimeDecay({ initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.96 });
    expectValues(
      s,
      [0.1, 0.09124087591240876, 0.06756756756756757, 0.05102040816326531, 0.029411764705882356],
      [0, 1, 5, 10, 25],
    );
  });

  it("floors step / decay_steps with staircase", () => {
    const s = InverseTimeDecay({
      initial_learning_rate: 0.1,
      decay_steps: 10,
      decay_rate: 0.96,
      staircase: true,
    });
    expectValues(
      s,
      [0.1, 0.1, 0.05102040816326531, 0.05102040816326531, 0.03424657534246576, 0.03424657534246576],
      [0, 9, 10, 19, 20, 25],
    );
  });

  it("rejects a non-positive decay_steps and a negative learning rate", () => {
    expectThrow(
      () => InverseTimeDecay({ initial_learning_rate: 0.1, decay_steps: 0, decay_rate: 0.5 }),
      RangeError,
      "keras.InverseTimeDecay: decay_steps must be a positive number, got 0",
    );
    expectThrow(
      () => InverseTimeDecay({ initial_learning_rate: -0.1, decay_steps: 1, decay_rate: 0.5 }),
      RangeError,
      "keras.InverseTimeDecay: initial_learning_rate must be a non-negative number, got -0.1",
    );
  });
});

describe("keras decay presets as data", () => {
  it("are rebuilt from their JSON specs and from the text syntax with positional arguments", () => {
    const cases: [Schedule, string][] = [
      [
        ExponentialDecay({ initial_learning_rate: 0.1, decay_steps: 3, decay_rate: 0.96, staircase: true }),
        "keras.ExponentialDecay(0.1, 3, 0.96, True)",
      ],
      [
        PiecewiseConstantDecay({ boundaries: [10, 20], values: [0.1, 0.01, 0.001] }),
        "keras.PiecewiseConstantDecay([10, 20], [0.1, 0.01, 0.001])",
      ],
      [
        PolynomialDecay({
          initial_learning_rate: 0.05,
          decay_steps: 10,
          end_learning_rate: 0.001,
          power: 0.5,
          cycle: true,
        }),
        "keras.PolynomialDecay(0.05, 10, 0.001, power=0.5, cycle=True)",
      ],
      [
        InverseTimeDecay({ initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.96 }),
        "keras.InverseTimeDecay(0.1, 10, decay_rate=0.96)",
      ],
    ];
    for (const [s, text] of cases) {
      expectRebuilt(s, text, STEPS);
    }
  });

  it("never increase and survive a JSON round trip for random parameters", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.boolean(),
        (lr, steps, rate, staircase) => {
          const schedules = [
            ExponentialDecay({ initial_learning_rate: lr, decay_steps: steps, decay_rate: rate, staircase }),
            InverseTimeDecay({ initial_learning_rate: lr, decay_steps: steps, decay_rate: rate, staircase }),
            PolynomialDecay({
              initial_learning_rate: lr,
              decay_steps: steps,
              end_learning_rate: 0,
              power: 1 + rate,
            }),
          ];
          for (const s of schedules) {
            const copy = roundTrip(s);
            let previous = Infinity;
            for (let t = 0; t <= 3 * steps; t += Math.max(1, Math.floor(steps / 7))) {
              const v = s(t);
              expect(v).toBeLessThanOrEqual(previous);
              expect(copy(t)).toBe(v);
              previous = v;
            }
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
