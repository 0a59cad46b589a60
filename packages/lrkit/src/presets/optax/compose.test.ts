import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cosine } from "../../families/cosine.js";
import type { Schedule } from "../../schedule.js";
import { expectThrow, expectValues } from "../../test/expect.js";
import { expectRebuilt, expectSame, roundTrip } from "../../test/roundTrip.js";
import {
  constant_schedule,
  cosine_decay_schedule,
  join_schedules,
  linear_schedule,
  sgdr_schedule,
  warmup_constant_schedule,
  warmup_cosine_decay_schedule,
  warmup_exponential_decay_schedule,
} from "./index.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values (in float64; Optax itself computes in float32 under JAX): stated in
// google-deepmind/optax optax/schedules/_schedule_test.py or optax/schedules/_join_test.py where a
// test says so; otherwise optax/schedules/_schedule.py and _join.py transcribed into CPython with
// jnp -> numpy float64 and math.cos (scratch script, not committed; numpy 1.24's vectorised cos is
// an ulp off glibc's, which 1 + cos near pi magnifies).

const STEPS = [
  0, 1, 2, 4, 5, 6, 9, 10, 11, 15, 20, 25, 26, 30, 50, 99, 100, 101, 500, 2000, 2500, 5000, 10000,
];
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("optax.warmup_constant_schedule", () => {
  it("ramps linearly to peak_value and holds it", () => {
    const s = warmup_constant_schedule({ init_value: 0, peak_value: 0.1, warmup_steps: 10 });
    expectValues(s, [0.0, 0.009999999999999995, 0.05, 0.09000000000000001, 0.1, 0.1], [0, 1, 5, 9, 10, 20]);
  });

  it("stays at init_value forever when warmup_steps <= 0, as Optax's linear_schedule does", () => {
    const s = warmup_constant_schedule({ init_value: 0.01, peak_value: 0.1, warmup_steps: 0 });
    expectValues(s, [0.01, 0.01, 0.01], [0, 1, 100]);
  });

  it("warms up to a negative peak_value, as Optax does", () => {
    // Expected: optax 0.2.8 (jax 0.10.2, jax_enable_x64), schedule(t) with a Python int t.
    expectValues(
      warmup_constant_schedule({ init_value: 0, peak_value: -0.1, warmup_steps: 10 }),
      [0.0, -0.05, -0.1, -0.1],
      [0, 5, 10, 20],
    );
  });
});

