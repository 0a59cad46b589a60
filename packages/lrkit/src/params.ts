/**
 * Parameter validation shared by every factory: valibot schemas for the usual kinds of parameter
 * (import them as a namespace, `import * as p from "./params.js"`, so that a bundle keeps only the
 * kinds it uses), and errors that name the function, the parameter and the offending value
 * (`RangeError("cosine: steps must be a positive integer, got 0")`).
 *
 * Every schema and check carries its message in the house style (`"must be a positive number"`);
 * {@link parseParams} turns the first valibot issue into `"<fn>: <param> <message>, got <value>"`.
 * A value of the wrong type is a TypeError: an issue of a schema (a string for a number, a missing
 * parameter), or of `v.finite` or `v.integer`, which refine a number's type. A value of the right
 * type outside its domain (`v.check`, `p.oneOf`) is a RangeError.
 *
 * @module
 */
import * as v from "valibot";
import { isSchedule, type Schedule } from "./schedule.js";
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

const NON_FINITE = "__lrkit_non_finite__:";

/** Formats a value for an error message: numbers as JS prints them, everything else as JSON. */
export function show(value: unknown): string {
  if (typeof value === "number" || typeof value === "bigint" || value === undefined) return String(value);
  if (typeof value === "function") return "spec" in value ? "a schedule" : "a function";
  try {
    // Non-finite numbers as JavaScript writes them ([NaN], not JSON's [null]).
    const marked = JSON.stringify(value, (_key, v: unknown) =>
      typeof v === "number" && !Number.isFinite(v) ? `${NON_FINITE}${v}` : v,
    );
    const json = marked.replace(new RegExp(`"${NON_FINITE}(-?Infinity|NaN)"`, "g"), "$1");
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

type Key = string | number;
type Issue = v.BaseIssue<unknown>;

const keysOf = (issue: Issue): Key[] => (issue.path ?? []).map((item) => item.key as Key);

function pathText(path: readonly Key[]): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
}

function valueAt(input: unknown, path: readonly Key[]): unknown {
  let value = input;
  for (const key of path) value = value == null ? undefined : (value as Record<Key, unknown>)[key];
  return value;
}

/** The schema that checks the value at `path` (through wrappers, pipes, objects and arrays). */
function schemaAt(schema: v.GenericSchema, path: readonly Key[]): v.GenericSchema | undefined {
  let s: unknown = schema;
  for (const key of path) {
    let node = s as Record<string, unknown>;
    while ("wrapped" in node) node = node.wrapped as Record<string, unknown>;
    if ("entries" in node) s = (node.entries as Record<Key, unknown>)[key];
    else if ("item" in node) s = node.item;
    else return undefined;
    if (s === undefined) return undefined;
  }
  return s as v.GenericSchema;
}

/** The issue of a strict object for a key it does not have. */
const isUnknownKey = (issue: Issue) => issue.type === "strict_object" && issue.expected === "never";
/** The issue of a strict object for a required key the input lacks. */
const isMissingKey = (issue: Issue) =>
  issue.type === "strict_object" && issue.expected !== "never" && issue.path?.at(-1)?.origin === "key";

/**
 * Validates `input` against `schema` and returns the parsed options (defaults filled in).
 *
 * @param fn - the factory's name, used in the message.
 * @throws {@link ParameterTypeError} for a missing, unknown or wrongly typed parameter;
 *   {@link ParameterRangeError} for a value outside its domain.
 */
export function parseParams<S extends v.GenericSchema>(
  fn: string,
  schema: S,
  input: unknown,
): v.InferOutput<S> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ParameterTypeError(fn, "", `${fn}: options must be an object, got ${show(input)}`);
  }
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  return fail(fn, schema, input, result.issues);
}

/** Throws the error of the issue that matters most: an unknown key first, else the first issue. */
function fail(fn: string, schema: v.GenericSchema, input: unknown, issues: readonly Issue[]): never {
  const unknown = issues.find(isUnknownKey);
  if (unknown) {
    const path = keysOf(unknown);
    const param = pathText(path);
    if (path.length > 1) throw new ParameterTypeError(fn, param, `${fn}: unknown parameter "${param}"`);
    const known = "entries" in schema ? Object.keys(schema.entries as object).join(", ") : "";
    throw new ParameterTypeError(
      fn,
      param,
      `${fn}: unknown parameter "${param}"${known ? ` (parameters: ${known})` : ""}`,
    );
  }
  let issue = issues[0]!;
  const path = keysOf(issue);
  if (isMissingKey(issue)) {
    // valibot reports a missing key without running its schema; run it on `undefined`, so that a
    // missing schedule reads "must be a schedule, got undefined" as a given `undefined` does.
    const entry = schemaAt(schema, path);
    const own = entry && v.safeParse(entry, undefined).issues?.[0];
    if (own) issue = own;
  }
  const param = pathText(path);
  const value = valueAt(input, path);
  if (issue.type === "picklist") return rangeError(fn, param, issue.message, value);
  if (issue.kind === "schema") {
    // A missing number, string, list... is "required"; a missing schedule is "not a schedule".
    if (value === undefined && issue.type !== "custom")
      throw new ParameterTypeError(fn, param, `${fn}: ${param} is required`);
    return typeError(fn, param, issue.message, value);
  }
  if (issue.type === "finite" || issue.type === "integer") return typeError(fn, param, issue.message, value);
  return rangeError(fn, param, issue.message, value);
}

