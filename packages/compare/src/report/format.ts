/**
 * Numbers and durations as the report and the terminal show them.
 *
 * @module
 */

/**
 * A logged value for a table: three decimals in the usual range of losses and accuracies, three
 * significant digits outside it; "–" for none or a non-finite value.
 *
 * @example
 * ```ts
 * formatMetric(0.94412); // "0.944"
 * formatMetric(0.000123); // "0.000123"
 * ```
 */
export function formatMetric(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  const a = Math.abs(v);
  return a === 0 || (a >= 1e-2 && a < 1e3) ? v.toFixed(3) : Number(v.toPrecision(3)).toString();
}

/**
 * `1h02m`, `4m05s`, `37s`.
 *
 * @example
 * ```ts
 * formatDuration(245); // "4m05s"
 * ```
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}