describe("optax.warmup_cosine_decay_schedule", () => {
  it("reaches peak_value at warmup_steps and end_value at decay_steps, warmup included (the test file's test_limits)", () => {
    const s = warmup_cosine_decay_schedule({
      init_value: 10,
      peak_value: 0.5,
      warmup_steps: 100,
      decay_steps: 1000,
      end_value: 1e-4,
    });
    expectValues(
      s,
      [
        10.0, 5.25, 0.5950000000000001, 0.5, 0.4999984772190647, 0.25005, 0.0001015227809352913, 0.0001,
        0.0001,
      ],
      [0, 50, 99, 100, 101, 550, 999, 1000, 2000],
    );
    expect(s.horizon).toBe(1000);
  });

  it("warms up, peaks at the boundary and decays to end_value (the test file's monotonicity setup)", () => {
    const s = warmup_cosine_decay_schedule({
      init_value: 0,
      peak_value: 1,
      warmup_steps: 5,
      decay_steps: 25,
      end_value: 0.1,
    });
    expectValues(
      s,
      [
        0.0, 0.19999999999999996, 0.4, 0.6, 0.8, 1.0, 0.994459753267812, 0.9779754323328191,
        0.9509529358847655, 0.9140576474687263, 0.8681980515339464, 0.8145033635316129, 0.7542957248827961,
        0.6890576474687263, 0.6203955092681039, 0.55, 0.47960449073189626, 0.41094235253127376,
        0.345704275117204, 0.2854966364683872, 0.23180194846605365, 0.18594235253127372, 0.1490470641152345,
        0.12202456766718092, 0.10554024673218806, 0.1, 0.1,
      ],
      range(27),
    );
  });

  it("raises the cosine factor to exponent", () => {
    const s = warmup_cosine_decay_schedule({
      init_value: 0.2,
      peak_value: 1.21,
      warmup_steps: 50,
      decay_steps: 100,
      end_value: 0.05,
      exponent: 2,
    });
    expectValues(
      s,
      [0.19999999999999996, 0.4019999999999999, 1.1898, 1.21, 0.34, 0.05000112920220178, 0.05, 0.05],
      [0, 10, 49, 50, 75, 99, 100, 150],
    );
  });

  it("stays at 0 after the warmup when peak_value is 0, whatever end_value (the test file's test_zero_peak_value)", () => {
    const s = warmup_cosine_decay_schedule({
      init_value: 0.2,
      peak_value: 0,
      warmup_steps: 50,
      decay_steps: 100,
      end_value: 0.3,
      exponent: 2,
    });
    expectValues(s, [0.2, 0.16000000000000003, 0.0, 0.0, 0.0], [0, 10, 50, 75, 100]);
  });

  it("starts decaying at once with warmup_steps 0", () => {
    const s = warmup_cosine_decay_schedule({
      init_value: 0,
      peak_value: 0.3,
      warmup_steps: 0,
      decay_steps: 30,
      end_value: 0.01,
    });
    expectValues(
      s,
      [0.3, 0.2992056748283996, 0.15500000000000005, 0.010794325171600356, 0.01, 0.01],
      [0, 1, 15, 29, 30, 31],
    );
  });

  it("rises to an end_value above peak_value, and falls below zero (the test file's test_with_exponent)", () => {
    // Expected: optax 0.2.8 (jax 0.10.2, jax_enable_x64), schedule(t) with a Python int t.
    expectValues(
      warmup_cosine_decay_schedule({
        init_value: 0,
        peak_value: 0.1,
        warmup_steps: 1,
        decay_steps: 10,
        end_value: 0.2,
      }),
      [0.0, 0.1, 0.14131759111665348, 0.2, 0.2],
      [0, 1, 5, 10, 15],
    );
    expectValues(
      warmup_cosine_decay_schedule({
        init_value: 0.2,
        peak_value: 1.21,
        end_value: -3.0,
        warmup_steps: 50,
        decay_steps: 100,
        exponent: 2,
      }),
      [0.19999999999999996, 0.4019999999999999, 1.21, -1.9475000000000002, -3.0],
      [0, 10, 50, 75, 100],
    );
  });

  it("rejects decay_steps <= warmup_steps (the test file's test_raises_when_decay_equals_warmup)", () => {
    expectThrow(
      () =>
        warmup_cosine_decay_schedule({ init_value: 0.2, peak_value: 1.2, warmup_steps: 10, decay_steps: 10 }),
      RangeError,
      "optax.warmup_cosine_decay_schedule: decay_steps must exceed warmup_steps (10), got 10",
    );
    expectThrow(
      () =>
        warmup_cosine_decay_schedule({ init_value: 0, peak_value: 0.1, warmup_steps: -1, decay_steps: 10 }),
      RangeError,
      "optax.warmup_cosine_decay_schedule: warmup_steps must be a non-negative number, got -1",
    );
  });
});

describe("optax.warmup_exponential_decay_schedule", () => {
  it("warms up, then decays counting its steps from the end of the warmup", () => {
    const s = warmup_exponential_decay_schedule({
      init_value: 0,
      peak_value: 1,
      warmup_steps: 10,
      transition_steps: 10,
      decay_rate: 0.5,
    });
    expectValues(s, [0.0, 0.5, 1.0, 0.7071067811865476, 0.5, 0.125], [0, 5, 10, 15, 20, 40]);
  });

  it("applies transition_begin, staircase and end_value after the warmup", () => {
    const s = warmup_exponential_decay_schedule({
      init_value: 0.01,
      peak_value: 0.1,
      warmup_steps: 5,
      transition_steps: 4,
      decay_rate: 0.5,
      transition_begin: 3,
      staircase: true,
      end_value: 0.02,
    });
    expectValues(
      s,
      [0.009999999999999995, 0.082, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.02],
      [0, 4, 5, 8, 9, 11, 12, 13, 16, 17, 100],
    );
  });

  it("holds peak_value when transition_steps <= 0, as Optax's exponential_decay does", () => {
    const s = warmup_exponential_decay_schedule({
      init_value: 0,
      peak_value: 1,
      warmup_steps: 10,
      transition_steps: 0,
      decay_rate: 0.5,
    });
    expectValues(s, [0.0, 0.5, 1.0, 1.0], [0, 5, 10, 100]);
  });

  it("rejects a negative warmup_steps (Optax shifts the decay instead) and a negative decay_rate", () => {
    const base = { init_value: 0, peak_value: 1, transition_steps: 10, decay_rate: 0.5 };
    expectThrow(
      () => warmup_exponential_decay_schedule({ ...base, warmup_steps: -2 }),
      RangeError,
      "optax.warmup_exponential_decay_schedule: warmup_steps must be a non-negative number, got -2",
    );
    expectThrow(
      () => warmup_exponential_decay_schedule({ ...base, warmup_steps: 2, decay_rate: -1 }),
      RangeError,
      "optax.warmup_exponential_decay_schedule: decay_rate must be a non-negative number, got -1",
    );
  });
});

