/**
 * PyTorch's lambdas (`lr_lambda`, `scale_fn`) as formula strings of lrkit's safe formula language,
 * evaluated with CPython's semantics, so that they serialize with the scheduler's state. A
 * JavaScript function is accepted too (its state entry is then `null`, as PyTorch saves `None` for
 * a Python function).
 *
 * @module
 */
import { compileFormula } from "../spec/formula.js";
import { SpecSyntaxError } from "../spec/syntaxError.js";
import { raise } from "./errors.js";
import type { Optimizer } from "./optimizer.js";
import { typeName } from "./python.js";
import type { TorchBehaviour } from "./version.js";

/** A lambda: a formula in `epoch` (or `x` for `scale_fn`), e.g. `"0.95 ** epoch"`, or a function. */
export type LrLambda = string | ((epoch: number) => number);

/** A lambda ready to call, with the formula it came from (`null` for a function). */
export interface CompiledLambda {
  /** The formula, or `null` for a JavaScript function (or a value that is not callable). */
  readonly source: string | null;
  /** Evaluates the lambda; a non-callable value fails here, as in Python. */
  readonly call: (x: number) => number;
  /** For a value that is not callable: its Python type name. */
  readonly notCallable?: string;
}

/**
 * Compiles a lambda argument. A string is a formula (compiled now: a syntax error throws at
 * construction); a function is used as it is; anything else is kept and fails with Python's
 * `TypeError` ("'float' object is not callable") when called.
 *
 * @param variable - the formula's variable: `"epoch"` for `lr_lambda`, `"x"` for `scale_fn`.
 * @throws SyntaxError for a formula outside the language.
 */
export function compileLambda(value: unknown, variable: "epoch" | "x"): CompiledLambda {
  if (typeof value === "string") return { source: value, call: compileSource(value, variable) };
  if (typeof value === "function") return { source: null, call: value as (x: number) => number };
  const type = typeName(value);
  return {
    source: null,
    call: () => raise("TypeError", `'${type}' object is not callable`),
    notCallable: type,
  };
}

/**
 * A formula compiled with Python's semantics. A name outside the language compiles, as in
 * Python, to a lambda that raises `NameError` when called.
 */
function compileSource(source: string, variable: string): (x: number) => number {
  try {
    return compileFormula(source, { variable, semantics: "python" });
  } catch (e) {
    if (!(e instanceof SpecSyntaxError) || !/^Unknown (name|function)/.test(e.reason)) throw e;
    const name = /^[A-Za-z_$][\w$]*/.exec(source.slice(e.offset))?.[0] ?? source;
    return () => raise("NameError", `name '${name}' is not defined`);
  }
}

/**
 * One lambda per parameter group: a list must have one per group, a single lambda serves all.
 *
 * @throws TorchValueError "Expected N lr_lambdas, but got M" for a list of the wrong length.
 */
export function lambdasPerGroup(value: unknown, optimizer: Optimizer): CompiledLambda[] {
  const n = optimizer.param_groups.length;
  if (!Array.isArray(value)) return Array.from({ length: n }, () => compileLambda(value, "epoch"));
  if (value.length !== n) raise("ValueError", `Expected ${n} lr_lambdas, but got ${value.length}`);
  return value.map((v) => compileLambda(v, "epoch"));
}

/**
 * PyTorch's `_format_param`: a list gives one value per group (and must have one per group), a
 * single value is repeated.
 *
 * @throws TorchValueError for a list of the wrong length (the version's message).
 */
export function perGroup(
  name: string,
  optimizer: Optimizer,
  value: unknown,
  torch: TorchBehaviour,
): unknown[] {
  const n = optimizer.param_groups.length;
  if (!Array.isArray(value)) return Array.from({ length: n }, () => value);
  if (value.length !== n) raise("ValueError", torch.messages.perGroupLength(name, n, value.length));
  return [...value];
}
