import * as v from "valibot";
import * as p from "../params.js";
import { ensure, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { cosPi, powerRatio } from "./math.js";
import { num, P } from "../export/expr.js";
import { kerasCall, optaxCall, torchScheduler } from "../export/nativeCalls.js";
import { extendParam } from "../spec/lintFacts.js";
import type { CosineOptions } from "../spec/options.generated.js";

export type { CosineOptions };

const params = v.strictObject({
  lr: p.nonNegative("The learning rate at step 0 (the peak)."),
  steps: p.positive("The horizon: steps to reach minLr."),
  minLr: v.optional(p.nonNegative("The learning rate at the horizon. Defaults to 0."), 0),
  after: v.optional(
    p.oneOf(
      ["hold", "periodic"],
      'Past the horizon: "hold" stays at minLr (d2l, Keras, Optax); "periodic" rises again (PyTorch).',
    ),
    "hold",
  ),
  exponent: v.optional(p.positive("Raises the cosine factor to this power (Optax). Defaults to 1."), 1),
  k: v.optional(
    p.positive("k-decay: the phase is pi * (t/steps)^k; k > 1 holds the lr up longer. Defaults to 1."),
    1,
  ),
});

/**
 * Cosine annealing from `lr` to `minLr` over `steps` steps:
 * `minLr + (lr - minLr) * ((1 + cos(pi * t^k / steps^k)) / 2) ** exponent`.
 *
 * Past the horizon, `after: "hold"` stays at `minLr` (d2l, Keras, Optax, timm), while
 * `after: "periodic"` continues the cosine, which rises back to `lr` at `2 * steps` (the closed form
 * of PyTorch's `CosineAnnealingLR`). `k` is the k-decay of Zhang et al. (2020), a damped cosine
 * that keeps the lr high longer; `exponent` is Optax's.
 *
 * @param options - the options: see {@link CosineOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `steps`, `minLr > lr`, or an unknown `after`.
 * @example
 * ```ts
 * const s = cosine({ lr: 0.3, steps: 20, minLr: 0.01 });
 * [s(0), s(10), s(20), s(25)]; // [0.3, 0.155, 0.01, 0.01]
 * ```
 * @see Loshchilov & Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts", ICLR 2017;
 *   Zhang et al., "k-decay: A New Method for Learning Rate Schedule", 2020.
 */
export function cosine(options: CosineOptions): Schedule {
  const { lr, steps, minLr, after, exponent, k } = parseParams("cosine", params, options);
  ensure(minLr <= lr, "cosine", "minLr", `must not exceed lr (${lr})`, minLr);
  const hold = after === "hold";
  const phase = k === 1 ? (t: number) => t / steps : (t: number) => powerRatio(t, steps, k);
  const amplitude = lr - minLr;
  const fn =
    exponent === 1
      ? (t: number) => minLr + (amplitude * (1 + cosPi(phase(hold ? Math.min(t, steps) : t)))) / 2
      : (t: number) =>
          minLr + amplitude * ((1 + cosPi(phase(hold ? Math.min(t, steps) : t))) / 2) ** exponent;
  return define(fn, specOf("cosine", options), { horizon: steps });
}

/**
 * The arguments of Keras' `CosineDecay` (without warmup) that give this cosine, or undefined when
 * Keras' has another shape (`after: "periodic"`, `k`, `exponent`, or `lr = 0`, where `alpha` is
 * undefined).
 */
export function cosineDecayArgs(o: Record<string, unknown>): Record<string, number> | undefined {
  const [lr, minLr] = [o.lr as number, o.minLr as number];
  return o.after === "hold" && o.k === 1 && o.exponent === 1 && lr > 0
    ? { initial_learning_rate: lr, decay_steps: o.steps as number, alpha: minLr / lr }
    : undefined;
}

/** Registry entry of {@link cosine}. */
export const cosineFamily = /* @__PURE__ */ defineFamily({
  type: "cosine",
  summary: "Cosine annealing from lr to minLr over steps; hold or rise again after.",
  example: "cosine(lr=0.3, steps=20, minLr=0.01)",
  params,
  positional: ["lr", "steps", "minLr", "after", "exponent", "k"],
  create: (o) => cosine(o),
  closedForm: (o, x) => {
    const at = o.after === "hold" ? `min(${x}, ${num(o.steps)})` : x;
    const phase =
      o.k === 1 ? `${P(at)} / ${num(o.steps)}` : `${P(at)} ** ${num(o.k)} / ${num(o.steps)} ** ${num(o.k)}`;
    const amplitude = num(o.lr - o.minLr);
    const cos = `(1 + cos(pi * ${P(phase)}))`;
    const minLr = num(o.minLr);
    return o.exponent === 1
      ? `${minLr} + (${amplitude} * ${cos}) / 2`
      : `${minLr} + ${amplitude} * (${cos} / 2) ** ${num(o.exponent)}`;
  },
  lint: { counts: ["steps"], extend: (spec, extra) => extendParam(spec, "steps", extra) },
  native: {
    pytorch: (o, { steps }) => {
      const fits = o.after === "periodic" || steps <= o.steps + 1;
      return fits && Number.isInteger(o.steps) && o.exponent === 1 && o.k === 1
        ? torchScheduler(o.lr, "CosineAnnealingLR", { T_max: o.steps, eta_min: o.minLr })
        : undefined;
    },
    optax: (o) =>
      o.after !== "hold" || o.k !== 1 || !(o.lr > 0)
        ? undefined
        : optaxCall("cosine_decay_schedule", {
            init_value: o.lr,
            decay_steps: o.steps,
            alpha: o.minLr / o.lr,
            exponent: o.exponent === 1 ? undefined : o.exponent,
          }),
    keras: (o) => {
      const args = cosineDecayArgs(o);
      return args && kerasCall("CosineDecay", args);
    },
  },
});
