import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Schedule } from "../../schedule.js";
import { close, expectThrow, expectValues } from "../../test/expect.js";
import { expectRebuilt, roundTrip } from "../../test/roundTrip.js";
import {
  cosine_onecycle_schedule,
  linear_onecycle_schedule,
  piecewise_constant_schedule,
  piecewise_interpolate_schedule,
} from "./index.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values (in float64; Optax itself computes in float32 under JAX): stated in
// google-deepmind/optax optax/schedules/_schedule_test.py where a test says so; otherwise
// optax/schedules/_schedule.py transcribed into CPython with jnp -> numpy float64 and math.cos
// (scratch script, not committed; numpy 1.24's vectorised cos is an ulp off glibc's, which
// 1 + cos near pi magnifies).

const STEPS = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 29, 30, 31, 60, 85, 99, 100, 101, 250, 1000];
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("optax.piecewise_constant_schedule", () => {
  it("scales a negative init_value (the test file's test_negative)", () => {
    // Expected: optax 0.2.8 (jax 0.10.2, jax_enable_x64), schedule(t) with a Python int t.
    const s = piecewise_constant_schedule({ init_value: -0.1, boundaries_and_scales: { 3: 2.0, 6: 0.5 } });
    expectValues(s, [-0.1, -0.1, -0.1, -0.2, -0.2, -0.2, -0.1, -0.1, -0.1, -0.1], range(10));
  });

  it("scales AT each boundary (the test file's test_positive)", () => {
    const s = piecewise_constant_schedule({ init_value: 0.1, boundaries_and_scales: { 3: 2.0, 6: 0.5 } });
    expectValues(s, [0.1, 0.1, 0.1, 0.2, 0.2, 0.2, 0.1, 0.1, 0.1, 0.1], range(10));
    expect(s.horizon).toBe(6);
  });

  it("multiplies the scales in step order, whatever the key order (the docstring's example)", () => {
    const s = piecewise_constant_schedule({
      init_value: 1.0,
      boundaries_and_scales: { 200: 0.01, 100: 0.1 },
    });
    expectValues(s, [1.0, 1.0, 0.1, 0.1, 0.1, 0.001, 0.001], [0, 99, 100, 150, 199, 200, 250]);
  });

  it("takes string keys, as in a JSON spec, and negative or fractional steps as Optax does", () => {
    const s = piecewise_constant_schedule({
      init_value: 0.3,
      boundaries_and_scales: { "-5": 0.5, "2.5": 3.0 },
    });
    expectValues(s, [0.15, 0.15, 0.44999999999999996, 0.44999999999999996], [0, 2, 3, 10]);
  });

  it("is constant without boundaries (None or {})", () => {
    expectValues(piecewise_constant_schedule({ init_value: 0.2 }), [0.2, 0.2], [0, 100]);
    expectValues(piecewise_constant_schedule({ init_value: 0.2, boundaries_and_scales: null }), [0.2], [5]);
    expectValues(piecewise_constant_schedule({ init_value: 0.2, boundaries_and_scales: {} }), [0.2], [5]);
  });

  it("rejects negative scales (Optax's ValueError), keys that are not numbers and repeated steps", () => {
    expectThrow(
      () => piecewise_constant_schedule({ init_value: 1, boundaries_and_scales: { 5: -3 } }),
      RangeError,
      "optax.piecewise_constant_schedule: boundaries_and_scales.5 must be a non-negative number, got -3",
    );
    expectThrow(
      () => piecewise_constant_schedule({ init_value: 1, boundaries_and_scales: { ten: 0.1 } }),
      RangeError,
      'optax.piecewise_constant_schedule: boundaries_and_scales must have numbers as keys (steps), got "ten"',
    );
    expectThrow(
      () => piecewise_constant_schedule({ init_value: 1, boundaries_and_scales: { 100: 0.1, "1e2": 0.5 } }),
      RangeError,
      'optax.piecewise_constant_schedule: boundaries_and_scales must not give the step 100 twice, got {"100":0.1,"1e2":0.5}',
    );
    expectThrow(
      // @ts-expect-error a list is not a dict
      () => piecewise_constant_schedule({ init_value: 1, boundaries_and_scales: [[100, 0.1]] }),
      TypeError,
      "optax.piecewise_constant_schedule: boundaries_and_scales must be an object {step: scale}, got [[100,0.1]]",
    );
  });
});

