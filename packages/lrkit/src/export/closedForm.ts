/**
 * Closed forms of the core families: each spec becomes an expression in lrkit's formula language
 * that gives exactly the schedule's values (up to the last-ulp differences of `pow`, `cos`, `tanh`
 * between libms). The formula language is the common subset of Python and JavaScript, so the same
 * text is a Python lambda body, and `compileFormula` checks it in TypeScript.
 *
 * Each expression mirrors the family's own code in lrkit, operation for operation, with the
 * constants lrkit computes at construction (`lr - minLr`, knots, ratios) printed as numbers.
 *
 * @module
 */
import { fromSpec, isSpec } from "../spec/fromSpec.js";
import type { ScheduleSpec } from "../schedule.js";
import { cyclesForm } from "./closedFormCycles.js";
import { composeForm } from "./closedFormCompose.js";
import { ExportError, ge, gt, minus, num, P, select, substitute, unwrap } from "./expr.js";
import { FORMULA_DIALECT, printFormula } from "./printer.js";
import { isCoreType, optionsOf } from "./options.js";

/** What a closed form of a node may use. */
export interface FormContext {
  /** An upper bound of the step (the plan's length), when known: needed to count growing cycles. */
  readonly steps: number | undefined;
  /** The closed form of a nested spec at local time `x`. */
  readonly form: (spec: ScheduleSpec, x: string) => string;
}

/** Options of {@link closedForm}. */
export interface ClosedFormOptions {
  /**
   * The steps the expression must be right for, `t < steps`. Needed only for SGDR and repeat cycles
   * that grow (periodMult > 1) without a cycle limit. Defaults to unbounded.
   */
  readonly steps?: number;
  /** The name of the variable. Defaults to `"t"`. */
  readonly variable?: string;
}

/** Closed forms longer than this are refused: the table of values is the better export. */
export const MAX_FORM_LENGTH = 200_000;

type O = Record<string, unknown>;
const n = (o: O, k: string) => o[k] as number;

/** interpolate's function: knots, values and mode as lrkit computes them. */
function interpolationForm(knots: number[], values: number[], mode: string, x: string): string {
  const seg = (i: number) => {
    const a = knots[i - 1]!;
    const u = values[i - 1]!;
    const v = values[i]!;
    const pct = `${P(minus(x, a))} / ${num(knots[i]! - a)}`;
    return mode === "cos"
      ? `${num(v)} + ${num((u - v) / 2.0)} * (cos(pi * ${P(pct)}) + 1)`
      : `${num(v - u)} * ${P(pct)} + ${num(u)}`;
  };
  const last = knots.length - 1;
  let s = seg(1);
  for (let i = 2; i <= last; i++) s = select(gt(minus(x, knots[i - 1]!)), seg(i), s);
  s = select(gt(minus(x, knots[last]!)), num(values[last]!), s);
  return select(gt(`${num(knots[0]!)} - ${P(x)}`), num(values[0]!), s);
}

/** oneCycle's knots (PyTorch's phase ends), as lrkit's `oneCycle` computes them. */
function oneCycleKnots(steps: number, pctStart: number, threePhase: boolean): number[] {
  const peak = pctStart * steps - 1;
  return threePhase ? [0, peak, 2 * pctStart * steps - 2, steps - 1] : [0, peak, steps - 1];
}