/** Checks a cross-parameter condition; throws a {@link ParameterRangeError} naming `param` when it fails. */
export function ensure(ok: boolean, fn: string, param: string, expected: string, value: unknown): void {
  if (!ok) rangeError(fn, param, expected, value);
}

// ---------------------------------------------------------------------------------------------
// Parameter kinds. Each takes the parameter's help text (the playground's and `lrkit types`'
// description). A default is `v.optional(p.positive("... Defaults to 1."), 1)`; a further check
// goes in a pipe, the help last:
// `v.pipe(p.number(), v.check((x) => x > 1, "must be greater than 1"), v.description("..."))`.

type Help = string | undefined;

/** The help text as a pipe item (none without one). */
function described<T>(help: Help): v.DescriptionAction<T, string>[] {
  return help === undefined ? [] : [v.description<T, string>(help)];
}

type NumberCheck = v.CheckAction<number, string>;

/** A finite number that passes `check`: `type` is the message for anything else (NaN, Infinity, "1"). */
function numeric(type: string, help: Help, ...checks: NumberCheck[]) {
  return v.pipe(v.number(type), v.finite(type), ...checks, ...described<number>(help));
}

const FINITE = "must be a finite number";

/** Any finite number. */
export const number = (help?: string) => numeric(FINITE, help);

/** A finite number >= 0 (a learning rate, a floor). */
export const nonNegative = (help?: string) =>
  numeric(
    FINITE,
    help,
    v.check((x) => x >= 0, "must be a non-negative number"),
  );

/** A finite number > 0. */
export const positive = (help?: string) =>
  numeric(
    FINITE,
    help,
    v.check((x) => x > 0, "must be a positive number"),
  );

/** An integer > 0 (a horizon, a period). */
export const positiveInt = (help?: string) =>
  numeric(
    "must be a positive integer",
    help,
    v.check((x) => Number.isInteger(x) && x > 0, "must be a positive integer"),
  );

/** An integer >= 0. */
export const nonNegativeInt = (help?: string) =>
  numeric(
    "must be a non-negative integer",
    help,
    v.check((x) => Number.isInteger(x) && x >= 0, "must be a non-negative integer"),
  );

/** A number in [0, 1]. */
export const unit = (help?: string) =>
  numeric(
    FINITE,
    help,
    v.check((x) => x >= 0 && x <= 1, "must be in [0, 1]"),
  );

/** A number in the open interval (0, 1). */
export const openUnit = (help?: string) =>
  numeric(
    FINITE,
    help,
    v.check((x) => x > 0 && x < 1, "must be in (0, 1)"),
  );

/** One of the given strings (anything else, a missing value included, is a RangeError). */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, help?: string) =>
  v.pipe(
    v.picklist(values, `must be one of ${values.map((x) => `"${x}"`).join(", ")}`),
    ...described<T[number]>(help),
  );

/** A boolean. */
export const boolean = (help?: string) =>
  v.pipe(v.boolean("must be true or false"), ...described<boolean>(help));

/** A string. */
export const string = (help?: string) => v.pipe(v.string("must be a string"), ...described<string>(help));

/** A list of finite numbers. */
export const numbers = (help?: string) =>
  v.pipe(v.array(number(), "must be a list of numbers"), ...described<number[]>(help));

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && [Object.prototype, null].includes(Object.getPrototypeOf(x));

/**
 * A plain object (a Python dict) whose values pass `value`; `message` for anything else. Written
 * here because valibot's `record` takes arrays too (their indices as keys), and a list is no dict.
 */
export const record = <V extends v.GenericSchema>(value: V, message: string, help?: string) =>
  v.pipe(
    v.custom<Record<string, v.InferInput<V>>>(isPlainObject, message),
    v.record(v.string(), value, message),
    ...described<Record<string, v.InferOutput<V>>>(help),
  );

const scheduleSchema = () => v.custom<Schedule>(isSchedule, "must be a schedule");

/** A Schedule (in a JSON spec: a nested spec, which fromSpec builds first). */
export const schedule = (help?: string) => v.pipe(scheduleSchema(), ...described<Schedule>(help));

/** A list of Schedules. */
export const schedules = (help?: string) =>
  v.pipe(v.array(scheduleSchema(), "must be a list of schedules"), ...described<Schedule[]>(help));

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
 * @throws {@link ParameterRangeError} naming the parameter, the formula and the column of the problem,
 *   or the engine's reason when the formula cannot be evaluated at all.
 */
export function formulaParam(
  fn: string,
  param: string,
  source: string,
  options: FormulaOptions = {},
): (x: number) => number {
  let compiled: (x: number) => number;
  try {
    compiled = compileFormula(source, options);
  } catch (e) {
    if (e instanceof SpecSyntaxError)
      rangeError(fn, param, `is not a valid formula (${e.reason} at column ${e.column})`, source);
    throw e;
  }
  // Evaluated once here: what the engine cannot evaluate at all (a call of 130,000 arguments)
  // fails now, naming the parameter, not at every later call.
  try {
    compiled(0);
  } catch (e) {
    rangeError(fn, param, `cannot be evaluated (${(e as Error).message})`, source);
  }
  return compiled;
}