describe("optax.piecewise_interpolate_schedule", () => {
  it("interpolates linearly between accumulated values (the test file's test_linear_piecewise)", () => {
    const s = piecewise_interpolate_schedule({
      interpolate_type: "linear",
      init_value: 200,
      boundaries_and_scales: { 5: 1.5, 10: 0.25 },
    });
    expectValues(s, [200, 220, 240, 260, 280, 300, 255, 210, 165, 120, 75, 75, 75], range(13));
  });

  it("interpolates with a cosine, boundaries in any key order (the test file's test_cos_piecewise)", () => {
    const s = piecewise_interpolate_schedule({
      interpolate_type: "cosine",
      init_value: 400,
      boundaries_and_scales: { 5: 1.2, 3: 0.6, 7: 1.0 },
    });
    expectValues(s, [400, 360, 280, 240, 264, 288, 288, 288, 288], range(9));
  });

  it("scales step 0 itself when 0 is a boundary (the test file's test_zero_interval_size: 26 at 0, 78 at 5)", () => {
    const s = piecewise_interpolate_schedule({
      interpolate_type: "linear",
      init_value: 13,
      boundaries_and_scales: { 0: 2.0, 5: 3.0 },
    });
    expectValues(s, [26.0, 36.4, 46.8, 57.2, 67.6, 78.0, 78.0], range(7));
  });

  it("matches the transcribed source between and on knots, cosine and linear", () => {
    const cos = piecewise_interpolate_schedule({
      interpolate_type: "cosine",
      init_value: 0.3,
      boundaries_and_scales: { 4: 0.1, 10: 0.5 },
    });
    expectValues(
      cos,
      [
        0.30000000000000004, 0.2604594154601839, 0.165, 0.0695405845398161, 0.03, 0.028995190528383293,
        0.0225, 0.01600480947161671, 0.015, 0.015,
      ],
      [0, 1, 2, 3, 4, 5, 7, 9, 10, 11],
    );
    const lin = piecewise_interpolate_schedule({
      interpolate_type: "linear",
      init_value: 1.0,
      boundaries_and_scales: { 4: 0.1, 8: 0.01 },
    });
    expectValues(lin, [1.0, 0.55, 0.1, 0.0505, 0.001, 0.001], [0, 2, 4, 6, 8, 10]);
  });

  it("is constant without boundaries (the test file's test_empty_dict and test_no_dict)", () => {
    const empty = piecewise_interpolate_schedule({
      interpolate_type: "linear",
      init_value: 13,
      boundaries_and_scales: {},
    });
    expectValues(empty, [13, 13, 13, 13, 13], range(5));
    expectValues(
      piecewise_interpolate_schedule({ interpolate_type: "cosine", init_value: 17 }),
      [17, 17, 17],
      range(3),
    );
  });

  it("rejects an unknown type and negative scales (Optax's ValueErrors) and steps that are not non-negative integers", () => {
    expectThrow(
      // @ts-expect-error a misspelled type
      () => piecewise_interpolate_schedule({ interpolate_type: "linar", init_value: 13 }),
      RangeError,
      'optax.piecewise_interpolate_schedule: interpolate_type must be one of "linear", "cosine", got "linar"',
    );
    expectThrow(
      () =>
        piecewise_interpolate_schedule({
          interpolate_type: "linear",
          init_value: 13,
          boundaries_and_scales: { 5: -3 },
        }),
      RangeError,
      "optax.piecewise_interpolate_schedule: boundaries_and_scales.5 must be a non-negative number, got -3",
    );
    expectThrow(
      () =>
        piecewise_interpolate_schedule({
          interpolate_type: "linear",
          init_value: 13,
          boundaries_and_scales: { "-5": 2 },
        }),
      RangeError,
      'optax.piecewise_interpolate_schedule: boundaries_and_scales must have non-negative integers as keys, got "-5"',
    );
  });
});

describe("optax.linear_onecycle_schedule", () => {
  it("runs below zero with a negative peak_value, as Optax does", () => {
    // Expected: optax 0.2.8 (jax 0.10.2, jax_enable_x64), schedule(t) with a Python int t.
    expectValues(
      linear_onecycle_schedule({ transition_steps: 10, peak_value: -0.1 }),
      [-0.004, -0.1, -0.004, -4.0000000000000003e-7],
      [0, 3, 8, 10],
    );
  });

  it("rises, falls back and anneals linearly (the test file's OneCycleTest.test_linear)", () => {
    const s = linear_onecycle_schedule({
      transition_steps: 10,
      peak_value: 1000,
      pct_start: 0.3,
      pct_final: 0.7,
      div_factor: 10,
      final_div_factor: 100,
    });
    expectValues(s, [100, 400, 700, 1000, 775, 550, 325, 100, 67, 34, 1, 1], range(12));
    expect(s.horizon).toBe(10);
  });

  it("uses the defaults pct_start 0.3, pct_final 0.85, div_factor 25, final_div_factor 1e4", () => {
    const s = linear_onecycle_schedule({ transition_steps: 100, peak_value: 0.1 });
    expectValues(
      s,
      [
        0.004, 0.0072, 0.09680000000000001, 0.1, 0.09825454545454546, 0.04763636363636364, 0.004,
        0.0037333600000000002, 0.00026704000000000007, 4.0000000000000003e-7, 4.0000000000000003e-7,
      ],
      [0, 1, 29, 30, 31, 60, 85, 86, 99, 100, 150],
    );
  });

  it("keeps the last scale of colliding steps, as Optax's dict literal does (pct_final = 1)", () => {
    const s = linear_onecycle_schedule({ transition_steps: 10, peak_value: 1.0, pct_final: 1.0 });
    expectValues(s, [0.04, 1.0, 0.7143142857142857, 0.0001, 0.0001], [0, 3, 5, 10, 11]);
  });

  it("rejects a non-positive transition_steps (Optax's ValueError) and pct_final below pct_start", () => {
    expectThrow(
      () => linear_onecycle_schedule({ transition_steps: 0, peak_value: 5 }),
      RangeError,
      "optax.linear_onecycle_schedule: transition_steps must be a positive integer, got 0",
    );
    expectThrow(
      () => linear_onecycle_schedule({ transition_steps: 10, peak_value: 5, pct_start: 0.5, pct_final: 0.4 }),
      RangeError,
      "optax.linear_onecycle_schedule: pct_final must be at least pct_start (0.5), got 0.4",
    );
  });
});