describe("optax.sgdr_schedule", () => {
  const kwargs = (peaks: number[]) =>
    [2000, 3000, 5000].map((decay_steps, i) => ({
      decay_steps,
      peak_value: peaks[i]!,
      init_value: 0,
      end_value: 0.0,
      warmup_steps: 500,
    }));

  it("peaks at 500, 2500 and 5500 (the test file's SGDRTest.test_limits)", () => {
    for (const peaks of [
      [1.6, 0.8, 0.4],
      [1.6, 1.6, 1.6],
    ]) {
      const s = sgdr_schedule({ cosine_kwargs: kwargs(peaks) });
      expectValues(s, peaks, [500, 2500, 5500]);
    }
  });

  it("joins warmup-cosine cycles end to end, each lasting its decay_steps", () => {
    const s = sgdr_schedule({ cosine_kwargs: kwargs([1.6, 0.8, 0.4]) });
    expectValues(
      s,
      [
        0.0, 0.8, 1.6, 1.2000000000000002, 1.7545956965570044e-6, 0.0, 0.8, 0.27639320225002106,
        3.1582729929091615e-7, 0.0, 0.4, 0.16527036446661394, 4.873878518552033e-8, 0.0, 0.0,
      ],
      [0, 250, 500, 1000, 1999, 2000, 2500, 4000, 4999, 5000, 5500, 8000, 9999, 10000, 12000],
    );
    expect(s.horizon).toBe(10000);
  });

  it("takes each cycle's own defaults and options", () => {
    const s = sgdr_schedule({
      cosine_kwargs: [
        { init_value: 0.01, peak_value: 0.1, warmup_steps: 2, decay_steps: 10, end_value: 0.001 },
        { init_value: 0.0, peak_value: 0.05, warmup_steps: 0, decay_steps: 20, exponent: 2.0 },
      ],
    });
    expectValues(
      s,
      [
        0.009999999999999995, 0.055, 0.1, 0.06944282990207194, 0.004767963140691307, 0.05,
        0.04938631174172316, 0.0125, 1.8947119662666915e-6, 0.0, 0.0,
      ],
      [0, 1, 2, 5, 9, 10, 11, 20, 29, 30, 40],
    );
  });

  it("rejects an empty list and names the bad cycle", () => {
    expectThrow(
      () => sgdr_schedule({ cosine_kwargs: [] }),
      RangeError,
      "optax.sgdr_schedule: cosine_kwargs must not be empty, got []",
    );
    expectThrow(
      () =>
        sgdr_schedule({
          cosine_kwargs: [
            { init_value: 0, peak_value: 1, warmup_steps: 5, decay_steps: 10 },
            { init_value: 0, peak_value: 1, warmup_steps: 5, decay_steps: 5 },
          ],
        }),
      RangeError,
      "optax.sgdr_schedule: cosine_kwargs[1].decay_steps must exceed warmup_steps (5), got 5",
    );
    expectThrow(
      // @ts-expect-error peak_value is required
      () => sgdr_schedule({ cosine_kwargs: [{ init_value: 0, warmup_steps: 5, decay_steps: 10 }] }),
      TypeError,
      "optax.sgdr_schedule: cosine_kwargs[0].peak_value is required",
    );
  });
});

