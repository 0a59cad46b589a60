import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Schedule } from "../../schedule.js";
import { fromSpec } from "../../spec/fromSpec.js";
import { expectThrow, expectValues } from "../../test/expect.js";
import { expectRebuilt, expectSame, roundTrip } from "../../test/roundTrip.js";
import {
  constant_schedule,
  cosine_decay_schedule,
  exponential_decay,
  linear_schedule,
  polynomial_schedule,
} from "./index.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values (in float64; Optax itself computes in float32 under JAX): google-deepmind/optax
// optax/schedules/_schedule.py, the schedule functions transcribed into CPython with jnp -> numpy
// float64 and math.cos (scratch script, not committed; numpy 1.24's vectorised cos is an ulp off
// glibc's, which 1 + cos near pi magnifies), unless a test says they are stated in
// optax/schedules/_schedule_test.py.

const STEPS = [0, 1, 2, 3, 4, 5, 9, 10, 11, 13, 14, 20, 50, 99, 100, 101, 1000, 12345];
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("optax.constant_schedule", () => {
  it("holds its value (the test file's test_constant)", () => {
    const s = constant_schedule({ value: 10 });
    expectValues(s, [10, 10, 10], [0, 7, 1000]);
    expect(s.spec).toEqual({ type: "optax.constant_schedule", value: 10 });
  });

  it("accepts a negative value, as Optax does", () => {
    // Expected: optax 0.2.8 (jax 0.10.2, jax_enable_x64), schedule(t) with a Python int t.
    expectValues(constant_schedule({ value: -0.1 }), [-0.1, -0.1], [0, 5]);
  });
});

describe("optax.polynomial_schedule", () => {
  it("holds init_value until transition_begin, then decays with the power (the test file's test_with_decay_begin setup)", () => {
    const s = polynomial_schedule({
      init_value: 30,
      end_value: 10,
      power: 2,
      transition_steps: 10,
      transition_begin: 4,
    });
    expectValues(
      s,
      [30.0, 30.0, 30.0, 26.200000000000003, 15.0, 10.2, 10.0, 10.0],
      [0, 3, 4, 5, 9, 13, 14, 19],
    );
    expect(s.horizon).toBe(14);
  });

  it("matches the docstring's example counts 0, 5, 6, 104, 105, 110", () => {
    const s = polynomial_schedule({
      init_value: 1.0,
      end_value: 0.01,
      power: 2,
      transition_steps: 100,
      transition_begin: 5,
    });
    expectValues(s, [1.0, 1.0, 0.9802989999999999, 0.010099, 0.01, 0.01], [0, 5, 6, 104, 105, 110]);
  });

  it("counts a negative transition_begin as 0 and rises when end_value is higher, as Optax does", () => {
    const s = polynomial_schedule({
      init_value: 0.1,
      end_value: 0.3,
      power: 0.5,
      transition_steps: 20,
      transition_begin: -3,
    });
    expectValues(
      s,
      [0.1, 0.10506411310382074, 0.15857864376269049, 0.2552786404500042, 0.3, 0.3],
      [0, 1, 10, 19, 20, 30],
    );
  });

  it("is constant at init_value when transition_steps <= 0 (the test file's test_zero_steps_schedule)", () => {
    for (const transition_steps of [-1, 0]) {
      const s = polynomial_schedule({ init_value: 10, end_value: 20, power: 1, transition_steps });
      expectValues(s, Array(15).fill(10), range(15));
    }
  });

  it("crosses zero and starts below it, as Optax does with values of any sign", () => {
    // Expected: optax 0.2.8 (jax 0.10.2, jax_enable_x64), schedule(t) with a Python int t.
    expectValues(
      polynomial_schedule({ init_value: 1, end_value: -1, power: 1, transition_steps: 10 }),
      [1.0, 0.0, -1.0, -1.0],
      [0, 5, 10, 12],
    );
    expectValues(
      polynomial_schedule({
        init_value: -0.5,
        end_value: 0.25,
        power: 2,
        transition_steps: 8,
        transition_begin: 2,
      }),
      [-0.5, -0.5, -0.04296875, 0.25, 0.25],
      [0, 2, 5, 10, 11],
    );
  });

  it("rejects a non-positive power, a non-finite value and a missing power", () => {
    expectThrow(
      () => polynomial_schedule({ init_value: 1, end_value: 0, power: 0, transition_steps: 10 }),
      RangeError,
      "optax.polynomial_schedule: power must be a positive number, got 0",
    );
    expectThrow(
      () => polynomial_schedule({ init_value: 1, end_value: -Infinity, power: 1, transition_steps: 10 }),
      TypeError,
      "optax.polynomial_schedule: end_value must be a finite number, got -Infinity",
    );
    expectThrow(
      // @ts-expect-error power is required: Optax has no default
      () => polynomial_schedule({ init_value: 1, end_value: 0, transition_steps: 10 }),
      TypeError,
      "optax.polynomial_schedule: power is required",
    );
  });
});

