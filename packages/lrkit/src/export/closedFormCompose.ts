/**
 * Closed forms of the combinators: warmup, join, multiply, scale, clamp. A later part sees its own
 * step, clamped at 0 so that the branch not taken stays finite.
 *
 * @module
 */
import type { ScheduleSpec } from "../schedule.js";
import { fromSpec } from "../spec/fromSpec.js";
import type { FormContext } from "./closedForm.js";
import { ge, gt, minus, num, P, select } from "./expr.js";

type O = Record<string, unknown>;

/** `x - c` clamped at 0 (the local step of a part that starts at `c`). */
const local = (x: string, c: number) => (c === 0 ? x : `max(${minus(x, c)}, 0)`);

function warmupForm(spec: ScheduleSpec, o: O, x: string, ctx: FormContext): string {
  const inner = spec.schedule as ScheduleSpec;
  const steps = o.steps as number;
  const shift = o.includeInHorizon ? 0 : steps;
  const after = ctx.form(inner, local(x, shift));
  if (steps === 0) return after;
  const to = fromSpec(inner)(0);
  const from =
    (o.from as number | undefined) ??
    (o.startRatio !== undefined ? (o.startRatio as number) * to : to / (steps + 1));
  const r = `min(${x}, ${num(steps)}) / ${num(steps)}`;
  const [a, d] = [num(from), num(to - from)];
  const ramps: Record<string, () => string> = {
    linear: () => `${a} + ${d} * (${r})`,
    constant: () => a,
    cosine: () => `${a} + (${d} * (1 - cos(pi * (${r})))) / 2`,
    exponential: () => `${a} * ${num(to / from)} ** (${r})`,
    "1-sqrt": () => `${a} + ${d} * (1 - sqrt(1 - ${P(r)}))`,
  };
  return select(gt(`${num(steps)} - ${P(x)}`), ramps[o.mode as string]!(), after);
}

function joinForm(spec: ScheduleSpec, x: string, ctx: FormContext): string {
  const parts = spec.schedules as ScheduleSpec[];
  const starts = [0, ...(spec.boundaries as number[])];
  let s = ctx.form(parts[0]!, x);
  for (let i = 1; i < parts.length; i++) {
    s = select(ge(minus(x, starts[i]!)), ctx.form(parts[i]!, local(x, starts[i]!)), s);
  }
  return s;
}

/** The closed form of a combinator node, or undefined for other types. */
export function composeForm(spec: ScheduleSpec, o: O, x: string, ctx: FormContext): string | undefined {
  switch (spec.type) {
    case "warmup":
      return warmupForm(spec, o, x, ctx);
    case "join":
      return joinForm(spec, x, ctx);
    case "multiply":
      return (spec.schedules as ScheduleSpec[]).map((s) => P(ctx.form(s, x))).join(" * ");
    case "scale":
      return `${num(o.factor as number)} * ${P(ctx.form(spec.schedule as ScheduleSpec, x))}`;
    case "clamp": {
      let v = ctx.form(spec.schedule as ScheduleSpec, x);
      if (o.min !== undefined) v = `max(${v}, ${num(o.min as number)})`;
      if (o.max !== undefined) v = `min(${v}, ${num(o.max as number)})`;
      return v;
    }
    default:
      return undefined;
  }
}
