/**
 * Building blocks of closed forms: expressions in lrkit's formula language (the common subset of
 * Python and JavaScript), built as strings. The language has no conditional, so a choice is written
 * with an indicator that is exactly 0 or 1, `ind * a + (1 - ind) * b`, whose branches are always kept
 * finite (each is evaluated at a step clamped into its own domain): the result is then exactly `a` or
 * exactly `b`.
 *
 * @module
 */

/** The error of the exporters: a schedule that a target cannot express. */
export class ExportError extends Error {
  override name = "ExportError";
}

/** A number literal that Python and JavaScript read as the same double. */
export function num(v: number): string {
  if (Number.isNaN(v)) throw new ExportError(`export: cannot write NaN in a closed form`);
  if (!Number.isFinite(v)) throw new ExportError(`export: cannot write ${v} in a closed form`);
  const s = String(Object.is(v, -0) ? 0 : v);
  return v < 0 ? `(${s})` : s;
}

/** True when `s` needs no parentheses as an operand: a name, a number, a call, or already wrapped. */
function isAtom(s: string): boolean {
  if (/^[A-Za-z_]\w*$|^\d+(\.\d+)?(e[+-]?\d+)?$/.test(s)) return true;
  const open = s.indexOf("(");
  if (open < 0 || !s.endsWith(")") || !/^[A-Za-z_]*$/.test(s.slice(0, open))) return false;
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "(") depth++;
    else if (s[i] === ")") depth--;
    if (depth === 0 && i < s.length - 1) return false;
  }
  return true;
}

/** `s` as an operand: wrapped in parentheses unless it is atomic. */
export function P(s: string): string {
  return isAtom(s) ? s : `(${s})`;
}

/** `s` without redundant parentheses around all of it (for a readable top-level expression). */
export function unwrap(s: string): string {
  while (s.startsWith("(") && closing(s, 0) === s.length - 1) s = s.slice(1, -1);
  return s;
}

/** The index of the parenthesis that closes the one at `open`. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "(") depth++;
    else if (s[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

/** `1` when `x >= 0`, else `0` (exactly; for any finite x). */
export function ge(x: string): string {
  return `min(max(floor(${x}) + 1, 0), 1)`;
}

/** `1` when `x > 0`, else `0` (exactly; for any finite x). */
export function gt(x: string): string {
  return `min(max(ceil(${x}), 0), 1)`;
}

/** `a` where the indicator `ind` is 1, `b` where it is 0; both branches must be finite. */
export function select(ind: string, a: string, b: string): string {
  if (a === b) return a;
  return `${ind} * ${P(a)} + (1 - ${ind}) * ${P(b)}`;
}

/** `x - c`, simplified for `c = 0`. */
export function minus(x: string, c: number): string {
  return c === 0 ? x : `${P(x)} - ${num(c)}`;
}

/** Replaces the variable `name` of a formula by the expression `x`. */
export function substitute(formula: string, name: string, x: string): string {
  return formula.replace(new RegExp(`\\b${name}\\b`, "g"), P(x));
}

/** `x - c` clamped at 0: the local step of a part that starts at `c` (0 before it, finite). */
export function local(x: string, c: number): string {
  return c === 0 ? x : `max(${minus(x, c)}, 0)`;
}
