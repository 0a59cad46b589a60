import * as v from "valibot";
import * as p from "../params.js";
import { formulaParam, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { P, substitute } from "../export/expr.js";
import { FORMULA_DIALECT, printFormula } from "../export/printer.js";
import type { FormulaScheduleOptions } from "../spec/options.generated.js";

export type { FormulaScheduleOptions };

const params = v.strictObject({
  expr: p.string(
    "A formula in t: numbers, t, pi, + - * / **, parentheses, floor ceil min max abs cos sin tanh exp sqrt log.",
  ),
});

/**
 * A schedule given by a formula in `t`, in lrkit's safe formula language (see `compileFormula`):
 * parsed once, compiled to closures, never passed to `eval`.
 *
 * @param options - the formula, or `{ expr }`.
 * @throws RangeError naming the column of anything outside the language.
 * @example
 * ```ts
 * formula("0.1 * 0.95 ** t")(10); // 0.1 * 0.95 ** 10
 * formula({ expr: "0.05 * (1 + cos(pi * min(t, 50) / 50))" });
 * ```
 */
export function formula(options: string | FormulaScheduleOptions): Schedule {
  const o = typeof options === "string" ? { expr: options } : options;
  const { expr } = parseParams("formula", params, o);
  const f = formulaParam("formula", "expr", expr);
  // A NaN step gives NaN, also for a formula that does not read t ("0.1").
  return define((t) => (t === t ? f(t) : NaN), specOf("formula", o));
}

/** Registry entry of {@link formula}. */
export const formulaFamily = /* @__PURE__ */ defineFamily({
  type: "formula",
  summary: "Any curve written as a safe formula in t, e.g. 0.1 * 0.95 ** t.",
  example: 'formula("0.1 * 0.95 ** t")',
  params,
  positional: ["expr"],
  create: (o) => formula(o),
  // Re-printed from its syntax tree: comments and escapes in the source do not reach Python.
  closedForm: (o, x) => P(substitute(printFormula(o.expr, FORMULA_DIALECT), "t", x)),
  lint: {
    counts: [],
    rescale: (spec, k) =>
      typeof spec.expr === "string"
        ? { ...spec, expr: spec.expr.replace(/\bt\b/g, `(t / ${k})`) }
        : undefined,
  },
  native: {},
});