describe("optax.linear_schedule", () => {
  it("goes from 10 to 20 in 10 steps and holds (the test file's test_linear)", () => {
    const s = linear_schedule({ init_value: 10, end_value: 20, transition_steps: 10 });
    expectValues(s, [...range(10).map((n) => 10 + n), 20, 20, 20, 20, 20], range(15));
  });

  it("keeps Optax's own value before transition_begin, (init - end) * 1 + end", () => {
    const s = linear_schedule({ init_value: 1e-4, end_value: 0.1, transition_steps: 7, transition_begin: 3 });
    expect(s.horizon).toBe(10);
    expectValues(
      s,
      [
        0.00010000000000000286, 0.00010000000000000286, 0.00010000000000000286, 0.014371428571428563,
        0.08572857142857143, 0.1, 0.1,
      ],
      [0, 2, 3, 4, 9, 10, 11],
    );
  });
});

describe("optax.linear_schedule errors", () => {
  it("accepts a negative init_value, as Optax does", () => {
    // Expected: optax 0.2.8 (jax 0.10.2, jax_enable_x64), schedule(t) with a Python int t.
    expectValues(
      linear_schedule({ init_value: -1, end_value: 0, transition_steps: 10 }),
      [-1.0, -0.7, 0.0],
      [0, 3, 10],
    );
  });

  it("rejects non-numbers, naming the parameter", () => {
    expectThrow(
      // @ts-expect-error a string is not a number
      () => linear_schedule({ init_value: 1, end_value: 0, transition_steps: "10" }),
      TypeError,
      'optax.linear_schedule: transition_steps must be a finite number, got "10"',
    );
  });
});

