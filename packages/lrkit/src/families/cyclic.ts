import * as v from "valibot";
import * as p from "../params.js";
import { formulaParam, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { ge, num, P, select, substitute } from "../export/expr.js";
import { torchScheduler } from "../export/nativeCalls.js";
import { py } from "../export/pythonLiteral.js";
import type { CyclicOptions } from "../spec/options.generated.js";

export type { CyclicOptions };

const params = v.strictObject({
  baseLr: p.nonNegative("The learning rate at the bottom of each cycle."),
  maxLr: p.nonNegative("The learning rate at the top of the first cycle."),
  stepsUp: p.positive("Steps from the bottom to the top of a cycle."),
  stepsDown: v.optional(p.positive("Steps from the top back to the bottom. Defaults to stepsUp.")),
  mode: v.optional(
    p.oneOf(
      ["triangular", "triangular2", "exp_range"],
      '"triangular" keeps the amplitude, "triangular2" halves it every cycle, "exp_range" multiplies it by gamma^t.',
    ),
    "triangular",
  ),
  gamma: v.optional(p.positive('The per-step amplitude factor of "exp_range". Defaults to 1.'), 1),
  scale: v.optional(
    p.string(
      'A formula in x that scales the amplitude, replacing mode (e.g. "1 / (2 ** (x - 1))"). Defaults to none.',
    ),
  ),
  scaleMode: v.optional(
    p.oneOf(
      ["cycle", "iterations"],
      'Whether x in `scale` is the cycle number (from 1) or the step. Defaults to "cycle".',
    ),
  ),
});

const MODES = {
  triangular: { fn: () => 1, on: "cycle" },
  triangular2: { fn: (x: number) => 1 / 2.0 ** (x - 1), on: "cycle" },
} as const;

/**
 * Cyclical learning rates (Smith, 2017): the lr goes from `baseLr` up to `maxLr` in `stepsUp`
 * steps and back in `stepsDown`, its amplitude scaled per cycle (`triangular2`), per step
 * (`exp_range`, `gamma ** t`) or by a custom formula. With `c = floor(1 + t / (up + down))` and
 * `x = 1 + t / (up + down) - c`, the height is `x / r` on the way up (`r = up / (up + down)`) and
 * `(x - 1) / (r - 1)` on the way down; `lr = baseLr + (maxLr - baseLr) * height * scale(c or t)`,
 * exactly PyTorch's `CyclicLR` formula.
 *
 * `maxLr` may be below `baseLr`: the curve is then a cycle downwards, as cyclical momentum uses.
 *
 * @param options - the options: see {@link CyclicOptions} for each one's meaning and default.
 * @throws RangeError for non-positive step counts or an unknown mode; SyntaxError for a bad formula.
 * @example
 * ```ts
 * const s = cyclic({ baseLr: 0.001, maxLr: 0.006, stepsUp: 2000 });
 * s(1000); // 0.0035
 * ```
 * @see Smith, "Cyclical Learning Rates for Training Neural Networks", WACV 2017;
 *   PyTorch `torch.optim.lr_scheduler.CyclicLR`.
 */
export function cyclic(options: CyclicOptions): Schedule {
  const o = parseParams("cyclic", params, options);
  const total = o.stepsUp + (o.stepsDown ?? o.stepsUp);
  const ratio = o.stepsUp / total;
  const gamma = o.gamma;
  const preset = o.mode === "exp_range" ? { fn: (x: number) => gamma ** x, on: "iterations" } : MODES[o.mode];
  const scaleFn =
    o.scale === undefined ? preset.fn : formulaParam("cyclic", "scale", o.scale, { variable: "x" });
  const onCycle = (o.scale === undefined ? preset.on : (o.scaleMode ?? "cycle")) === "cycle";
  const height = o.maxLr - o.baseLr;
  return define(
    (t) => {
      const cycle = Math.floor(1 + t / total);
      const x = 1 + t / total - cycle;
      const factor = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
      return o.baseLr + height * factor * scaleFn(onCycle ? cycle : t);
    },
    specOf("cyclic", options),
  );
}

/** Registry entry of {@link cyclic}. */
export const cyclicFamily = /* @__PURE__ */ defineFamily({
  type: "cyclic",
  summary: "Triangular cycles between baseLr and maxLr (CyclicLR).",
  example: 'cyclic(baseLr=0.001, maxLr=0.006, stepsUp=20, mode="triangular2")',
  params,
  positional: ["baseLr", "maxLr", "stepsUp", "stepsDown", "mode", "gamma", "scale", "scaleMode"],
  create: (o) => cyclic(o),
  closedForm: (o, x) => {
    const up = o.stepsUp;
    const total = up + (o.stepsDown ?? up);
    const ratio = up / total;
    const cycle = `floor(1 + ${P(x)} / ${num(total)})`;
    const pos = `(1 + ${P(x)} / ${num(total)} - ${cycle})`;
    const factor = select(
      ge(`${num(ratio)} - ${pos}`),
      `${pos} / ${num(ratio)}`,
      `(${pos} - 1) / ${num(ratio - 1)}`,
    );
    let scale: string | undefined;
    if (o.scale !== undefined) scale = P(substitute(o.scale, "x", o.scaleMode === "iterations" ? x : cycle));
    else if (o.mode === "triangular2") scale = `(1 / 2.0 ** (${cycle} - 1))`;
    else if (o.mode === "exp_range") scale = `${num(o.gamma)} ** ${P(x)}`;
    const height = num(o.maxLr - o.baseLr);
    return `${num(o.baseLr)} + ${height} * ${P(factor)}${scale ? ` * ${scale}` : ""}`;
  },
  lint: {
    counts: ["stepsUp", "stepsDown"],
    cycles: (o) => ({
      name: "cyclic",
      period: o.stepsUp + (o.stepsDown ?? o.stepsUp),
      mult: 1,
      limit: Infinity,
      length: "stepsUp + stepsDown",
    }),
    // A decay per step (exp_range, a scale of the iteration) is not a count to multiply.
    rescale: (spec, _k, byCounts) =>
      spec.mode === "exp_range" || spec.scaleMode === "iterations" ? undefined : byCounts(),
  },
  native: {
    pytorch: (o) => {
      const args = {
        base_lr: o.baseLr,
        max_lr: o.maxLr,
        step_size_up: o.stepsUp,
        step_size_down: o.stepsDown,
      };
      const rest = { mode: o.mode, gamma: o.gamma, cycle_momentum: false };
      const native = torchScheduler(o.baseLr, "CyclicLR", { ...args, ...rest }, o.scale);
      if (o.scale === undefined) return native;
      const scale = `, scale_fn=lambda x: ${o.scale}, scale_mode=${py(o.scaleMode ?? "cycle")}`;
      return { ...native, scheduler: native.scheduler.replace(/\)$/, `${scale})`) };
    },
  },
});
