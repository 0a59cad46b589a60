import * as v from "valibot";
import * as p from "../params.js";
import { ensure, parseParams, typeError } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { gt, minus, num, P, select } from "../export/expr.js";
import { extendParam } from "../spec/lintFacts.js";
import type { WsdOptions } from "../spec/options.generated.js";

export type { WsdOptions };

const params = v.strictObject({
  lr: p.nonNegative("The learning rate of the stable phase."),
  steps: p.positive("The length of the stable and decay phases together; minLr from it on."),
  decaySteps: p.positive("The length of the decay phase, the last decaySteps of steps."),
  minLr: v.optional(p.nonNegative("The learning rate at the end of the decay. Defaults to 0."), 0),
  decay: v.optional(
    p.oneOf(
      ["linear", "1-sqrt", "cosine", "power", "exponential"],
      'The shape of the decay. Defaults to "1-sqrt".',
    ),
    "1-sqrt",
  ),
  decayPower: v.optional(p.positive('The exponent of the "power" decay, 1 - frac^p. Defaults to 0.5.'), 0.5),
  decayRatio: v.optional(
    p.openUnit('The "exponential" decay\'s ratio before normalisation. Defaults to 0.1.'),
    0.1,
  ),
  stable: v.optional(
    p.oneOf(
      ["constant", "rsqrt", "power"],
      'The stable phase: "constant", or a slow "rsqrt" / "power" decay. Defaults to "constant".',
    ),
    "constant",
  ),
  stableTimescale: v.optional(p.positive('The timescale of the "rsqrt" and "power" stable phases.')),
  stablePower: v.optional(p.positive('The exponent of the "power" stable phase. Defaults to 0.5.'), 0.5),
});

/** The decay shapes: progress `f` in [0, 1] to a factor from 1 to 0. */
function decayShape(o: v.InferOutput<typeof params>): (f: number) => number {
  switch (o.decay) {
    case "linear":
      return (f) => 1 - f;
    case "1-sqrt":
      return (f) => 1 - Math.sqrt(f);
    case "cosine":
      return (f) => 0.5 * (1 + Math.cos(Math.PI * f));
    case "power":
      return (f) => 1 - f ** o.decayPower;
    case "exponential": {
      const r = o.decayRatio;
      return (f) => (r ** f - r) / (1 - r);
    }
  }
}

/**
 * Warmup-stable-decay without its warmup (wrap it in {@link warmup}): the lr holds at `lr` (or
 * decays slowly as `lr * (1 + t / stableTimescale) ** -power` for the `"rsqrt"` and `"power"` stable
 * phases, never below `minLr`), then over the last `decaySteps` of `steps` it falls to `minLr`:
 * `minLr + (stable(t) - minLr) * shape(f)` with `f` the decay progress and `shape` one of
 * `linear 1 - f`, `1-sqrt 1 - sqrt(f)`, `cosine (1 + cos(pi f)) / 2`, `power 1 - f^p`,
 * `exponential (r^f - r) / (1 - r)`.
 *
 * @param options - the options: see {@link WsdOptions} for each one's meaning and default.
 * @throws RangeError for `decaySteps > steps`, `minLr > lr`, or a missing `stableTimescale`.
 * @example
 * ```ts
 * const s = warmup(wsd({ lr: 1e-3, steps: 900, decaySteps: 100, decay: "linear" }), { steps: 100 });
 * ```
 * @see Hu et al., "MiniCPM", 2024; Hägele et al., "Scaling Laws and Compute-Optimal Training
 *   Beyond Fixed Training Durations", 2024; timm `timm/scheduler/wsd_lr.py`;
 *   Hugging Face `get_wsd_schedule`.
 */
export function wsd(options: WsdOptions): Schedule {
  const o = parseParams("wsd", params, options);
  ensure(o.decaySteps <= o.steps, "wsd", "decaySteps", `must not exceed steps (${o.steps})`, o.decaySteps);
  ensure(o.minLr <= o.lr, "wsd", "minLr", `must not exceed lr (${o.lr})`, o.minLr);
  const { lr, minLr, decaySteps } = o;
  let stable = (_t: number) => lr;
  if (o.stable !== "constant") {
    const timescale = o.stableTimescale;
    if (timescale === undefined)
      return typeError("wsd", "stableTimescale", `is required with stable "${o.stable}"`, timescale);
    const power = o.stable === "rsqrt" ? 0.5 : o.stablePower;
    stable = (t) => Math.max(lr * (1 + t / timescale) ** -power, minLr);
  }
  const shape = decayShape(o);
  const decayStart = o.steps - decaySteps;
  return define(
    (t) => {
      const s = stable(t);
      const k = t - decayStart;
      if (k <= 0) return s;
      return minLr + (s - minLr) * shape(Math.min(k / decaySteps, 1));
    },
    specOf("wsd", options),
    { horizon: o.steps },
  );
}

/** Registry entry of {@link wsd}. */
export const wsdFamily = /* @__PURE__ */ defineFamily({
  type: "wsd",
  summary: "Warmup-stable-decay's stable and decay phases (linear, 1-sqrt, cosine, power, exponential).",
  example: "wsd(lr=0.1, steps=100, decaySteps=20, minLr=0.001)",
  params,
  positional: [
    "lr",
    "steps",
    "decaySteps",
    "minLr",
    "decay",
    "decayPower",
    "decayRatio",
    "stable",
    "stableTimescale",
    "stablePower",
  ],
  create: (o) => wsd(o),
  closedForm: (o, x) => {
    const [lr, minLr] = [num(o.lr), num(o.minLr)];
    const power = o.stable === "rsqrt" ? 0.5 : o.stablePower;
    const stable =
      o.stable === "constant"
        ? lr
        : `max(${lr} * (1 + ${P(x)} / ${num(o.stableTimescale!)}) ** ${num(-power)}, ${minLr})`;
    const k = minus(x, o.steps - o.decaySteps);
    const f = `min(max(${k}, 0) / ${num(o.decaySteps)}, 1)`;
    const r = num(o.decayRatio);
    const shapes = {
      linear: `1 - ${f}`,
      "1-sqrt": `1 - sqrt(${f})`,
      cosine: `0.5 * (1 + cos(pi * ${f}))`,
      power: `1 - ${f} ** ${num(o.decayPower)}`,
      exponential: `(${r} ** ${f} - ${r}) / (1 - ${r})`,
    };
    return select(gt(k), `${minLr} + (${P(stable)} - ${minLr}) * (${shapes[o.decay]})`, stable);
  },
  lint: {
    counts: ["steps", "decaySteps", "stableTimescale"],
    extend: (spec, extra) => extendParam(spec, "steps", extra),
  },
  native: {},
});
