/**
 * fast-check arbitraries of valid specs for every core family and combinator of the registry, with
 * the bounds and monotonicity each one promises. A registered type without a refined arbitrary here
 * gets its registry example with its step counts multiplied by 1 to 4 (so that a new family is in
 * every property test at once).
 *
 * @module
 */
import fc from "fast-check";
import type { ScheduleSpec } from "../schedule.js";
import type { Family } from "../spec/family.js";
import { parseSpec } from "../spec/parse.js";
import { coreFamilies, combinators } from "../spec/registry.js";
import { scaleSpec } from "../spec/rewrite.js";

/** What a family promises about its values, given its spec. */
export interface Promise_ {
  /** Inclusive bounds of every value. */
  readonly bounds?: readonly [number, number];
  /** Values never increase over `[0, upTo]` (or the whole sampled range when `upTo` is absent). */
  readonly nonIncreasing?: { readonly upTo?: number };
  /** Values never decrease over `[0, upTo]`. */
  readonly nonDecreasing?: { readonly upTo: number };
}

/** A random valid spec with its promise. */
export interface Case {
  readonly spec: ScheduleSpec;
  readonly promise: Promise_;
}

const lr = fc.double({ min: 1e-6, max: 10, noNaN: true, noDefaultInfinity: true });
const ratio = fc.double({ min: 0, max: 1, noNaN: true });
const horizon = fc.integer({ min: 1, max: 400 });
const decay = fc.double({ min: 0.01, max: 1, noNaN: true });

const lo = (...xs: number[]) => Math.min(...xs);
const hi = (...xs: number[]) => Math.max(...xs);

/** A registry entry's example, its step counts multiplied by 1 to 4; it promises nothing more. */
function exampleCase(family: Family): fc.Arbitrary<Case> {
  const spec = parseSpec(family.example);
  return fc.integer({ min: 1, max: 4 }).map((k) => ({ spec: scaleSpec(spec, k) ?? spec, promise: {} }));
}

