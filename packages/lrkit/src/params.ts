/**
 * Parameter validation shared by every factory: zod schemas for the usual kinds of parameter, and
 * errors that name the function, the parameter and the offending value
 * (`RangeError("cosine: steps must be a positive integer, got 0")`).
 *
 * @module
 */
import * as z from "zod";
import type { Schedule } from "./schedule.js";
import { compileFormula, type FormulaOptions } from "./spec/formula.js";
import { SpecSyntaxError } from "./spec/syntaxError.js";

/** A RangeError about one parameter of one factory: a value of the right type outside its domain. */
export class ParameterRangeError extends RangeError {
  override name = "RangeError";
  /**
   * @param fn - the factory, e.g. `"cosine"`.
   * @param param - the parameter path, e.g. `"steps"` or `"milestones[2]"`.
   * @param message - the whole message.
   */
  constructor(
    readonly fn: string,
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

/** A TypeError about one parameter of one factory: missing, unknown, or of the wrong type. */
export class ParameterTypeError extends TypeError {
  override name = "TypeError";
  /**
   * @param fn - the factory, e.g. `"cosine"`.
   * @param param - the parameter path; empty when the options object itself is wrong.
   * @param message - the whole message.
   */
  constructor(
    readonly fn: string,
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

/** Either kind of parameter error. */
export type ParameterError = ParameterRangeError | ParameterTypeError;

/** True when `e` is a {@link ParameterRangeError} or {@link ParameterTypeError}. */
export function isParameterError(e: unknown): e is ParameterError {
  return e instanceof ParameterRangeError || e instanceof ParameterTypeError;
}

/** Formats a value for an error message: numbers as JS prints them, everything else as JSON. */
export function show(value: unknown): string {
  if (typeof value === "number" || typeof value === "bigint" || value === undefined) return String(value);
  if (typeof value === "function") return "spec" in value ? "a schedule" : "a function";
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return String(value);
  }
}

/** Throws a {@link ParameterRangeError}: `"<fn>: <param> <expected>, got <value>"`. */
export function rangeError(fn: string, param: string, expected: string, value: unknown): never {
  throw new ParameterRangeError(fn, param, `${fn}: ${param} ${expected}, got ${show(value)}`);
}

/** Throws a {@link ParameterTypeError}: `"<fn>: <param> <expected>, got <value>"`. */
export function typeError(fn: string, param: string, expected: string, value: unknown): never {
  throw new ParameterTypeError(fn, param, `${fn}: ${param} ${expected}, got ${show(value)}`);
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join("");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) v = v == null ? undefined : (v as Record<PropertyKey, unknown>)[key];
  return v;
}

/**
 * Validates `input` against `schema` and returns the parsed options (defaults filled in).
 *
 * @param fn - the factory's name, used in the message.
 * @throws {@link ParameterTypeError} for a missing, unknown or wrongly typed parameter;
 *   {@link ParameterRangeError} for a value outside its domain.
 */
export function parseParams<S extends z.ZodType>(fn: string, schema: S, input: unknown): z.output<S> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ParameterTypeError(fn, "", `${fn}: options must be an object, got ${show(input)}`);
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const issue = issues.find((i) => i.code === "unrecognized_keys") ?? issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0]!;
    if (issue.path.length > 0) {
      const param = `${pathText(issue.path)}.${key}`;
      throw new ParameterTypeError(fn, param, `${fn}: unknown parameter "${param}"`);
    }
    const known = schema instanceof z.ZodObject ? Object.keys(schema.shape).join(", ") : "";
    throw new ParameterTypeError(
      fn,
      key,
      `${fn}: unknown parameter "${key}"${known ? ` (parameters: ${known})` : ""}`,
    );
  }
  const param = pathText(issue.path);
  const value = valueAt(input, issue.path);
  if (issue.code === "invalid_type" && value === undefined) {
    throw new ParameterTypeError(fn, param, `${fn}: ${param} is required`);
  }
  const isType =
    issue.code === "invalid_type" ||
    issue.code === "invalid_union" ||
    (issue.code === "custom" && issue.params?.typeError === true);
  const kind = isType ? typeError : rangeError;
  return kind(fn, param, issue.message, value);
}

