/**
 * The tokens of the text forms as JavaScript reads them, where jsep reads less: numbers (`0x10`,
 * `1_000`, `1e-4`, `.5`, `1n`; jsep reads decimals only), strings with every JavaScript escape (so
 * that `toText`'s `JSON.stringify` output always reads back), names, spaces and comments, and
 * JavaScript's error for a token that cannot stand where it is.
 *
 * @module
 */
import { SpecSyntaxError } from "./syntaxError.js";
import type { Literal } from "./syntaxTree.js";

const DIGITS = String.raw`\d(?:_?\d)*`;
const EXPONENT = String.raw`(?:[eE][+-]?${DIGITS})?`;
const NUMBER = new RegExp(
  [
    String.raw`0[xX][\da-fA-F](?:_?[\da-fA-F])*n?|0[oO][0-7](?:_?[0-7])*n?|0[bB][01](?:_?[01])*n?`,
    String.raw`(?:0|[1-9](?:_?\d)*)n`,
    String.raw`0[0-7]+(?!\d)`, // legacy octal: no fraction, no exponent
    String.raw`0\d+(?:\.\d*)?(?:[eE][+-]?\d+)?`, // a leading zero with an 8 or 9: decimal, no separators
    String.raw`(?:(?:0|[1-9](?:_?\d)*)(?:\.(?:${DIGITS})?)?|\.${DIGITS})${EXPONENT}`,
  ].join("|"),
  "y",
);
const IDENTIFIER_START = /[\p{ID_Start}$_\\]/u;
/** A JavaScript name (without `\u` escapes). */
export const IDENTIFIER = /[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*/uy;
/** A line terminator. */
export const LINE_BREAK = /[\n\r\u2028\u2029]/;
/** Characters that can begin a JavaScript token; any other is an "Unexpected character". */
const TOKEN_START = /[\s\p{ID_Start}$_\\\d'"`{}()[\];,<>+\-*/%&|^!~?:=.]/u;
const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", v: "\v", f: "\f" };
const CONTINUATION = /\r\n?|[\n\u2028\u2029]/y;
const OCTAL = /[0-7]{1,3}/y;
const HEX = /[\da-fA-F]+/y;

/** The text of `source` matched by the sticky `pattern` at `at`, if any. */
export function match(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0];
}

/**
 * Reads the number literal at `start` (a digit, or a period followed by a digit).
 *
 * @throws {@link SpecSyntaxError} JavaScript's error for a malformed number ("Invalid number",
 *   "Identifier directly after number", a misplaced numeric separator).
 */
export function readNumber(source: string, start: number): Literal & { end: number } {
  const raw = match(NUMBER, source, start) ?? "";
  const end = start + raw.length;
  const next = source.charAt(end);
  const fail = (reason: string, at = end): never => {
    throw new SpecSyntaxError(reason, source, at);
  };
  const exponent = /^[eE]$/.test(next) && !/^0(?:[xXoObB]|[0-7]+$)|[eEn]/.test(raw);
  const digitsAt = exponent ? end + (/[+-]/.test(source.charAt(end + 1)) ? 2 : 1) : end + 1;
  const radix = raw === "0" && /^[xXoObB]$/.test(next);
  const digitsStart = exponent || radix ? digitsAt : end;
  if ((exponent || radix || raw.endsWith(".")) && source[digitsStart] === "_")
    fail("Numeric separator is not allowed at the first of digits", digitsStart);
  if (radix) fail(`Expected number in radix ${{ x: 16, o: 8, b: 2 }[next.toLowerCase()]}`, end + 1);
  if (exponent) fail("Invalid number", start);
  if (next === "_" && !raw.endsWith("n")) {
    if (/^0\d*$/.test(raw)) fail("Numeric separator is not allowed in legacy octal numeric literals");
    if (source[end + 1] === "_") fail("Numeric separator must be exactly one underscore", end + 1);
    fail("Numeric separator is not allowed at the last of digits");
  }
  if (IDENTIFIER_START.test(next)) fail("Identifier directly after number");
  const digits = raw.replace(/_/g, "");
  const value = raw.endsWith("n")
    ? BigInt(digits.slice(0, -1))
    : /^0[0-7]+$/.test(raw)
      ? parseInt(raw, 8) // a legacy octal literal, as JavaScript outside strict mode reads it
      : Number(digits);
  return { type: "Literal", value, raw, start, end };
}

/**
 * Reads the string literal at `start` (a single or double quote), with JavaScript's escapes.
 *
 * @throws {@link SpecSyntaxError} "Unterminated string constant" or "Bad character escape sequence".
 */
export function readString(source: string, start: number): Literal & { end: number } {
  const quote = source[start];
  let value = "";
  let i = start + 1;
  for (;;) {
    const ch = source[i];
    if (ch === undefined || ch === "\n" || ch === "\r")
      throw new SpecSyntaxError("Unterminated string constant", source, start);
    i++;
    if (ch === quote) break;
    if (ch !== "\\") {
      value += ch;
      continue;
    }
    const escape = source[i];
    if (escape === undefined) throw new SpecSyntaxError("Unterminated string constant", source, start);
    const continuation = match(CONTINUATION, source, i);
    const octal = match(OCTAL, source, i);
    if (continuation !== undefined) {
      i += continuation.length;
    } else if (octal !== undefined) {
      const digits = parseInt(octal, 8) > 255 ? octal.slice(0, -1) : octal;
      value += String.fromCharCode(parseInt(digits, 8));
      i += digits.length;
    } else if (escape === "x" || escape === "u") {
      const braced = escape === "u" && source[i + 1] === "{";
      const hex = braced ? match(HEX, source, i + 2) : source.slice(i + 1, i + (escape === "x" ? 3 : 5));
      const code = hex === undefined ? NaN : parseInt(hex, 16);
      const ok = braced
        ? source[i + 2 + (hex?.length ?? 0)] === "}"
        : /^[\da-fA-F]+$/.test(hex ?? "") && hex?.length === (escape === "x" ? 2 : 4);
      if (!ok) throw new SpecSyntaxError("Bad character escape sequence", source, i + 1);
      if (code > 0x10ffff) throw new SpecSyntaxError("Code point out of bounds", source, i + 2);
      value += String.fromCodePoint(code);
      i += braced ? (hex?.length ?? 0) + 3 : (hex?.length ?? 0) + 1;
    } else {
      value += SIMPLE_ESCAPES[escape] ?? escape;
      i++;
    }
  }
  return { type: "Literal", value, raw: source.slice(start, i), start, end: i };
}

/**
 * The offset of the first character at or after `index` that is not a space, a line break or a
 * comment (`/* ... *\/`, `// ...`), as in JavaScript.
 *
 * @throws {@link SpecSyntaxError} "Unterminated comment".
 */
export function skipSpaces(source: string, index: number): number {
  for (let i = index; ;) {
    while (/\s/.test(source.charAt(i))) i++;
    if (source.startsWith("/*", i)) {
      const close = source.indexOf("*/", i + 2);
      if (close < 0) throw new SpecSyntaxError("Unterminated comment", source, i);
      i = close + 2;
    } else if (source.startsWith("//", i)) {
      while (i < source.length && !LINE_BREAK.test(source.charAt(i))) i++;
    } else {
      return i;
    }
  }
}

/**
 * JavaScript's error for the token at `at`: the token's own error for a bad string or number (as
 * JavaScript reads a token before it finds it unexpected), "Unexpected character 'x'" for a
 * character that begins no token, else "Unexpected token" (with a hint for `-a ** b`).
 *
 * @throws {@link SpecSyntaxError} the token's own error.
 */
export function unexpectedAt(source: string, at: number): SpecSyntaxError {
  if (/["']/.test(source.charAt(at))) readString(source, at);
  if (/\d|\.\d/y.test(source.slice(at, at + 2))) readNumber(source, at);
  const ch = String.fromCodePoint(source.codePointAt(at) ?? 32);
  if (!TOKEN_START.test(ch)) return new SpecSyntaxError(`Unexpected character '${ch}'`, source, at);
  const hint = source.startsWith("**", at) ? " (write -(a ** b) or (-a) ** b)" : "";
  return new SpecSyntaxError(`Unexpected token${hint}`, source, at);
}