describe("optax.cosine_onecycle_schedule", () => {
  it("rises and anneals with cosines (the test file's OneCycleTest.test_cosine)", () => {
    const s = cosine_onecycle_schedule({
      transition_steps: 5,
      peak_value: 1000,
      pct_start: 0.4,
      div_factor: 10,
      final_div_factor: 100,
    });
    expectValues(s, [100, 550, 1000, 750.25, 250.75, 1, 1], range(7));
  });

  it("peaks at int(pct_start * T), not at PyTorch's pct_start * T - 1", () => {
    const s = cosine_onecycle_schedule({ transition_steps: 100, peak_value: 0.1 });
    expectValues(
      s,
      [
        0.0040000000000000036, 0.004262949022322882, 0.052000000000000005, 0.09973705097767713, 0.1,
        0.09994965352845243, 0.0500002, 5.07464715475788e-5, 4e-7, 4e-7,
      ],
      [0, 1, 15, 29, 30, 31, 65, 99, 100, 150],
    );
  });

  it("starts at the peak with pct_start 0 (a boundary at step 0)", () => {
    const s = cosine_onecycle_schedule({ transition_steps: 10, peak_value: 1.0, pct_start: 0 });
    expectValues(s, [1.0, 0.9755283560345442, 0.500002, 4e-6, 4e-6], [0, 1, 5, 10, 11]);
  });

  it("rejects a non-positive transition_steps, as Optax does", () => {
    expectThrow(
      () => cosine_onecycle_schedule({ transition_steps: 0, peak_value: 5 }),
      RangeError,
      "optax.cosine_onecycle_schedule: transition_steps must be a positive integer, got 0",
    );
    expectThrow(
      () => cosine_onecycle_schedule({ transition_steps: 10, peak_value: 5, pct_start: 1.5 }),
      RangeError,
      "optax.cosine_onecycle_schedule: pct_start must be in [0, 1], got 1.5",
    );
  });
});

describe("optax piecewise schedules as data", () => {
  it("are rebuilt from their JSON specs (string keys) and from the text syntax ({step: scale})", () => {
    const cases: [Schedule, string][] = [
      [
        piecewise_constant_schedule({ init_value: 0.1, boundaries_and_scales: { 3: 2.0, 6: 0.5 } }),
        "optax.piecewise_constant_schedule(0.1, {3: 2.0, 6: 0.5})",
      ],
      [
        piecewise_interpolate_schedule({
          interpolate_type: "cosine",
          init_value: 400,
          boundaries_and_scales: { 5: 1.2, 3: 0.6 },
        }),
        'optax.piecewise_interpolate_schedule("cosine", 400, {"5": 1.2, "3": 0.6})',
      ],
      [
        linear_onecycle_schedule({ transition_steps: 100, peak_value: 0.1, pct_final: 0.9 }),
        "optax.linear_onecycle_schedule(100, 0.1, pct_final=0.9)",
      ],
      [
        cosine_onecycle_schedule({ transition_steps: 100, peak_value: 0.1, pct_start: 0.25 }),
        "optax.cosine_onecycle_schedule(100, 0.1, 0.25)",
      ],
    ];
    for (const [s, text] of cases) {
      expect(JSON.parse(JSON.stringify(s.spec))).toEqual(s.spec);
      expectRebuilt(s, text, STEPS);
    }
  });

  it("one-cycles stay within [final, peak] and survive a JSON round trip for random parameters", () => {
    // Without colliding steps: int(pct_start * T) < int(pct_final * T) < T (a collision drops a scale, as in Optax).
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 300 }),
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        (T, peak, pct, div, finalDiv) => {
          const schedules = [
            cosine_onecycle_schedule({
              transition_steps: T,
              peak_value: peak,
              pct_start: pct,
              div_factor: div,
              final_div_factor: finalDiv,
            }),
            linear_onecycle_schedule({
              transition_steps: T,
              peak_value: peak,
              pct_start: pct / 2,
              pct_final: (1 + pct) / 2,
              div_factor: div,
              final_div_factor: finalDiv,
            }),
          ];
          for (const s of schedules) {
            const copy = roundTrip(s);
            for (let t = 0; t <= T + 3; t++) {
              const v = s(t);
              expect(v).toBeLessThanOrEqual(peak * (1 + 1e-12));
              expect(v).toBeGreaterThanOrEqual((peak / div / finalDiv) * (1 - 1e-12));
              expect(copy(t)).toBe(v);
            }
            // At T the core evaluates the last segment at pct 1 (an ulp from Optax's exact final value).
            expect(close(s(T), s(T + 1))).toBe(true);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
