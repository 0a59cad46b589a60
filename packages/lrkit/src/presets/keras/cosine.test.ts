import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Schedule } from "../../schedule.js";
import { fromSpec } from "../../spec/fromSpec.js";
import { expectThrow, expectValues } from "../../test/expect.js";
import { expectRebuilt, expectSame, roundTrip } from "../../test/roundTrip.js";
import { CosineDecay, CosineDecayRestarts } from "./index.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values: keras-team/keras keras/src/optimizers/schedules/learning_rate_schedule.py,
// CosineDecay.__call__ and CosineDecayRestarts.__call__ transcribed into CPython in float64
// (scratch script, not committed), unless a test names the reference function of
// keras/src/optimizers/schedules/learning_rate_schedule_test.py.

const STEPS = [0, 1, 2, 5, 9, 10, 11, 24, 25, 26, 99, 100, 101, 250, 999, 1000, 1001, 3000, 12345];

describe("keras.CosineDecay", () => {
  it("anneals from initial_learning_rate to 0 over decay_steps and holds (the test file's test_decay steps)", () => {
    const s = CosineDecay({ initial_learning_rate: 1.0, decay_steps: 1000 });
    expectValues(
      s,
      [1.0, 0.8535533905932737, 0.5, 0.14644660940672627, 2.467399070893439e-6, 0.0, 0.0],
      [0, 250, 500, 750, 999, 1000, 1250],
    );
    expect(s.horizon).toBe(1000);
  });

  it("stops at alpha times the initial learning rate", () => {
    const s = CosineDecay({ initial_learning_rate: 1.0, decay_steps: 1000, alpha: 0.1 });
    expectValues(
      s,
      [1.0, 0.8681980515339464, 0.55, 0.10000222065916381, 0.1, 0.1],
      [0, 250, 500, 999, 1000, 1250],
    );
  });

  it("warms up linearly to warmup_target, then decays over decay_steps more steps to alpha * warmup_target", () => {
    const s = CosineDecay({
      initial_learning_rate: 0.01,
      decay_steps: 100,
      alpha: 0.1,
      warmup_target: 0.2,
      warmup_steps: 10,
    });
    expectValues(
      s,
      [
        0.01, 0.029000000000000005, 0.105, 0.18100000000000002, 0.2, 0.19995559043291586, 0.11000000000000001,
        0.020044409567084157, 0.020000000000000004, 0.020000000000000004,
      ],
      [0, 1, 5, 9, 10, 11, 60, 109, 110, 200],
    );
    expect(s.horizon).toBe(110);
  });

  it("matches the test file's test_warmup_decay (warmup 2000 steps from 0 to 10, then 1000 steps of decay)", () => {
    const s = CosineDecay({
      initial_learning_rate: 0.0,
      decay_steps: 1000,
      warmup_target: 10.0,
      warmup_steps: 2000,
    });
    const steps = Array.from({ length: 12 }, (_, i) => 250 * i);
    expectValues(
      s,
      [0.0, 1.25, 2.5, 3.75, 5.0, 6.25, 7.5, 8.75, 10.0, 8.535533905932738, 5.0, 1.4644660940672627],
      steps,
    );
  });

  it("ignores warmup_steps without warmup_target, as Keras does", () => {
    const s = CosineDecay({ initial_learning_rate: 0.1, decay_steps: 100, warmup_steps: 50 });
    expectValues(s, [0.1, 0.09755282581475769, 0.05, 0.0, 0.0], [0, 10, 50, 100, 120]);
    expectSame(s, CosineDecay({ initial_learning_rate: 0.1, decay_steps: 100 }), STEPS);
  });

  it("starts the decay at warmup_target at step 0 when warmup_steps is 0", () => {
    const s = CosineDecay({ initial_learning_rate: 0.05, decay_steps: 10, warmup_target: 0.2 });
    expectValues(s, [0.2, 0.1, 0.0], [0, 5, 10]);
  });

  it("accepts warmup_target null, as in a Keras config", () => {
    const s = fromSpec({
      type: "keras.CosineDecay",
      initial_learning_rate: 0.1,
      decay_steps: 100,
      warmup_target: null,
    });
    expectSame(s, CosineDecay({ initial_learning_rate: 0.1, decay_steps: 100 }), STEPS);
  });

  it("rejects a non-positive decay_steps (Keras' ValueError) and an alpha outside [0, 1]", () => {
    expectThrow(
      () => CosineDecay({ initial_learning_rate: 0.1, decay_steps: 0 }),
      RangeError,
      "keras.CosineDecay: decay_steps must be a positive number, got 0",
    );
    expectThrow(
      () => CosineDecay({ initial_learning_rate: 0.1, decay_steps: 10, alpha: 1.5 }),
      RangeError,
      "keras.CosineDecay: alpha must be in [0, 1], got 1.5",
    );
    expectThrow(
      () =>
        CosineDecay({ initial_learning_rate: 0.1, decay_steps: 10, warmup_target: 0.2, warmup_steps: -1 }),
      RangeError,
      "keras.CosineDecay: warmup_steps must be a non-negative number, got -1",
    );
  });
});