/** The refined arbitraries of families, by type. */
const refinedFamilyCases: Record<string, fc.Arbitrary<Case>> = {
  constant: lr.map((v) => ({
    spec: { type: "constant", lr: v },
    promise: { bounds: [v, v], nonIncreasing: {} },
  })),
  step: fc.tuple(lr, horizon, decay).map(([v, stepSize, gamma]) => ({
    spec: { type: "step", lr: v, stepSize, gamma },
    promise: { bounds: [0, v], nonIncreasing: {} },
  })),
  multiStep: fc
    .tuple(lr, fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 6 }), decay)
    .map(([v, ms, gamma]) => ({
      spec: { type: "multiStep", lr: v, milestones: [...ms].sort((a, b) => a - b), gamma },
      promise: { bounds: [0, v], nonIncreasing: {} },
    })),
  exponential: fc
    .tuple(
      lr,
      decay,
      fc.integer({ min: 1, max: 50 }),
      fc.boolean(),
      fc.integer({ min: 0, max: 50 }),
      fc.option(ratio),
    )
    .map(([v, gamma, decaySteps, staircase, transitionBegin, end]) => ({
      spec: {
        type: "exponential",
        lr: v,
        gamma,
        decaySteps,
        staircase,
        transitionBegin,
        ...(end === null ? {} : { endLr: v * end }),
      },
      promise: { bounds: [end === null ? 0 : v * end, v], nonIncreasing: {} },
    })),
  factor: fc.tuple(lr, decay, horizon, ratio).map(([v, f, stepSize, r]) => ({
    spec: { type: "factor", lr: v, factor: f, stepSize, minLr: v * r },
    promise: { bounds: [v * r, v], nonIncreasing: {} },
  })),
  inverseSqrt: fc.tuple(lr, horizon).map(([v, timescale]) => ({
    spec: { type: "inverseSqrt", lr: v, timescale },
    promise: { bounds: [0, v], nonIncreasing: {} },
  })),
  inverseTime: fc.tuple(lr, decay, horizon, fc.boolean()).map(([v, decayRate, decaySteps, staircase]) => ({
    spec: { type: "inverseTime", lr: v, decayRate, decaySteps, staircase },
    promise: { bounds: [0, v], nonIncreasing: {} },
  })),
  polynomial: fc
    .tuple(lr, horizon, fc.double({ min: 0.1, max: 5, noNaN: true }), ratio, fc.boolean())
    .map(([v, steps, power, r, cycle]) => ({
      spec: { type: "polynomial", lr: v, steps, power, endLr: v * r, cycle },
      promise: { bounds: [v * r, v], nonIncreasing: cycle ? { upTo: steps } : {} },
    })),
  linear: fc.tuple(lr, lr, horizon).map(([from, to, steps]) => ({
    spec: { type: "linear", from, to, steps },
    promise: {
      bounds: [lo(from, to), hi(from, to)],
      ...(to <= from ? { nonIncreasing: {} } : { nonDecreasing: { upTo: Infinity } }),
    },
  })),
  cosine: fc
    .tuple(
      lr,
      ratio,
      horizon,
      fc.constantFrom("hold", "periodic"),
      fc.double({ min: 0.25, max: 4, noNaN: true }),
    )
    .chain(([v, r, steps, after, exponent]) =>
      fc.double({ min: 0.25, max: 4, noNaN: true }).map((k) => ({
        spec: { type: "cosine", lr: v, steps, minLr: v * r, after, exponent, k },
        promise: { bounds: [v * r, v], nonIncreasing: after === "hold" ? {} : { upTo: steps } },
      })),
    ),
  sgdr: fc
    .tuple(
      lr,
      horizon,
      fc.integer({ min: 1, max: 3 }),
      ratio,
      decay,
      fc.option(fc.integer({ min: 1, max: 5 })),
    )
    .map(([v, period, periodMult, r, d, limit]) => ({
      spec: {
        type: "sgdr",
        lr: v,
        period,
        periodMult,
        minLr: v * r * d,
        decay: d,
        ...(limit === null ? {} : { cycleLimit: limit }),
      },
      // Later peaks (lr * decay^i) may fall below minLr: only [0, lr] holds for every cycle.
      promise: { bounds: [0, v], nonIncreasing: { upTo: period - 1 } },
    })),
  cyclic: fc
    .tuple(
      lr,
      lr,
      horizon,
      fc.option(horizon),
      fc.constantFrom("triangular", "triangular2", "exp_range"),
      decay,
    )
    .map(([baseLr, maxLr, stepsUp, stepsDown, mode, gamma]) => ({
      spec: {
        type: "cyclic",
        baseLr,
        maxLr,
        stepsUp,
        ...(stepsDown === null ? {} : { stepsDown }),
        mode,
        gamma,
      },
      promise: { bounds: [lo(baseLr, maxLr), hi(baseLr, maxLr)] },
    })),
  oneCycle: fc
    .tuple(
      lr,
      fc.integer({ min: 20, max: 500 }),
      fc.double({ min: 0.1, max: 0.45, noNaN: true }),
      fc.boolean(),
    )
    .chain(([maxLr, steps, pctStart, threePhase]) =>
      fc.constantFrom("cos", "linear").map((anneal) => ({
        spec: { type: "oneCycle", maxLr, steps, pctStart, threePhase, anneal },
        promise: { bounds: [maxLr / 25 / 1e4, maxLr] },
      })),
    ),
  oneCycleMomentum: fc
    .tuple(fc.integer({ min: 20, max: 500 }), fc.double({ min: 0.1, max: 0.45, noNaN: true }))
    .map(([steps, pctStart]) => ({
      spec: { type: "oneCycleMomentum", steps, pctStart },
      promise: { bounds: [0.85, 0.95] },
    })),
  tanh: fc.tuple(lr, ratio, horizon).map(([v, r, steps]) => ({
    spec: { type: "tanh", lr: v, minLr: v * r, steps },
    promise: { bounds: [v * r, v], nonIncreasing: {} },
  })),
  wsd: fc
    .tuple(lr, ratio, horizon, ratio, fc.constantFrom("linear", "1-sqrt", "cosine", "power", "exponential"))
    .map(([v, r, steps, share, decayShape]) => ({
      spec: {
        type: "wsd",
        lr: v,
        minLr: v * r,
        steps,
        decaySteps: Math.max(1, Math.round(steps * share)),
        decay: decayShape,
      },
      promise: { bounds: [v * r, v], nonIncreasing: {} },
    })),
  piecewiseConstant: fc
    .array(fc.tuple(fc.integer({ min: 0, max: 500 }), lr), { minLength: 1, maxLength: 6 })
    .chain((pairs) =>
      fc.tuple(lr, fc.constantFrom("left", "right")).map(([first, closed]) => {
        const boundaries = pairs.map(([b]) => b).sort((a, b) => a - b);
        const values = [first, ...pairs.map(([, v]) => v)];
        return {
          spec: { type: "piecewiseConstant", boundaries, values, closed },
          promise: { bounds: [lo(...values), hi(...values)] },
        };
      }),
    ),
  interpolate: fc
    .uniqueArray(fc.integer({ min: 0, max: 500 }), { minLength: 2, maxLength: 6 })
    .chain((knots) =>
      fc
        .tuple(
          fc.array(lr, { minLength: knots.length, maxLength: knots.length }),
          fc.constantFrom("linear", "cos"),
        )
        .map(([values, mode]) => ({
          spec: { type: "interpolate", knots: [...knots].sort((a, b) => a - b), values, mode },
          promise: { bounds: [lo(...values), hi(...values)] },
        })),
    ),
  formula: fc
    .constantFrom("0.1 * 0.95 ** t", "0.05 * (1 + cos(pi * min(t, 50) / 50))", "max(0.001, 0.1 - 0.001 * t)")
    .map((expr) => ({ spec: { type: "formula", expr }, promise: {} })),
};

