/**
 * Keyword arguments with Python's binding rules: defaults, required names, and CPython's
 * `TypeError` for an unexpected or missing argument.
 *
 * @module
 */
import { raise } from "./errors.js";
import { typeName } from "./python.js";

/** Marks a parameter without a default in a {@link bindKwargs} signature. */
export const REQUIRED: unique symbol = Symbol("required");

/** A Python signature after the positional `optimizer`: each name with its default or {@link REQUIRED}. */
export type Signature = Readonly<Record<string, unknown>>;

function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length <= 2) return quoted.join(" and ");
  return `${quoted.slice(0, -1).join(", ")}, and ${quoted[quoted.length - 1]}`;
}

/**
 * Binds `kwargs` to `signature` as a call `owner(optimizer, **kwargs)` would: every name of the
 * signature gets the given value (`null` is Python's `None`) or its default; an `undefined` value
 * counts as not given.
 *
 * @param owner - the callable as Python names it, e.g. `"StepLR.__init__"`.
 * @throws TorchTypeError with CPython's message for an unexpected or a missing argument, or for
 *   `kwargs` that is not an object.
 */
export function bindKwargs(owner: string, kwargs: unknown, signature: Signature): Record<string, unknown> {
  if (kwargs === undefined) kwargs = {};
  if (kwargs === null || typeof kwargs !== "object" || Array.isArray(kwargs)) {
    return raise("TypeError", `${owner}() argument after ** must be a mapping, not ${typeName(kwargs)}`);
  }
  const given = Object.fromEntries(Object.entries(kwargs).filter(([, v]) => v !== undefined));
  for (const key of Object.keys(given)) {
    if (key === "optimizer") raise("TypeError", `${owner}() got multiple values for argument 'optimizer'`);
    if (!Object.hasOwn(signature, key))
      raise("TypeError", `${owner}() got an unexpected keyword argument '${key}'`);
  }
  const missing = Object.keys(signature).filter((k) => signature[k] === REQUIRED && !Object.hasOwn(given, k));
  if (missing.length > 0) {
    const plural = missing.length === 1 ? "argument" : "arguments";
    raise(
      "TypeError",
      `${owner}() missing ${missing.length} required positional ${plural}: ${listNames(missing)}`,
    );
  }
  const bound: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(signature)) {
    bound[key] = Object.hasOwn(given, key) ? given[key] : fallback;
  }
  return bound;
}
