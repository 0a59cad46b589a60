/**
 * The cycles of SGDR and repeat in a closed form. Cycle `i` starts at
 * `period * (mult^i - 1) / (mult - 1)`; with `mult = 1` the cycle is `floor(t / period)`. With
 * `mult > 1` lrkit corrects the logarithm at cycle boundaries, which a formula cannot loop over,
 * so the cycle index is a sum of indicators over the cycle starts below the step bound.
 *
 * @module
 */
import { cycleStart } from "../families/math.js";
import type { FormContext } from "../spec/family.js";
import { ExportError, ge, minus, num, P } from "./expr.js";

/** The cycle at `x` as expressions. */
export interface Cycles {
  /** The cycle index. */
  readonly cycle: string;
  /** Steps into the cycle. */
  readonly offset: string;
  /** The cycle's length. */
  readonly length: string;
}

/**
 * The cycle index, offset and length at `x` of cycles of `period * mult^i` steps, `limit` of them.
 *
 * @throws {@link ExportError} for growing cycles without a limit or a step bound, or too many.
 */
export function cyclesOf(
  x: string,
  period: number,
  mult: number,
  limit: number,
  ctx: FormContext,
  fn: string,
): Cycles {
  if (mult === 1) {
    const cycle = `floor(${P(x)} / ${num(period)})`;
    return { cycle, offset: `${P(x)} - ${cycle} * ${num(period)}`, length: num(period) };
  }
  const bound = Number.isFinite(limit) ? cycleStart(limit, period, mult) : ctx.steps;
  if (bound === undefined) {
    throw new ExportError(
      `export: ${fn} with periodMult > 1 and no cycle limit needs the number of steps (cycles are counted up to it)`,
    );
  }
  const terms: string[] = [];
  for (let i = 1; cycleStart(i, period, mult) < bound + 1 && i <= limit; i++) {
    terms.push(ge(minus(x, cycleStart(i, period, mult))));
    if (terms.length > 10_000) throw new ExportError(`export: ${fn} has too many cycles for a closed form`);
  }
  const cycle = terms.length === 0 ? "0" : `(${terms.join(" + ")})`;
  const start = `(${num(period)} * (${num(mult)} ** ${cycle} - 1)) / ${num(mult - 1)}`;
  return { cycle, offset: `${P(x)} - ${P(start)}`, length: `${num(period)} * ${num(mult)} ** ${cycle}` };
}