function familyForm(spec: ScheduleSpec, o: O, x: string): string | undefined {
  switch (spec.type) {
    case "constant":
      return num(n(o, "lr"));
    case "step":
      return `${num(n(o, "lr"))} * ${num(n(o, "gamma"))} ** floor(${P(x)} / ${num(n(o, "stepSize"))})`;
    case "multiStep": {
      const count = (o.milestones as number[]).map((m) => ge(minus(x, m))).join(" + ");
      return `${num(n(o, "lr"))} * ${num(n(o, "gamma"))} ** (${count})`;
    }
    case "exponential": {
      const k = `max(${minus(x, n(o, "transitionBegin"))}, 0)`;
      const e = `${k} / ${num(n(o, "decaySteps"))}`;
      const v = `${num(n(o, "lr"))} * ${num(n(o, "gamma"))} ** ${o.staircase ? `floor(${e})` : `(${e})`}`;
      if (o.endLr === undefined) return v;
      return `${n(o, "gamma") < 1 ? "max" : "min"}(${v}, ${num(n(o, "endLr"))})`;
    }
    case "factor":
      return `max(${num(n(o, "minLr"))}, ${num(n(o, "lr"))} * ${num(n(o, "factor"))} ** floor(${P(x)} / ${num(n(o, "stepSize"))}))`;
    case "inverseSqrt": {
      const ts = num(n(o, "timescale"));
      return `${num(n(o, "lr"))} * ((${x} + ${ts}) / ${ts}) ** (-0.5)`;
    }
    case "inverseTime": {
      const q = `${P(x)} / ${num(n(o, "decaySteps"))}`;
      return `${num(n(o, "lr"))} / (1 + ${num(n(o, "decayRate"))} * ${o.staircase ? `floor(${q})` : P(q)})`;
    }
    case "polynomial": {
      const steps = num(n(o, "steps"));
      const head = `${num(n(o, "lr") - n(o, "endLr"))} * `;
      const tail = ` ** ${num(n(o, "power"))} + ${num(n(o, "endLr"))}`;
      if (!o.cycle) return `${head}(1 - min(${x}, ${steps}) / ${steps})${tail}`;
      return `${head}(1 - ${P(x)} / (${steps} * max(ceil(${P(x)} / ${steps}), 1)))${tail}`;
    }
    case "linear": {
      const steps = num(n(o, "steps"));
      return `${num(n(o, "from"))} + ${num(n(o, "to") - n(o, "from"))} * (min(${x}, ${steps}) / ${steps})`;
    }
    case "cosine": {
      const steps = n(o, "steps");
      const at = o.after === "hold" ? `min(${x}, ${num(steps)})` : x;
      const k = n(o, "k");
      const phase =
        k === 1 ? `${P(at)} / ${num(steps)}` : `${P(at)} ** ${num(k)} / ${num(steps)} ** ${num(k)}`;
      const amplitude = num(n(o, "lr") - n(o, "minLr"));
      const cos = `(1 + cos(pi * ${P(phase)}))`;
      const minLr = num(n(o, "minLr"));
      return n(o, "exponent") === 1
        ? `${minLr} + (${amplitude} * ${cos}) / 2`
        : `${minLr} + ${amplitude} * (${cos} / 2) ** ${num(n(o, "exponent"))}`;
    }
    case "tanh": {
      const steps = num(n(o, "steps"));
      const r = `${P(x)} / ${steps}`;
      const minLr = num(n(o, "minLr"));
      const v = `${minLr} + 0.5 * ${num(n(o, "lr") - n(o, "minLr"))} * (1 - tanh(${num(n(o, "lb"))} * (1 - ${P(r)}) + ${num(n(o, "ub"))} * ${P(r)}))`;
      return select(ge(minus(x, n(o, "steps"))), minLr, v);
    }
    case "wsd":
      return wsdForm(o, x);
    case "piecewiseConstant": {
      const values = o.values as number[];
      const test = o.closed === "right" ? gt : ge;
      let s = num(values[0]!);
      (o.boundaries as number[]).forEach((b, i) => (s = select(test(minus(x, b)), num(values[i + 1]!), s)));
      return s;
    }
    case "interpolate":
      return interpolationForm(o.knots as number[], o.values as number[], o.mode as string, x);
    case "oneCycle": {
      const initial = n(o, "maxLr") / n(o, "divFactor");
      const final = initial / n(o, "finalDivFactor");
      const values = o.threePhase
        ? [initial, n(o, "maxLr"), initial, final]
        : [initial, n(o, "maxLr"), final];
      const knots = oneCycleKnots(n(o, "steps"), n(o, "pctStart"), o.threePhase as boolean);
      return interpolationForm(knots, values, o.anneal as string, x);
    }
    case "oneCycleMomentum": {
      const [lo, hi] = [n(o, "baseMomentum"), n(o, "maxMomentum")];
      const values = o.threePhase ? [hi, lo, hi, hi] : [hi, lo, hi];
      const knots = oneCycleKnots(n(o, "steps"), n(o, "pctStart"), o.threePhase as boolean);
      return interpolationForm(knots, values, o.anneal as string, x);
    }
    case "formula":
      // Re-printed from its syntax tree: comments and escapes in the source do not reach Python.
      return P(substitute(printFormula(o.expr as string, FORMULA_DIALECT), "t", x));
    case "cyclic":
      return cyclicForm(o, x);
    default:
      return undefined;
  }
}

