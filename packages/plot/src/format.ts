/**
 * Number formats of the charts (d3-format): values with 4 significant digits, ticks as d3's scales
 * choose them, powers of ten as `1e-3`.
 *
 * @module
 */
import { format } from "d3-format";

const general = format(".4~g");
const exponent = format(".3~e");

/** A value as written on a curve: `0.3`, `0.01`, `0.0005`, `3.333e-6`, `1e-13`. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-4 || a >= 1e6) ? exponent(v).replace("e+", "e") : general(v);
}

/** A power of ten (or any log-axis tick) as `1e-3`. */
export const formatPower = (v: number): string => format("~e")(v).replace("e+", "e");