/** Checks a cross-parameter condition; throws a {@link ParameterRangeError} naming `param` when it fails. */
export function ensure(ok: boolean, fn: string, param: string, expected: string, value: unknown): void {
  if (!ok) rangeError(fn, param, expected, value);
}

/** Marks a custom issue as a type error (a TypeError rather than a RangeError). */
const TYPE_ISSUE = { typeError: true };
const isScheduleValue = (v: unknown) => typeof v === "function" && "spec" in v;

const finite = (message = "must be a finite number") => z.number({ error: message });

/** Parameter kinds, as zod schemas with messages in the house style. */
export const p = {
  /** Any finite number. */
  number: () => finite(),
  /** A finite number >= 0 (a learning rate, a floor). */
  nonNegative: () => finite().refine((v) => v >= 0, { error: "must be a non-negative number" }),
  /** A finite number > 0. */
  positive: () => finite().refine((v) => v > 0, { error: "must be a positive number" }),
  /** An integer > 0 (a horizon, a period). */
  positiveInt: () =>
    finite("must be a positive integer").refine((v) => Number.isInteger(v) && v > 0, {
      error: "must be a positive integer",
    }),
  /** An integer >= 0. */
  nonNegativeInt: () =>
    finite("must be a non-negative integer").refine((v) => Number.isInteger(v) && v >= 0, {
      error: "must be a non-negative integer",
    }),
  /** A number in [0, 1]. */
  unit: () => finite().refine((v) => v >= 0 && v <= 1, { error: "must be in [0, 1]" }),
  /** A number in the open interval (0, 1). */
  openUnit: () => finite().refine((v) => v > 0 && v < 1, { error: "must be in (0, 1)" }),
  /** One of the given strings. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) =>
    z.enum(values, { error: `must be one of ${values.map((v) => `"${v}"`).join(", ")}` }),
  /** A boolean. */
  boolean: () => z.boolean({ error: "must be true or false" }),
  /** A string. */
  string: () => z.string({ error: "must be a string" }),
  /** A list of finite numbers. */
  numbers: () => z.array(finite(), { error: "must be a list of numbers" }),
  /** A Schedule (in a JSON spec: a nested spec, which fromSpec builds first). */
  schedule: () => z.custom<Schedule>(isScheduleValue, { error: "must be a schedule", params: TYPE_ISSUE }),
  /** A list of Schedules. */
  schedules: () =>
    z.array(z.custom<Schedule>(isScheduleValue, { error: "must be a schedule", params: TYPE_ISSUE }), {
      error: "must be a list of schedules",
    }),
};

/** Checks that `values` is sorted in non-decreasing (or, with `strict`, increasing) order. */
export function ensureSorted(fn: string, param: string, values: readonly number[], strict = false): void {
  for (let i = 1; i < values.length; i++) {
    const ok = strict ? values[i]! > values[i - 1]! : values[i]! >= values[i - 1]!;
    ensure(
      ok,
      fn,
      param,
      strict ? "must be strictly increasing" : "must be sorted in increasing order",
      values,
    );
  }
}

/**
 * Compiles the formula parameter `param` of factory `fn`.
 *
 * @throws {@link ParameterRangeError} naming the parameter, the formula and the column of the problem.
 */
export function formulaParam(
  fn: string,
  param: string,
  source: string,
  options: FormulaOptions = {},
): (x: number) => number {
  try {
    return compileFormula(source, options);
  } catch (e) {
    if (e instanceof SpecSyntaxError)
      rangeError(fn, param, `is not a valid formula (${e.reason} at column ${e.column})`, source);
    throw e;
  }
}
