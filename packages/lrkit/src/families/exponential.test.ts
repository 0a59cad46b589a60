import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../test/expect.js";
import { exponential } from "./exponential.js";

describe("exponential", () => {
  it("is PyTorch's ExponentialLR with the defaults (closed form, gamma=0.95, torch 1.13.1)", () => {
    expectValues(
      exponential({ lr: 0.1, gamma: 0.95 }),
      [0.1, 0.095, 0.09025, 0.05987369392383787, 0.0005920529220333997],
      [0, 1, 2, 10, 100],
    );
  });

  it("decays in stairs every decaySteps (Keras ExponentialDecay(0.1, 100, 0.96, staircase=True))", () => {
    // Expected: initial_learning_rate * decay_rate ** floor(step / decay_steps), from
    // keras/src/optimizers/schedules/learning_rate_schedule.py, evaluated in CPython.
    expectValues(
      exponential({ lr: 0.1, gamma: 0.96, decaySteps: 100, staircase: true }),
      [0.1, 0.1, 0.096, 0.09216],
      [0, 99, 100, 250],
    );
  });

  it("waits transitionBegin steps and stops at endLr (Optax exponential_decay(0.1, 10, 0.5, 5, end_value=0.01))", () => {
    // Expected: optax/schedules/_schedule.py exponential_decay's formula, evaluated in CPython.
    const s = exponential({ lr: 0.1, gamma: 0.5, decaySteps: 10, transitionBegin: 5, endLr: 0.01 });
    expectValues(s, [0.1, 0.1, 0.09330329915368074, 0.05, 0.025, 0.0125, 0.01], [0, 5, 6, 15, 25, 35, 100]);
  });

  it("treats endLr as a ceiling when gamma > 1", () => {
    expect(exponential({ lr: 0.1, gamma: 2, endLr: 0.5 })(10)).toBe(0.5);
  });

  it("rejects a zero gamma and a zero decaySteps", () => {
    expectThrow(
      () => exponential({ lr: 0.1, gamma: 0 }),
      RangeError,
      "exponential: gamma must be a positive number, got 0",
    );
    expectThrow(
      () => exponential({ lr: 0.1, gamma: 0.9, decaySteps: 0 }),
      RangeError,
      "exponential: decaySteps must be a positive number, got 0",
    );
  });
});