describe("optax.exponential_decay", () => {
  it("decays a negative init_value toward 0, bounded by end_value from below, as Optax does", () => {
    // Expected: optax 0.2.8 (jax 0.10.2, jax_enable_x64), schedule(t) with a Python int t.
    expectValues(
      exponential_decay({ init_value: -1, transition_steps: 2, decay_rate: 0.5, end_value: -0.3 }),
      [-0.3, -0.3, -0.3, -0.25, -0.125],
      [0, 1, 2, 4, 6],
    );
  });

  it("holds until transition_begin, then grows with decay_rate 2 (the test file's test_exponential setup)", () => {
    const s = exponential_decay({ init_value: 1, transition_steps: 2, decay_rate: 2, transition_begin: 5 });
    expectValues(
      s,
      [
        1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.4142135623730951, 2.0, 2.8284271247461903, 4.0, 5.656854249492381,
        8.0, 11.313708498984761, 16.0, 22.627416997969522, 32.0, 45.254833995939045, 64.0, 90.50966799187809,
        128.0,
      ],
      range(20),
    );
    const stairs = exponential_decay({
      init_value: 1,
      transition_steps: 2,
      decay_rate: 2,
      transition_begin: 5,
      staircase: true,
    });
    expectValues(
      stairs,
      [1, 1, 1, 1, 1, 1, 1, 2, 2, 4, 4, 8, 8, 16, 16, 32, 32, 64, 64, 128].map(Number),
      range(20),
    );
  });

  it("floors at end_value when decay_rate < 1 and caps at it otherwise (the test file's test_end_value_with_staircase setup)", () => {
    const floor = exponential_decay({
      init_value: 1,
      transition_steps: 2,
      decay_rate: 0.2,
      transition_begin: 3,
      end_value: 0.1,
    });
    expectValues(floor, [1.0, 1.0, 0.4472135954999579, 0.2, 0.1, 0.1, 0.1], [0, 3, 4, 5, 6, 7, 13]);
    const cap = exponential_decay({
      init_value: 1,
      transition_steps: 2,
      decay_rate: 2,
      transition_begin: 3,
      staircase: true,
      end_value: 3,
    });
    expectValues(cap, [1.0, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0], [0, 3, 4, 5, 6, 7, 13]);
  });

  it("is 32, 16, 8, 4, 2 with decay_rate 0.5 (the test file's test_immutable_count)", () => {
    expectValues(
      exponential_decay({ init_value: 32, transition_steps: 1, decay_rate: 0.5 }),
      [32, 16, 8, 4, 2],
    );
  });

  it("falls back as Optax does: constant for transition_steps <= 0 or decay_rate 0, transition_begin < 0 as 0", () => {
    for (const transition_steps of [-1, 0]) {
      const s = exponential_decay({ init_value: 1, transition_steps, decay_rate: 0.5, end_value: 0.1 });
      expectValues(s, Array(15).fill(1), range(15));
    }
    const zero = exponential_decay({ init_value: 1, transition_steps: 2, decay_rate: 0, end_value: 0.5 });
    expectValues(zero, Array(15).fill(1), range(15));
    const early = exponential_decay({
      init_value: 0.1,
      transition_steps: 100,
      decay_rate: 0.96,
      transition_begin: -10,
    });
    expectValues(
      early,
      [0.1, 0.09995918633652227, 0.09797958971132714, 0.09029798987795908],
      [0, 1, 50, 250],
    );
  });

  it("rejects a negative decay_rate (Optax accepts it and returns NaN or alternating signs)", () => {
    expectThrow(
      () => exponential_decay({ init_value: 1, transition_steps: 2, decay_rate: -0.5 }),
      RangeError,
      "optax.exponential_decay: decay_rate must be a non-negative number, got -0.5",
    );
  });
});

describe("optax.cosine_decay_schedule", () => {
  it("anneals to 0 over decay_steps and holds (the test file's test_decay_count_smaller_count and _greater_count)", () => {
    const s = cosine_decay_schedule({ init_value: 0.1, decay_steps: 10 });
    expectValues(
      s,
      [
        0.1, 0.09755282581475769, 0.09045084971874738, 0.07938926261462366, 0.06545084971874737, 0.05,
        0.03454915028125263, 0.02061073738537635, 0.009549150281252633, 0.0024471741852423235, 0.0, 0.0,
      ],
      range(12),
    );
    expect(s.horizon).toBe(10);
  });

  it("stops at alpha * init_value (the test file's test_decay_count_greater_count_with_alpha)", () => {
    const s = cosine_decay_schedule({ init_value: 0.1, decay_steps: 5, alpha: 0.1 });
    expectValues(
      s,
      [
        0.1, 0.09140576474687263, 0.06890576474687264, 0.04109423525312738, 0.018594235253127374,
        0.010000000000000002, 0.010000000000000002, 0.010000000000000002,
      ],
      range(8),
    );
  });

  it("raises the cosine factor to exponent", () => {
    const s = cosine_decay_schedule({ init_value: 0.1, decay_steps: 100, exponent: 2 });
    expectValues(s, [0.1, 0.09516553824444453, 0.025, 0.002144660940672625, 0.0], [0, 10, 50, 75, 100]);
  });

  it("agrees with the float32 numbers stated in the test file, within its tolerance (rtol 1e-6)", () => {
    // optax/schedules/_schedule_test.py test_with_exponent and test_with_giant_int_steps.
    const s = cosine_decay_schedule({ init_value: 0.1, decay_steps: 100, exponent: 2 });
    const stated = [0.1, 0.09516553580760956, 0.025, 0.0021446612663567066, 0.0];
    [0, 10, 50, 75, 100].forEach((t, i) =>
      expect(Math.abs(s(t) - stated[i]!)).toBeLessThanOrEqual(1e-8 + 1e-6 * stated[i]!),
    );
    const giant = cosine_decay_schedule({ init_value: 1000, decay_steps: 1e10 });
    expectValues(giant, [975.5282581475768], [1e9]);
    expect(Math.abs(giant(1e9) - 975.52826)).toBeLessThanOrEqual(1e-7 * 975.52826);
  });

  it("accepts an alpha outside [0, 1] and a negative init_value, as Optax does", () => {
    // Expected: optax 0.2.8 (jax 0.10.2, jax_enable_x64), schedule(t) with a Python int t.
    expectValues(
      cosine_decay_schedule({ init_value: 0.1, decay_steps: 10, alpha: -0.5 }),
      [0.1, 0.025, -0.05, -0.05],
      [0, 5, 10, 20],
    );
    expectValues(
      cosine_decay_schedule({ init_value: -0.1, decay_steps: 10, alpha: 0.1, exponent: 2 }),
      [-0.1, -0.06672389516644314, -0.010000000000000002],
      [0, 3, 10],
    );
  });

  it("rejects a non-positive decay_steps (Optax's ValueError)", () => {
    expectThrow(
      () => cosine_decay_schedule({ init_value: 0.1, decay_steps: 0 }),
      RangeError,
      "optax.cosine_decay_schedule: decay_steps must be a positive number, got 0",
    );
  });
});