/** Arbitraries of every registered core family, by type. */
export const familyCases: Record<string, fc.Arbitrary<Case>> = Object.fromEntries(
  coreFamilies.map((f) => [f.type, refinedFamilyCases[f.type] ?? exampleCase(f)]),
);

const family = fc.oneof(...Object.values(familyCases));

/** Arbitraries of every registered combinator around random inner cases, by type. */
export function combinatorCases(inner: fc.Arbitrary<Case> = family): Record<string, fc.Arbitrary<Case>> {
  const refined = refinedCombinatorCases(inner);
  return Object.fromEntries(combinators.map((f) => [f.type, refined[f.type] ?? exampleCase(f)]));
}

/** The refined arbitraries of combinators around `inner`, by type. */
function refinedCombinatorCases(inner: fc.Arbitrary<Case>): Record<string, fc.Arbitrary<Case>> {
  const withBounds = (c: Case, f: (b: readonly [number, number]) => readonly [number, number]): Promise_ =>
    c.promise.bounds ? { bounds: f(c.promise.bounds) } : {};
  return {
    warmup: fc
      .tuple(
        inner,
        fc.integer({ min: 0, max: 50 }),
        fc.constantFrom("linear", "constant", "cosine", "exponential", "1-sqrt"),
        ratio,
      )
      .map(([c, steps, mode, r]) => {
        const ratioOrDefault: Record<string, number> =
          mode === "exponential" ? { startRatio: Math.max(r, 0.01) } : r < 0.3 ? {} : { startRatio: r };
        return {
          spec: { type: "warmup", schedule: c.spec, steps, mode, ...ratioOrDefault },
          promise: { ...withBounds(c, ([a, b]) => [0, Math.max(a, b)]), nonDecreasing: { upTo: steps } },
        };
      }),
    join: fc.array(inner, { minLength: 1, maxLength: 3 }).chain((cs) =>
      fc
        .array(fc.integer({ min: 0, max: 300 }), { minLength: cs.length - 1, maxLength: cs.length - 1 })
        .map((bs) => ({
          spec: { type: "join", schedules: cs.map((c) => c.spec), boundaries: bs.sort((a, b) => a - b) },
          promise: cs.every((c) => c.promise.bounds)
            ? {
                bounds: [
                  lo(...cs.map((c) => c.promise.bounds![0])),
                  hi(...cs.map((c) => c.promise.bounds![1])),
                ],
              }
            : {},
        })),
    ),
    multiply: fc.array(inner, { minLength: 1, maxLength: 3 }).map((cs) => ({
      spec: { type: "multiply", schedules: cs.map((c) => c.spec) },
      promise: {},
    })),
    scale: fc.tuple(inner, fc.double({ min: 0.01, max: 3, noNaN: true })).map(([c, factor]) => ({
      spec: { type: "scale", schedule: c.spec, factor },
      promise: withBounds(c, ([a, b]) => [a * factor, b * factor]),
    })),
    clamp: fc.tuple(inner, lr, lr).map(([c, a, b]) => ({
      spec: { type: "clamp", schedule: c.spec, min: lo(a, b), max: hi(a, b) },
      promise: { bounds: [lo(a, b), hi(a, b)] },
    })),
    repeat: fc
      .tuple(inner, horizon, fc.integer({ min: 1, max: 3 }), decay, fc.option(fc.integer({ min: 1, max: 4 })))
      .map(([c, period, periodMult, d, limit]) => ({
        spec: {
          type: "repeat",
          schedule: c.spec,
          period,
          periodMult,
          decay: d,
          ...(limit === null ? {} : { limit }),
        },
        promise: withBounds(c, ([a, b]) => [Math.min(0, a), Math.max(0, b)]),
      })),
    noise: fc
      .tuple(
        inner,
        fc.integer(),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        fc.constantFrom("normal", "uniform"),
      )
      .map(([c, seed, pct, distribution]) => ({
        spec: { type: "noise", schedule: c.spec, seed, pct, distribution },
        promise: withBounds(c, ([a, b]) => [a * (1 - pct), b * (1 + pct)]),
      })),
  };
}

/** Any valid spec: a family, or a combinator around one (one or two levels deep). */
export const anyCase: fc.Arbitrary<Case> = fc.oneof(
  { weight: 3, arbitrary: family },
  { weight: 2, arbitrary: fc.oneof(...Object.values(combinatorCases())) },
  {
    weight: 1,
    arbitrary: fc.oneof(...Object.values(combinatorCases(fc.oneof(...Object.values(combinatorCases()))))),
  },
);
