import * as v from "valibot";
import * as p from "../params.js";
import { ensure, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { cycleStart, locateCycle, powerRatio } from "./math.js";
import { ge, num, P, select } from "../export/expr.js";
import { cyclesOf } from "../export/cycles.js";
import { MAX_CYCLES } from "../spec/lintFacts.js";
import { kerasCall, torchScheduler } from "../export/nativeCalls.js";
import type { SgdrOptions } from "../spec/options.generated.js";

export type { SgdrOptions };

const params = v.strictObject({
  lr: p.nonNegative("The peak learning rate of the first cycle."),
  period: p.positive("The length of the first cycle (T_0)."),
  periodMult: v.optional(
    v.pipe(
      p.number(),
      v.check((x) => x >= 1, "must be at least 1"),
      v.description("Each cycle is periodMult times longer than the previous one (T_mult). Defaults to 1."),
    ),
    1,
  ),
  minLr: v.optional(p.nonNegative("The learning rate at the end of each cycle. Defaults to 0."), 0),
  decay: v.optional(p.nonNegative("The peak is multiplied by decay at every restart. Defaults to 1."), 1),
  decayMode: v.optional(
    p.oneOf(
      ["peak", "amplitude"],
      'What decay scales: the "peak" lr (timm) or the "amplitude" lr - minLr (Keras). Defaults to "peak".',
    ),
    "peak",
  ),
  cycleLimit: v.optional(
    p.positiveInt("Cycles to run; after them the lr stays at minLr. Defaults to unlimited."),
  ),
  k: v.optional(p.positive("k-decay exponent of each cycle's cosine. Defaults to 1."), 1),
});

/**
 * Cosine annealing with warm restarts (SGDR). Cycle `i` lasts `T_i = period * periodMult ** i`
 * steps; at `T_cur` steps into it the lr is
 * `minLr + (peak_i - minLr) * (1 + cos(pi * T_cur^k / T_i^k)) / 2`, with `peak_i = lr * decay ** i`
 * (`decayMode: "peak"`, timm) or `minLr + (lr - minLr) * decay ** i` (`"amplitude"`, Keras).
 * After `cycleLimit` cycles the lr stays at `minLr`. A restart lands exactly on its step whatever the
 * multiplier (`period: 15, periodMult: 2.4` restarts at 15 and 51; see `cycleOf`), and the value is a
 * pure function of the step, found in O(1).
 *
 * @param options - the options: see {@link SgdrOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive period, a multiplier below 1, or `minLr > lr`.
 * @example
 * ```ts
 * const s = sgdr({ lr: 0.1, period: 10, periodMult: 2 });
 * [s(0), s(10), s(30)]; // restarts at 10 and 30: [0.1, 0.1, 0.1]
 * ```
 * @see Loshchilov & Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts", ICLR 2017;
 *   timm `timm/scheduler/cosine_lr.py`; Keras `CosineDecayRestarts`.
 */
export function sgdr(options: SgdrOptions): Schedule {
  const o = parseParams("sgdr", params, options);
  ensure(o.minLr <= o.lr, "sgdr", "minLr", `must not exceed lr (${o.lr})`, o.minLr);
  const { lr, period, periodMult, minLr, decay, k } = o;
  const limit = o.cycleLimit ?? Infinity;
  const amplitude = o.decayMode === "amplitude";
  return define(
    (t) => {
      const { cycle, offset, length } = locateCycle(t, period, periodMult);
      if (cycle >= limit) return minLr;
      const gamma = decay === 1 ? 1 : decay ** cycle;
      const cos = 1 + Math.cos(Math.PI * (k === 1 ? offset / length : powerRatio(offset, length, k)));
      return amplitude ? minLr + ((lr - minLr) * gamma * cos) / 2 : minLr + ((lr * gamma - minLr) * cos) / 2;
    },
    specOf("sgdr", options),
    { horizon: o.cycleLimit === undefined ? undefined : cycleStart(o.cycleLimit, period, periodMult) },
  );
}

/** Registry entry of {@link sgdr}. */
export const sgdrFamily = /* @__PURE__ */ defineFamily({
  type: "sgdr",
  summary: "Cosine annealing with warm restarts, growing periods and decaying peaks (SGDR).",
  example: "sgdr(lr=0.1, period=10, periodMult=2, minLr=0.001)",
  params,
  positional: ["lr", "period", "periodMult", "minLr", "decay", "decayMode", "cycleLimit", "k"],
  create: (o) => sgdr(o),
  closedForm: (o, x, ctx) => {
    const limit = o.cycleLimit ?? Infinity;
    const { cycle, offset, length } = cyclesOf(x, o.period, o.periodMult, limit, ctx, "sgdr");
    const phase =
      o.k === 1 ? `${P(offset)} / ${P(length)}` : `${P(offset)} ** ${num(o.k)} / ${P(length)} ** ${num(o.k)}`;
    const cos = `(1 + cos(pi * (${phase})))`;
    const gamma = o.decay === 1 ? "" : ` * ${num(o.decay)} ** ${cycle}`;
    const value =
      o.decayMode === "amplitude"
        ? `${num(o.minLr)} + (${num(o.lr - o.minLr)}${gamma} * ${cos}) / 2`
        : `${num(o.minLr)} + ((${num(o.lr)}${gamma} - ${num(o.minLr)}) * ${cos}) / 2`;
    return Number.isFinite(limit) ? select(ge(`${cycle} - ${num(limit)}`), num(o.minLr), value) : value;
  },
  lint: {
    counts: ["period"],
    cycles: (o) => ({ name: "SGDR", period: o.period, mult: o.periodMult, limit: o.cycleLimit ?? Infinity }),
    milestones: (o, end) => {
      const out: number[] = [];
      for (let i = 1; i <= Math.min(o.cycleLimit ?? Infinity, MAX_CYCLES); i++) {
        const s = cycleStart(i, o.period, o.periodMult);
        if (!(s < end)) break;
        out.push(s);
      }
      return out;
    },
  },
  native: {
    pytorch: (o) =>
      o.decay === 1 &&
      o.cycleLimit === undefined &&
      o.k === 1 &&
      Number.isInteger(o.period) &&
      Number.isInteger(o.periodMult)
        ? torchScheduler(o.lr, "CosineAnnealingWarmRestarts", {
            T_0: o.period,
            T_mult: o.periodMult,
            eta_min: o.minLr,
          })
        : undefined,
    keras: (o) =>
      (o.decay === 1 || o.decayMode === "amplitude") && o.cycleLimit === undefined && o.k === 1 && o.lr > 0
        ? kerasCall("CosineDecayRestarts", {
            initial_learning_rate: o.lr,
            first_decay_steps: o.period,
            t_mul: o.periodMult,
            m_mul: o.decay,
            alpha: o.minLr / o.lr,
          })
        : undefined,
  },
});