describe("optax leaf schedules as data", () => {
  it("are rebuilt from their JSON specs and from the text syntax", () => {
    const cases: [Schedule, string][] = [
      [constant_schedule({ value: 0.1 }), "optax.constant_schedule(0.1)"],
      [
        polynomial_schedule({
          init_value: 30,
          end_value: 10,
          power: 2,
          transition_steps: 10,
          transition_begin: 4,
        }),
        "optax.polynomial_schedule(30, 10, 2, 10, 4)",
      ],
      [
        linear_schedule({ init_value: 0, end_value: 0.1, transition_steps: 0 }),
        "optax.linear_schedule(init_value=0, end_value=0.1, transition_steps=0)",
      ],
      [
        exponential_decay({
          init_value: 1,
          transition_steps: 2,
          decay_rate: 0.2,
          transition_begin: 3,
          staircase: true,
          end_value: 0.1,
        }),
        "optax.exponential_decay(1, 2, 0.2, 3, True, 0.1)",
      ],
      [
        exponential_decay({ init_value: 1, transition_steps: 2, decay_rate: 0.2 }),
        "optax.exponential_decay(1, 2, 0.2, end_value=None)",
      ],
      [
        cosine_decay_schedule({ init_value: 0.1, decay_steps: 100, alpha: 0.1, exponent: 2 }),
        "optax.cosine_decay_schedule(0.1, 100, 0.1, 2)",
      ],
    ];
    for (const [s, text] of cases) {
      expectRebuilt(s, text, STEPS);
    }
  });

  it("accept end_value null in a JSON spec, as Optax's None", () => {
    const s = fromSpec({
      type: "optax.exponential_decay",
      init_value: 1,
      transition_steps: 2,
      decay_rate: 0.5,
      end_value: null,
    });
    expectSame(s, exponential_decay({ init_value: 1, transition_steps: 2, decay_rate: 0.5 }), STEPS);
  });

  it("decay monotonically between init_value and end_value for random parameters", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 0.25, max: 4, noNaN: true }),
        (init, ratio, steps, begin, power) => {
          const end = init * ratio;
          const schedules = [
            polynomial_schedule({
              init_value: init,
              end_value: end,
              power,
              transition_steps: steps,
              transition_begin: begin,
            }),
            cosine_decay_schedule({ init_value: init, decay_steps: steps, alpha: ratio, exponent: power }),
            exponential_decay({
              init_value: init,
              transition_steps: steps,
              decay_rate: ratio || 0.5,
              transition_begin: begin,
              end_value: end,
            }),
          ];
          for (const s of schedules) {
            const copy = roundTrip(s);
            let previous = Infinity;
            for (let t = 0; t <= 2 * (steps + begin); t++) {
              const v = s(t);
              expect(v).toBeLessThanOrEqual(previous * (1 + 1e-15));
              expect(v).toBeGreaterThanOrEqual(end * (1 - 1e-12));
              expect(v).toBeLessThanOrEqual(init * (1 + 1e-12));
              expect(copy(t)).toBe(v);
              previous = v;
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
