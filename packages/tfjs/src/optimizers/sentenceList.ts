/**
 * Words listed as an error message lists them.
 *
 * @module
 */

const FORMATS = {
  and: new Intl.ListFormat("en-GB", { type: "conjunction" }),
  or: new Intl.ListFormat("en-GB", { type: "disjunction" }),
};

/**
 * `["a", "b", "c"]` as `"a, b and c"` (or `"a, b or c"`), without a serial comma.
 *
 * @example
 * ```ts
 * sentenceList(["adam", "adamax"], "or"); // "adam or adamax"
 * ```
 */
export function sentenceList(words: readonly string[], conjunction: "and" | "or"): string {
  return FORMATS[conjunction].format(words);
}