function wsdForm(o: O, x: string): string {
  const lr = num(n(o, "lr"));
  const minLr = num(n(o, "minLr"));
  const power = o.stable === "rsqrt" ? 0.5 : n(o, "stablePower");
  const stable =
    o.stable === "constant"
      ? lr
      : `max(${lr} * (1 + ${P(x)} / ${num(n(o, "stableTimescale"))}) ** ${num(-power)}, ${minLr})`;
  const k = minus(x, n(o, "steps") - n(o, "decaySteps"));
  const f = `min(max(${k}, 0) / ${num(n(o, "decaySteps"))}, 1)`;
  const r = num(n(o, "decayRatio"));
  const shapes: Record<string, string> = {
    linear: `1 - ${f}`,
    "1-sqrt": `1 - sqrt(${f})`,
    cosine: `0.5 * (1 + cos(pi * ${f}))`,
    power: `1 - ${f} ** ${num(n(o, "decayPower"))}`,
    exponential: `(${r} ** ${f} - ${r}) / (1 - ${r})`,
  };
  const decayed = `${minLr} + (${P(stable)} - ${minLr}) * (${shapes[o.decay as string]})`;
  return select(gt(k), decayed, stable);
}

function cyclicForm(o: O, x: string): string {
  const up = n(o, "stepsUp");
  const total = up + ((o.stepsDown as number | undefined) ?? up);
  const ratio = up / total;
  const cycle = `floor(1 + ${P(x)} / ${num(total)})`;
  const pos = `(1 + ${P(x)} / ${num(total)} - ${cycle})`;
  const factor = select(
    ge(`${num(ratio)} - ${pos}`),
    `${pos} / ${num(ratio)}`,
    `(${pos} - 1) / ${num(ratio - 1)}`,
  );
  let scale: string | undefined;
  if (o.scale !== undefined) {
    const on = (o.scaleMode ?? "cycle") === "cycle" ? cycle : x;
    scale = P(substitute(o.scale as string, "x", on));
  } else if (o.mode === "triangular2") scale = `(1 / 2.0 ** (${cycle} - 1))`;
  else if (o.mode === "exp_range") scale = `${num(n(o, "gamma"))} ** ${P(x)}`;
  const height = num(n(o, "maxLr") - n(o, "baseLr"));
  return `${num(n(o, "baseLr"))} + ${height} * ${P(factor)}${scale ? ` * ${scale}` : ""}`;
}

function nodeForm(spec: ScheduleSpec, x: string, ctx: FormContext): string {
  if (!isCoreType(spec.type)) {
    throw new ExportError(
      `export: ${spec.type} is a preset; lrkit has no closed form for it (its core composition is not in the spec)`,
    );
  }
  if (spec.type === "noise") {
    throw new ExportError("export: noise has no closed form (its values come from a seeded generator)");
  }
  const o = optionsOf(spec);
  const form = familyForm(spec, o, x) ?? cyclesForm(spec, o, x, ctx) ?? composeForm(spec, o, x, ctx);
  if (form === undefined) throw new ExportError(`export: no closed form for ${spec.type}`);
  if (form.length > MAX_FORM_LENGTH) {
    throw new ExportError(`export: the closed form is longer than ${MAX_FORM_LENGTH} characters`);
  }
  return form;
}

/**
 * The closed form of a schedule: an expression in lrkit's formula language (numbers, `t`, `pi`,
 * `+ - * / **`, `floor ceil min max abs cos sin tanh exp sqrt log`) that equals the schedule at every
 * step `t >= 0`. It is valid Python and JavaScript; `compileFormula(closedForm(spec))` rebuilds the
 * schedule, and it never divides by zero or leaves a function's domain (so Python does not raise).
 *
 * Every core family and combinator has one, except `noise` (seeded draws) and the presets (their
 * spec holds the anchor's parameters, not the core composition).
 *
 * @param spec - a spec (validated with `fromSpec` first).
 * @param options - the step bound (for growing cycles) and the variable's name.
 * @throws {@link ExportError} for noise, presets, growing cycles without a bound, or a form longer
 *   than {@link MAX_FORM_LENGTH}; `SpecError` for an invalid spec.
 * @example
 * ```ts
 * closedForm({ type: "step", lr: 0.1, stepSize: 30 }); // "0.1 * 0.1 ** floor(t / 30)"
 * ```
 */
export function closedForm(spec: ScheduleSpec, options: ClosedFormOptions = {}): string {
  fromSpec(spec);
  const ctx: FormContext = { steps: options.steps, form: (s, x) => nodeForm(s, x, ctx) };
  return unwrap(nodeForm(spec, options.variable ?? "t", ctx));
}

/** True when `spec` and every spec nested in it have a closed form. */
export function hasClosedForm(spec: ScheduleSpec): boolean {
  if (!isCoreType(spec.type) || spec.type === "noise") return false;
  return Object.values(spec).every((v) =>
    isSpec(v) ? hasClosedForm(v) : Array.isArray(v) ? v.every((w) => !isSpec(w) || hasClosedForm(w)) : true,
  );
}