describe("optax.join_schedules", () => {
  it("switches at each boundary (the test file optax/schedules/_join_test.py)", () => {
    const s = join_schedules({
      schedules: [
        constant_schedule({ value: 1 }),
        constant_schedule({ value: 2 }),
        constant_schedule({ value: 1 }),
      ],
      boundaries: [3, 6],
    });
    expectValues(s, [1, 1, 1, 2, 2, 2, 1, 1], range(8));
  });

  it("gives each schedule the steps counted from its boundary", () => {
    const s = join_schedules({
      schedules: [
        linear_schedule({ init_value: 0, end_value: 0.3, transition_steps: 5 }),
        cosine_decay_schedule({ init_value: 0.3, decay_steps: 25, alpha: 0.01 / 0.3 }),
      ],
      boundaries: [5],
    });
    expectValues(
      s,
      [0.0, 0.12, 0.24, 0.3, 0.2954445583636515, 0.011143368309400723, 0.01, 0.01],
      [0, 2, 4, 5, 7, 29, 30, 40],
    );
    expect(s.horizon).toBe(30);
  });

  it("joins any lrkit schedule, and nests in the spec", () => {
    const s = join_schedules({
      schedules: [constant_schedule({ value: 0.1 }), cosine({ lr: 0.1, steps: 10 })],
      boundaries: [2],
    });
    expect(s.spec).toEqual({
      type: "optax.join_schedules",
      schedules: [
        { type: "optax.constant_schedule", value: 0.1 },
        { type: "cosine", lr: 0.1, steps: 10 },
      ],
      boundaries: [2],
    });
    expectSame(roundTrip(s), s, STEPS);
  });

  it("rejects what Optax's zip silently ignores: a wrong number of boundaries; and unsorted or negative ones", () => {
    const parts = [constant_schedule({ value: 1 }), constant_schedule({ value: 2 })];
    expectThrow(
      () => join_schedules({ schedules: parts, boundaries: [3, 6] }),
      RangeError,
      "optax.join_schedules: boundaries must hold schedules.length - 1 = 1 steps, got [3,6]",
    );
    expectThrow(
      () => join_schedules({ schedules: [...parts, parts[0]!], boundaries: [6, 3] }),
      RangeError,
      "optax.join_schedules: boundaries must be sorted in increasing order, got [6,3]",
    );
    expectThrow(
      () => join_schedules({ schedules: parts, boundaries: [-1] }),
      RangeError,
      "optax.join_schedules: boundaries[0] must be non-negative, got -1",
    );
    expectThrow(
      // @ts-expect-error a number is not a schedule
      () => join_schedules({ schedules: [0.1], boundaries: [] }),
      TypeError,
      "optax.join_schedules: schedules[0] must be a schedule, got 0.1",
    );
  });
});

describe("optax composed schedules as data", () => {
  it("are rebuilt from their JSON specs and from the text syntax", () => {
    const cases: [Schedule, string][] = [
      [
        warmup_constant_schedule({ init_value: 0, peak_value: 0.1, warmup_steps: 10 }),
        "optax.warmup_constant_schedule(0, 0.1, 10)",
      ],
      [
        warmup_cosine_decay_schedule({
          init_value: 0,
          peak_value: 1,
          warmup_steps: 5,
          decay_steps: 25,
          end_value: 0.1,
        }),
        "optax.warmup_cosine_decay_schedule(0, 1, 5, 25, 0.1)",
      ],
      [
        warmup_exponential_decay_schedule({
          init_value: 0.01,
          peak_value: 0.1,
          warmup_steps: 5,
          transition_steps: 4,
          decay_rate: 0.5,
          transition_begin: 3,
          staircase: true,
          end_value: 0.02,
        }),
        "optax.warmup_exponential_decay_schedule(0.01, 0.1, 5, 4, 0.5, 3, True, 0.02)",
      ],
      [
        sgdr_schedule({
          cosine_kwargs: [
            { init_value: 0, peak_value: 1.6, warmup_steps: 500, decay_steps: 2000 },
            { init_value: 0, peak_value: 0.8, warmup_steps: 500, decay_steps: 3000, exponent: 2 },
          ],
        }),
        "optax.sgdr_schedule([{init_value: 0, peak_value: 1.6, warmup_steps: 500, decay_steps: 2000}, {init_value: 0, peak_value: 0.8, warmup_steps: 500, decay_steps: 3000, exponent: 2}])",
      ],
      [
        join_schedules({
          schedules: [
            linear_schedule({ init_value: 0, end_value: 0.3, transition_steps: 5 }),
            cosine_decay_schedule({ init_value: 0.3, decay_steps: 25, alpha: 0.1 }),
          ],
          boundaries: [5],
        }),
        "optax.join_schedules([optax.linear_schedule(0, 0.3, 5), optax.cosine_decay_schedule(0.3, 25, 0.1)], [5])",
      ],
    ];
    for (const [s, text] of cases) {
      expectRebuilt(s, text, STEPS);
    }
  });

  it("warmup_cosine_decay_schedule rises to peak_value, then never increases, for random parameters", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 200 }),
        (initRatio, peak, endRatio, warmup, decay) => {
          const s = warmup_cosine_decay_schedule({
            init_value: peak * initRatio,
            peak_value: peak,
            warmup_steps: warmup,
            decay_steps: warmup + decay,
            end_value: peak * endRatio,
          });
          const copy = roundTrip(s);
          let previous = -Infinity;
          for (let t = 0; t <= 2 * (warmup + decay); t++) {
            const v = s(t);
            if (t <= warmup) expect(v).toBeGreaterThanOrEqual(previous * (1 - 1e-15));
            else expect(v).toBeLessThanOrEqual(previous * (1 + 1e-15));
            expect(copy(t)).toBe(v);
            previous = v;
          }
          expect(s(warmup)).toBe(peak);
        },
      ),
      { numRuns: 50 },
    );
  });
});
