/**
 * Closed forms of growing and restarting cycles: SGDR and repeat. Cycle `i` starts at
 * `period * (mult^i - 1) / (mult - 1)`; with `mult = 1` the cycle is `floor(t / period)`. With
 * `mult > 1` lrkit corrects the logarithm at cycle boundaries, which a formula cannot loop over,
 * so the cycle index is a sum of indicators over the cycle starts below the step bound.
 *
 * @module
 */
import { cycleStart } from "../families/math.js";
import type { ScheduleSpec } from "../schedule.js";
import { fromSpec } from "../spec/fromSpec.js";
import type { FormContext } from "./closedForm.js";
import { ExportError, ge, minus, num, P, select } from "./expr.js";

type O = Record<string, unknown>;

interface Cycles {
  /** The cycle index. */
  readonly cycle: string;
  /** Steps into the cycle. */
  readonly offset: string;
  /** The cycle's length. */
  readonly length: string;
}

function cyclesOf(
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

function sgdrForm(o: O, x: string, ctx: FormContext): string {
  const lr = o.lr as number;
  const minLr = o.minLr as number;
  const decay = o.decay as number;
  const k = o.k as number;
  const limit = (o.cycleLimit as number | undefined) ?? Infinity;
  const { cycle, offset, length } = cyclesOf(
    x,
    o.period as number,
    o.periodMult as number,
    limit,
    ctx,
    "sgdr",
  );
  const phase =
    k === 1 ? `${P(offset)} / ${P(length)}` : `${P(offset)} ** ${num(k)} / ${P(length)} ** ${num(k)}`;
  const cos = `(1 + cos(pi * (${phase})))`;
  const gamma = decay === 1 ? undefined : `${num(decay)} ** ${cycle}`;
  const value =
    o.decayMode === "amplitude"
      ? `${num(minLr)} + (${num(lr - minLr)}${gamma ? ` * ${gamma}` : ""} * ${cos}) / 2`
      : `${num(minLr)} + ((${num(lr)}${gamma ? ` * ${gamma}` : ""} - ${num(minLr)}) * ${cos}) / 2`;
  return Number.isFinite(limit) ? select(ge(`${cycle} - ${num(limit)}`), num(minLr), value) : value;
}

function repeatForm(spec: ScheduleSpec, o: O, x: string, ctx: FormContext): string {
  const period = o.period as number;
  const mult = o.periodMult as number;
  const decay = o.decay as number;
  const limit = (o.limit as number | undefined) ?? Infinity;
  const inner = spec.schedule as ScheduleSpec;
  const { cycle, offset, length } = cyclesOf(x, period, mult, limit, ctx, "repeat");
  const local =
    mult === 1
      ? offset
      : select(ge(`${cycle} - 1`), `(${P(offset)} * ${num(period)}) / ${P(length)}`, offset);
  const scaled =
    decay === 1 ? P(ctx.form(inner, local)) : `${num(decay)} ** ${cycle} * ${P(ctx.form(inner, local))}`;
  if (!Number.isFinite(limit)) return scaled;
  const last = decay ** (limit - 1) * fromSpec(inner)(period);
  return select(ge(`${cycle} - ${num(limit)}`), num(last), scaled);
}

/** The closed form of an SGDR or repeat node, or undefined for other types. */
export function cyclesForm(spec: ScheduleSpec, o: O, x: string, ctx: FormContext): string | undefined {
  if (spec.type === "sgdr") return sgdrForm(o, x, ctx);
  if (spec.type === "repeat") return repeatForm(spec, o, x, ctx);
  return undefined;
}
