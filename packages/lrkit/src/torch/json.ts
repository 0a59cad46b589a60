/**
 * JSON as the golden files write it: non-finite numbers as the strings `"NaN"`, `"Infinity"` and
 * `"-Infinity"`, and (when reading a case file's text) floats written with a decimal point or an
 * exponent kept apart from integers, as Python's `json` module keeps them.
 *
 * @module
 */

const NON_FINITE: Readonly<Record<string, number>> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };

/** Replaces non-finite numbers, anywhere in `value`, by their string names. */
export function encodeNonFinite(value: unknown): unknown {
  if (typeof value === "number" || value instanceof Number) {
    const v = Number(value);
    if (Number.isFinite(v)) return v;
    return Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
  }
  if (Array.isArray(value)) return value.map(encodeNonFinite);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeNonFinite(v)]));
  }
  return value;
}

/** Replaces the strings `"NaN"`, `"Infinity"`, `"-Infinity"`, anywhere in `value`, by numbers. */
export function decodeNonFinite(value: unknown): unknown {
  if (typeof value === "string") return Object.hasOwn(NON_FINITE, value) ? NON_FINITE[value] : value;
  if (Array.isArray(value)) return value.map(decodeNonFinite);
  if (value !== null && typeof value === "object" && !(value instanceof Number)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeNonFinite(v)]));
  }
  return value;
}

const FLOAT_MARK = "\u0000float:";
// A JSON string (skipped as it is) or a number literal with a fraction or an exponent.
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * Parses JSON text like `JSON.parse`, except that an integral number written as a float
 * (`10.0`, `1e2`) becomes a boxed `Number`: the Python `float` that `python.ts` tells apart from
 * the `int` `10`. PyTorch checks the difference (`T_0`, `total_steps` must be ints, `pct_start` a
 * float); a boxed number still works in arithmetic.
 *
 * @throws SyntaxError for invalid JSON.
 */
export function parsePythonJson(text: string): unknown {
  const marked = text.replace(TOKENS, (token) =>
    token.startsWith('"') || !/[.eE]/.test(token) || !Number.isInteger(Number(token))
      ? token
      : JSON.stringify(FLOAT_MARK + token),
  );
  return JSON.parse(marked, (_key, value: unknown) =>
    typeof value === "string" && value.startsWith(FLOAT_MARK)
      ? new Number(Number(value.slice(FLOAT_MARK.length)))
      : value,
  );
}
