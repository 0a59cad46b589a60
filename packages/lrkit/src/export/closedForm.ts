/**
 * Closed forms of schedules: each spec becomes an expression in lrkit's formula language that gives
 * exactly the schedule's values (up to the last-ulp differences of `pow`, `cos`, `tanh` between
 * libms). The formula language is the common subset of Python and JavaScript, so the same text is a
 * Python lambda body, and `compileFormula` checks it in TypeScript.
 *
 * Each family's and combinator's form is written once, beside its closure, in its registry entry
 * (`closedForm`; a registry test checks every one against the closure); a preset's is the form of
 * its core composition.
 *
 * @module
 */
import type { ScheduleSpec } from "../schedule.js";
import type { Family, FormContext } from "../spec/family.js";
import { coreOf } from "../spec/core.js";
import { fromSpec, isSpec } from "../spec/fromSpec.js";
import { registry } from "../spec/registry.js";
import { ExportError, unwrap } from "./expr.js";
import { optionsOf } from "./options.js";

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

/** The core composition of a preset node. */
function coreForm(spec: ScheduleSpec): ScheduleSpec {
  const core = coreOf(spec);
  if (core === undefined) {
    throw new ExportError(
      `export: the preset ${spec.type} has no closed form (lrkit builds it as its own closure)`,
    );
  }
  return core;
}

function nodeForm(spec: ScheduleSpec, x: string, ctx: FormContext): string {
  const family = registry.get(spec.type);
  if (family === undefined) throw new ExportError(`export: no closed form for ${spec.type}`);
  if (family.preset !== undefined) return ctx.form(coreForm(spec), x);
  const form = family.closedForm;
  if (typeof form !== "function")
    throw new ExportError(`export: ${spec.type} has no closed form (${form.none})`);
  const text = form(optionsOf(spec), x, ctx);
  if (text.length > MAX_FORM_LENGTH) {
    throw new ExportError(`export: the closed form is longer than ${MAX_FORM_LENGTH} characters`);
  }
  return text;
}

/**
 * The closed form of a schedule: an expression in lrkit's formula language (numbers, `t`, `pi`,
 * `+ - * / **`, `floor ceil min max abs cos sin tanh exp sqrt log`) that equals the schedule at every
 * step `t >= 0`. It is valid Python and JavaScript; `compileFormula(closedForm(spec))` rebuilds the
 * schedule, and it never divides by zero or leaves a function's domain (so Python does not raise).
 *
 * Every core family and combinator has one, except `noise` (seeded draws); a preset has the one of
 * its core composition, if it keeps one (a preset written as its own closure, to keep its anchor's
 * arithmetic, has none).
 *
 * @param spec - a spec (validated with `fromSpec` first).
 * @param options - the step bound (for growing cycles) and the variable's name.
 * @throws {@link ExportError} for noise, a preset without a core composition, growing cycles without
 *   a bound, or a form longer than {@link MAX_FORM_LENGTH}; `SpecError` for an invalid spec.
 * @example
 * ```ts
 * closedForm({ type: "step", lr: 0.1, stepSize: 30 }); // "0.1 * 0.1 ** floor(t / 30)"
 * ```
 */
export function closedForm(spec: ScheduleSpec, options: ClosedFormOptions = {}): string {
  fromSpec(spec);
  const ctx: FormContext = { steps: options.steps, form: (s, x) => nodeForm(s, x, ctx), build: fromSpec };
  return unwrap(nodeForm(spec, options.variable ?? "t", ctx));
}

/** True when `spec` and every spec nested in it (a preset's core composition too) have a closed form. */
export function hasClosedForm(spec: ScheduleSpec): boolean {
  const family: Family | undefined = registry.get(spec.type);
  if (family === undefined) return false;
  if (family.preset !== undefined) {
    const core = coreOf(spec);
    return core !== undefined && hasClosedForm(core);
  }
  if (typeof family.closedForm !== "function") return false;
  return Object.values(spec).every((v) =>
    isSpec(v) ? hasClosedForm(v) : Array.isArray(v) ? v.every((w) => !isSpec(w) || hasClosedForm(w)) : true,
  );
}
