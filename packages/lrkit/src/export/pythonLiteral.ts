/**
 * Python literals of JSON-like values, for generated scripts and the native calls of registry
 * entries.
 *
 * @module
 */

/** A Python literal of a JSON-like value: numbers as the same double, `True`/`False`, lists, dicts. */
export function py(value: unknown): string {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return 'float("nan")';
    if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : '-float("inf")';
    // As String writes it, but without V8's number-to-string cache, which keeps tens of MB of a
    // long table alive (and is slower).
    return JSON.stringify(value);
  }
  if (typeof value === "boolean") return value ? "True" : "False";
  if (value === null || value === undefined) return "None";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(py).join(", ")}]`;
  return `{${Object.entries(value as object)
    .map(([k, v]) => `${JSON.stringify(k)}: ${py(v)}`)
    .join(", ")}}`;
}

/** Keyword arguments `a=1, b=2`, skipping undefined values. */
export function kwargs(args: Record<string, unknown>): string {
  return Object.entries(args)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${py(v)}`)
    .join(", ");
}