describe("keras.CosineDecayRestarts", () => {
  it("restarts at 1000 and 3000 with t_mul = 2 (the test file's test_decay steps)", () => {
    const s = CosineDecayRestarts({ initial_learning_rate: 1.0, first_decay_steps: 1000 });
    expectValues(
      s,
      [
        1.0, 0.8535533905932737, 2.467399070893439e-6, 1.0, 0.9999993831498517, 0.5, 6.168501482384237e-7,
        1.0, 1.0,
      ],
      [0, 250, 999, 1000, 1001, 2000, 2999, 3000, 7000],
    );
  });

  it("scales the amplitude above alpha by m_mul ** i, with a fractional t_mul", () => {
    const s = CosineDecayRestarts({
      initial_learning_rate: 0.5,
      first_decay_steps: 10,
      t_mul: 1.5,
      m_mul: 0.9,
      alpha: 0.1,
    });
    // Periods [0, 10), [10, 25), [25, 47.5), [47.5, 81.25), ...
    expectValues(
      s,
      [
        0.5, 0.40725168176580645, 0.06101228383359046, 0.455, 0.4374929551726267, 0.054425110851404376,
        0.41450000000000004, 0.4127263555281512, 0.05044395184014702, 0.37787237918730154,
        0.25609278526211543,
      ],
      [0, 3, 9, 10, 12, 24, 25, 26, 47, 48, 100],
    );
  });

  it("repeats equal periods with t_mul = 1", () => {
    const s = CosineDecayRestarts({
      initial_learning_rate: 1.0,
      first_decay_steps: 1000,
      t_mul: 1.0,
      m_mul: 0.9,
      alpha: 0.1,
    });
    expectValues(s, [1.0, 0.55, 0.91, 0.505, 0.8290000000000001, 0.4645], [0, 500, 1000, 1500, 2000, 2500]);
  });

  it("computes the period as Keras does, whose logarithm puts step 1210 at the end of period 4", () => {
    // Expected: keras 3.15.1 (TensorFlow 2.21 backend), CosineDecayRestarts(np.float64(1.0), 10,
    // t_mul=np.float64(3.0), m_mul=np.float64(1.0), alpha=np.float64(0.0)) at t = 0, 10, 40, 130, 400,
    // 1210, 1211. Keras' floor(log(1 + 2 * 121) / log(3)) is 4 in float64: at the restart step 1210
    // it gives the end of period 4 (0.0), where its own test's reference loop and its float32 default
    // give 1.0.
    const s = CosineDecayRestarts({ initial_learning_rate: 1.0, first_decay_steps: 10, t_mul: 3.0 });
    expectValues(s, [1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.9999995821435153], [0, 10, 40, 130, 400, 1210, 1211]);
  });

  it("rejects a non-positive first_decay_steps (Keras' ValueError) and t_mul below 1", () => {
    expectThrow(
      () => CosineDecayRestarts({ initial_learning_rate: 0.1, first_decay_steps: 0 }),
      RangeError,
      "keras.CosineDecayRestarts: first_decay_steps must be a positive number, got 0",
    );
    expectThrow(
      () => CosineDecayRestarts({ initial_learning_rate: 0.1, first_decay_steps: 10, t_mul: 0.5 }),
      RangeError,
      "keras.CosineDecayRestarts: t_mul must be at least 1, got 0.5",
    );
  });
});

describe("keras cosine presets as data", () => {
  it("are rebuilt from their JSON specs and from the text syntax", () => {
    const cases: [Schedule, string][] = [
      [
        CosineDecay({
          initial_learning_rate: 0.01,
          decay_steps: 100,
          alpha: 0.1,
          warmup_target: 0.2,
          warmup_steps: 10,
        }),
        "keras.CosineDecay(0.01, 100, 0.1, warmup_target=0.2, warmup_steps=10)",
      ],
      [
        CosineDecay({ initial_learning_rate: 0.1, decay_steps: 100 }),
        "keras.CosineDecay(0.1, 100, warmup_target=None)",
      ],
      [
        CosineDecayRestarts({
          initial_learning_rate: 0.5,
          first_decay_steps: 10,
          t_mul: 1.5,
          m_mul: 0.9,
          alpha: 0.1,
        }),
        "keras.CosineDecayRestarts(0.5, 10, 1.5, 0.9, 0.1)",
      ],
    ];
    for (const [s, text] of cases) {
      expectRebuilt(s, text, STEPS);
    }
  });

  it("stay within [alpha * peak, peak] and survive a JSON round trip for random parameters", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        (lr, steps, alpha, warmupSteps, tMul) => {
          const decay = CosineDecay({
            initial_learning_rate: 0,
            decay_steps: steps,
            alpha,
            warmup_target: lr,
            warmup_steps: warmupSteps,
          });
          const restarts = CosineDecayRestarts({
            initial_learning_rate: lr,
            first_decay_steps: steps,
            t_mul: tMul,
            m_mul: 1,
            alpha,
          });
          const decayCopy = roundTrip(decay);
          const restartsCopy = roundTrip(restarts);
          for (let t = 0; t <= 4 * (steps + warmupSteps); t++) {
            const v = restarts(t);
            expect(v).toBeGreaterThanOrEqual(lr * alpha * (1 - 1e-12));
            expect(v).toBeLessThanOrEqual(lr * (1 + 1e-12));
            expect(restartsCopy(t)).toBe(v);
            expect(decayCopy(t)).toBe(decay(t));
            if (t >= warmupSteps + steps) expect(decay(t)).toBe(decay(warmupSteps + steps));
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
